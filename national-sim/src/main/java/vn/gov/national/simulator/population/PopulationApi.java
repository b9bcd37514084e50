package vn.gov.national.simulator.population;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.national.simulator.JsonBodyCheck;
import vn.gov.national.simulator.SimulatorProblem;
import vn.gov.national.simulator.vneid.PersonalIdentificationNumber;

/**
 * SIMULATOR of the national population database (CSDL quốc gia về dân cư):
 * <pre>
 * GET /population/api/citizens/{personalId}   header X-Requesting-Agency: &lt;agency code&gt;  → the resident
 * GET /population/api/access-log?personalId=  → [{at, personalId (masked), requestingAgency, found}] in arrival order
 * </pre>
 */
@RestController
@RequestMapping("/population/api")
class PopulationApi {

    static final String AGENCY_HEADER = "X-Requesting-Agency";

    static final String NOTICE = "TRÌNH MÔ PHỎNG CSDL quốc gia về dân cư – dữ liệu giả. SIMULATOR: fake population data.";

    /** The oldest entries go beyond this: a long-running demonstration must not fill the memory. */
    private static final int MAX_LOG = 10_000;

    private static final Pattern AGENCY_CODE = Pattern.compile("[0-9A-Za-z._-]{1,50}");

    private static final Logger log = LoggerFactory.getLogger(PopulationApi.class);

    record Access(Instant at, String personalId, String requestingAgency, boolean found) {
    }

    private final PopulationDatabase database;

    private final List<Access> accessLog = new ArrayList<>();

    PopulationApi(PopulationDatabase database) {
        this.database = database;
    }

    @GetMapping("/citizens/{personalId}")
    Map<String, Object> citizen(@PathVariable String personalId,
                                @RequestHeader(name = AGENCY_HEADER, required = false) String agency) {
        if (agency == null || agency.isBlank()) {
            throw SimulatorProblem.invalid(AGENCY_HEADER, "required",
                    "Tiêu đề '%s' (mã cơ quan khai thác dữ liệu) là bắt buộc".formatted(AGENCY_HEADER));
        }
        if (!AGENCY_CODE.matcher(agency.strip()).matches()) {
            throw SimulatorProblem.invalid(AGENCY_HEADER, "agency-code",
                    "Tiêu đề '%s' phải là mã cơ quan gồm chữ, số, dấu chấm hoặc gạch (tối đa 50 ký tự)".formatted(AGENCY_HEADER));
        }
        String problem = JsonBodyCheck.personalIdProblem(personalId);
        if (problem != null) {
            throw SimulatorProblem.invalid("personalId", "personal-id", "Tham số 'personalId' " + problem);
        }
        Resident resident = database.byPersonalId(personalId).orElse(null);
        synchronized (accessLog) {
            if (accessLog.size() >= MAX_LOG) {
                accessLog.remove(0);
            }
            accessLog.add(new Access(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), personalId, agency.strip(), resident != null));
        }
        log.info("SIMULATOR population: {} looked up {} ({})", agency.strip(), PersonalIdentificationNumber.mask(personalId),
                resident == null ? "not found" : "found");
        if (resident == null) {
            throw SimulatorProblem.notFound("unknown-citizen",
                    "Không có công dân với số định danh '%s' trong CSDL dân cư (mô phỏng)".formatted(
                            PersonalIdentificationNumber.mask(personalId)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notice", NOTICE);
        body.put("personalId", resident.personalId());
        body.put("fullName", resident.fullName());
        body.put("birthDate", resident.birthDate().toString());
        body.put("sex", resident.sex());
        body.put("nationality", resident.nationality());
        body.put("ethnicity", resident.ethnicity());
        body.put("permanentAddress", resident.permanentAddress());
        body.put("currentAddress", resident.currentAddress());
        body.put("phoneNumber", resident.phoneNumber());
        body.put("email", resident.email());
        return body;
    }

    /** SIMULATOR ONLY, for tests and demonstrations: who looked up whom; needs no agency header. */
    @GetMapping("/access-log")
    List<Map<String, Object>> accessLog(@RequestParam(required = false) String personalId) {
        List<Access> entries;
        synchronized (accessLog) {
            entries = List.copyOf(accessLog);
        }
        return entries.stream()
                .filter(a -> personalId == null || personalId.isBlank() || a.personalId().equals(personalId.strip()))
                .map(a -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("at", a.at().toString());
                    entry.put("personalId", PersonalIdentificationNumber.mask(a.personalId()));
                    entry.put("requestingAgency", a.requestingAgency());
                    entry.put("found", a.found());
                    return entry;
                })
                .toList();
    }
}
