package vn.gov.national.simulator.nationalportal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.national.simulator.CitizenSubmission;
import vn.gov.national.simulator.JsonBodyCheck;
import vn.gov.national.simulator.SamplePdf;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * The simulated national portal's memory: dossiers citizens submitted there, their acknowledgement by the province
 * (which dossier code it gave them) and the status reports the province sent. Thread-safe; seeded at start with the
 * waiting dossiers of {@code national-sim/national-portal/waiting-dossiers.json}.
 */
@Component
class NationalPortal {

    private static final Logger log = LoggerFactory.getLogger(NationalPortal.class);

    /** The portal's submission: an applicant with an e-mail, the result online, at the desk or by post to a delivery address. */
    static final CitizenSubmission.Shape SUBMISSION = new CitizenSubmission.Shape("applicant", true, false, "deliveryAddress",
            Set.of("ONLINE", "AT_DESK", "BY_POST"));

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    /** A dossier on the portal; {@code dossierCode} and {@code acknowledgedAt} are set once the province took it. */
    static final class Dossier {
        final String portalDossierId;
        final Instant submittedAt;
        final CitizenSubmission submission;
        String dossierCode;
        Instant acknowledgedAt;

        Dossier(String portalDossierId, Instant submittedAt, CitizenSubmission submission) {
            this.portalDossierId = portalDossierId;
            this.submittedAt = submittedAt;
            this.submission = submission;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("portalDossierId", portalDossierId);
            json.put("submittedAt", submittedAt.toString());
            json.putAll(submission.toJson());
            return json;
        }
    }

    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    private final Map<String, Dossier> dossiers = new LinkedHashMap<>();

    private final Map<LocalDate, Integer> sequenceByDay = new HashMap<>();

    private final List<StatusReport> reports = new ArrayList<>();

    /** The reports by their key, so that a report sent again is found at once however many came before. */
    private final Map<String, StatusReport> reportsByKey = new HashMap<>();

    NationalPortal() {
        seed();
    }

