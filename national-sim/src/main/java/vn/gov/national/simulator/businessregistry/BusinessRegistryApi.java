package vn.gov.national.simulator.businessregistry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * SIMULATOR of the national business registration database (CSDL quốc gia về đăng ký doanh nghiệp):
 * {@code GET /business-registry/api/enterprises/{taxCode}} (10 digits, or 10 + "-" + 3 digits for a branch).
 */
@RestController
@RequestMapping("/business-registry/api")
class BusinessRegistryApi {

    static final String NOTICE = "TRÌNH MÔ PHỎNG CSDL quốc gia về đăng ký doanh nghiệp – dữ liệu giả. SIMULATOR: fake business data.";

    private static final Logger log = LoggerFactory.getLogger(BusinessRegistryApi.class);

    private final BusinessRegistry registry;

    BusinessRegistryApi(BusinessRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/enterprises/{taxCode}")
    Map<String, Object> enterprise(@PathVariable String taxCode) {
        if (!BusinessRegistry.TAX_CODE.matcher(taxCode).matches()) {
            throw SimulatorProblem.invalid("taxCode", "tax-code",
                    "Tham số 'taxCode' phải là mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số với đơn vị phụ thuộc");
        }
        log.info("SIMULATOR business registry: looked up {}", taxCode);
        Enterprise enterprise = registry.byTaxCode(taxCode).orElseThrow(() -> SimulatorProblem.notFound("unknown-enterprise",
                "Không có doanh nghiệp với mã số thuế '%s' trong CSDL đăng ký doanh nghiệp (mô phỏng)".formatted(taxCode)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notice", NOTICE);
        body.put("taxCode", enterprise.taxCode());
        body.put("name", enterprise.name());
        body.put("type", enterprise.type());
        body.put("status", enterprise.status());
        body.put("registeredOn", enterprise.registeredOn().toString());
        body.put("headOffice", enterprise.headOffice());
        body.put("phoneNumber", enterprise.phoneNumber());
        body.put("email", enterprise.email());
        body.put("legalRepresentatives", enterprise.legalRepresentatives());
        return body;
    }
}