    private void seed() {
        JsonNode file;
        try (InputStream in = new ClassPathResource("national-sim/national-portal/waiting-dossiers.json").getInputStream()) {
            file = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        for (JsonNode seed : file.path("dossiers")) {
            ObjectNode body = ((ObjectNode) seed).deepCopy();
            Instant submittedAt = now.minus(Duration.ofMinutes(body.remove("submittedMinutesAgo").asLong()));
            SamplePdf.fillDocuments(body);
            add(CitizenSubmission.from(body, SUBMISSION), submittedAt);
        }
    }

    Dossier submit(CitizenSubmission submission) {
        return add(submission, clock.instant());
    }

    private synchronized Dossier add(CitizenSubmission submission, Instant submittedAt) {
        LocalDate day = LocalDate.ofInstant(submittedAt, JsonBodyCheck.VIETNAM);
        int sequence = sequenceByDay.merge(day, 1, Integer::sum);
        String id = "G22.99-" + DAY.format(day) + "-" + "%06d".formatted(sequence);
        Dossier dossier = new Dossier(id, submittedAt, submission);
        dossiers.put(id, dossier);
        log.info("SIMULATOR national portal: dossier {} submitted for procedure {}", id, submission.procedureCode());
        return dossier;
    }

    /**
     * Dossiers the province has not answered yet, oldest first: neither acknowledged with a dossier code nor reported
     * "not received" (status 3) — a dossier the province refused no longer waits, so refusals cannot clog the list.
     */
    synchronized List<Map<String, Object>> waiting(int limit) {
        return dossiers.values().stream().filter(d -> d.dossierCode == null && !refusedByProvince(d.portalDossierId))
                .sorted(Comparator.comparing((Dossier d) -> d.submittedAt).thenComparing(d -> d.portalDossierId))
                .limit(limit).map(Dossier::toJson).toList();
    }

    /** Records the province's dossier code; the same code again is fine, another one is a conflict. */
    synchronized void acknowledge(String portalDossierId, String dossierCode) {
        Dossier dossier = dossiers.get(portalDossierId);
        if (dossier == null) {
            throw unknown(portalDossierId);
        }
        if (dossier.dossierCode == null) {
            dossier.dossierCode = dossierCode;
            dossier.acknowledgedAt = clock.instant();
            log.info("SIMULATOR national portal: dossier {} acknowledged as {}", portalDossierId, dossierCode);
        } else if (!dossier.dossierCode.equals(dossierCode)) {
            throw SimulatorProblem.conflict("already-acknowledged",
                    "Hồ sơ '%s' đã được xác nhận tiếp nhận với mã hồ sơ '%s', không thể đổi sang '%s'"
                            .formatted(portalDossierId, dossier.dossierCode, dossierCode));
        }
    }

    /** What a report gave: the report kept, and whether it was one already received under the same report key. */
    record Reported(StatusReport report, boolean duplicate) {
    }

    synchronized Reported report(JsonNode body) {
        return keep(StatusReport.from(body, reports.size() + 1L, clock.instant()), true);
    }

    /** What the portal answered for one report of a batch: {@code accepted}, {@code duplicate} or {@code refused}. */
    record BatchItem(String reportKey, String outcome, Long reportId, String reason) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("reportKey", reportKey);
            json.put("outcome", outcome);
            if (reportId != null) {
                json.put("reportId", reportId);
            }
            if (reason != null) {
                json.put("reason", reason);
            }
            return json;
        }
    }

    /**
     * A batch of reports, kept in the order given (so one dossier's reports keep theirs); each is answered on its own:
     * accepted, a duplicate of one received before under the same {@code reportKey}, or refused with the reason (an
     * invalid report, or one without a {@code reportKey}, which a batch needs to match its answers).
     */
    synchronized List<BatchItem> reportAll(List<JsonNode> bodies) {
        List<BatchItem> results = new ArrayList<>(bodies.size());
        for (JsonNode body : bodies) {
            String key = body != null && body.path("reportKey").isString() ? body.path("reportKey").asString() : null;
            if (key == null || key.isBlank()) {
                results.add(new BatchItem(key, "refused", null, "Trường 'reportKey' là bắt buộc khi báo cáo theo lô"));
                continue;
            }
            try {
                Reported reported = keep(StatusReport.from(body, reports.size() + 1L, clock.instant()), false);
                results.add(new BatchItem(key, reported.duplicate() ? "duplicate" : "accepted", reported.report().reportId(), null));
            } catch (SimulatorProblem e) {
                results.add(new BatchItem(key, "refused", null, e.getBody().getDetail()));
            }
        }
        log.info("SIMULATOR national portal: a batch of {} status reports: {} accepted, {} duplicate, {} refused", bodies.size(),
                count(results, "accepted"), count(results, "duplicate"), count(results, "refused"));
        return results;
    }

    private static long count(List<BatchItem> results, String outcome) {
        return results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    private Reported keep(StatusReport report, boolean logIt) {
        if (report.reportKey() != null) {
            StatusReport seen = reportsByKey.get(report.reportKey());
            if (seen != null) {
                if (logIt) {
                    log.info("SIMULATOR national portal: report {} of dossier {} received again, ignored", report.reportKey(), report.dossierCode());
                }
                return new Reported(seen, true);
            }
            reportsByKey.put(report.reportKey(), report);
        }
        reports.add(report);
        if (logIt) {
            log.info("SIMULATOR national portal: status {} of dossier {} reported", report.status(), report.dossierCode());
        }
        return new Reported(report, false);
    }

    synchronized List<StatusReport> reports(String dossierCode) {
        return reports.stream().filter(r -> dossierCode == null || r.dossierCode().equals(dossierCode)).toList();
    }

    /** The dossier with its acknowledgement and the reports of its dossier code (or naming it). */
    synchronized Map<String, Object> dossier(String portalDossierId) {
        Dossier dossier = Optional.ofNullable(dossiers.get(portalDossierId)).orElseThrow(() -> unknown(portalDossierId));
        Map<String, Object> json = dossier.toJson();
        json.put("acknowledgement", dossier.dossierCode == null ? null
                : Map.of("dossierCode", dossier.dossierCode, "acknowledgedAt", dossier.acknowledgedAt.toString()));
        json.put("statusReports", reports.stream()
                .filter(r -> r.dossierCode().equals(dossier.dossierCode) || portalDossierId.equals(r.portalDossierId()))
                .map(StatusReport::toJson).toList());
        return json;
    }

    synchronized List<Dossier> waitingDossiers() {
        return dossiers.values().stream().filter(d -> d.dossierCode == null && !refusedByProvince(d.portalDossierId)).toList();
    }

    private boolean refusedByProvince(String portalDossierId) {
        return reports.stream().anyMatch(r -> r.status() == 3 && portalDossierId.equals(r.portalDossierId()));
    }

    synchronized List<StatusReport> latestReports(int count) {
        List<StatusReport> newestFirst = new ArrayList<>(reports);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().limit(count).toList();
    }

    private static SimulatorProblem unknown(String portalDossierId) {
        return SimulatorProblem.notFound("unknown-portal-dossier",
                "Không có hồ sơ mã '%s' trên Cổng DVC quốc gia (mô phỏng)".formatted(portalDossierId));
    }
}
