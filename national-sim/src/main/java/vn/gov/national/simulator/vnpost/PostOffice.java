package vn.gov.national.simulator.vnpost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.national.simulator.CitizenSubmission;
import vn.gov.national.simulator.SamplePdf;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * The simulated VNPost's memory of postal dossiers (hồ sơ gửi qua bưu chính công ích): accepted at a post office,
 * delivered to the agency at once (a simulator has no lorries), waiting until the province acknowledges them.
 */
@Component
class PostOffice {

    private static final Logger log = LoggerFactory.getLogger(PostOffice.class);

    /** Papers handed in at a post office: a sender with an address, the result back by post to an address or at the desk. */
    static final CitizenSubmission.Shape SUBMISSION = new CitizenSubmission.Shape("sender", false, true, "returnAddress",
            Set.of("BY_POST", "AT_DESK"));

    /** The serial of the first item number; S10 serials have 8 digits. */
    private static final int FIRST_SERIAL = 26_000_001;

    static final class Item {
        final String itemNumber;
        final Instant acceptedAt;
        final Instant deliveredAt;
        final CitizenSubmission submission;
        String dossierCode;
        Instant acknowledgedAt;
        /** Why the province refused it (VNPost returns it to the sender); {@code null} unless refused. */
        String refusal;
        Instant refusedAt;

        Item(String itemNumber, Instant acceptedAt, Instant deliveredAt, CitizenSubmission submission) {
            this.itemNumber = itemNumber;
            this.acceptedAt = acceptedAt;
            this.deliveredAt = deliveredAt;
            this.submission = submission;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("itemNumber", itemNumber);
            json.put("acceptedAt", acceptedAt.toString());
            json.put("deliveredAt", deliveredAt.toString());
            json.putAll(submission.toJson());
            return json;
        }
    }

    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    private final Map<String, Item> items = new LinkedHashMap<>();

    private int nextSerial = FIRST_SERIAL;

    PostOffice() {
        JsonNode file;
        try (InputStream in = new ClassPathResource("national-sim/vnpost/waiting-postal-dossiers.json").getInputStream()) {
            file = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        for (JsonNode seed : file.path("postalDossiers")) {
            ObjectNode body = ((ObjectNode) seed).deepCopy();
            Instant acceptedAt = now.minus(Duration.ofMinutes(body.remove("acceptedMinutesAgo").asLong()));
            Instant deliveredAt = now.minus(Duration.ofMinutes(body.remove("deliveredMinutesAgo").asLong()));
            SamplePdf.fillDocuments(body);
            add(CitizenSubmission.from(body, SUBMISSION), acceptedAt, deliveredAt);
        }
    }

    Item accept(CitizenSubmission submission) {
        Instant now = clock.instant();
        return add(submission, now, now);
    }

    private synchronized Item add(CitizenSubmission submission, Instant acceptedAt, Instant deliveredAt) {
        Item item = new Item(ItemNumber.of("EB", nextSerial++, "VN"), acceptedAt, deliveredAt, submission);
        items.put(item.itemNumber, item);
        log.info("SIMULATOR VNPost: item {} accepted for agency {}", item.itemNumber, submission.agencyCode());
        return item;
    }

    synchronized List<Map<String, Object>> waiting(int limit) {
        return items.values().stream().filter(i -> i.dossierCode == null && i.refusal == null)
                .sorted(Comparator.comparing((Item i) -> i.acceptedAt).thenComparing(i -> i.itemNumber))
                .limit(limit).map(Item::toJson).toList();
    }

    synchronized void acknowledge(String itemNumber, String dossierCode) {
        Item item = items.get(itemNumber);
        if (item == null) {
            throw unknown(itemNumber);
        }
        if (item.refusal != null) {
            throw SimulatorProblem.conflict("already-refused",
                    "Bưu gửi '%s' đã bị cơ quan từ chối tiếp nhận và đang được chuyển hoàn cho người gửi".formatted(itemNumber));
        }
        if (item.dossierCode == null) {
            item.dossierCode = dossierCode;
            item.acknowledgedAt = clock.instant();
            log.info("SIMULATOR VNPost: item {} acknowledged as dossier {}", itemNumber, dossierCode);
        } else if (!item.dossierCode.equals(dossierCode)) {
            throw SimulatorProblem.conflict("already-acknowledged",
                    "Bưu gửi '%s' đã được xác nhận tiếp nhận với mã hồ sơ '%s', không thể đổi sang '%s'"
                            .formatted(itemNumber, item.dossierCode, dossierCode));
        }
    }

    /** The province refuses the dossier: VNPost returns the parcel to its sender with the reasons. Repeatable. */
    synchronized void refuse(String itemNumber, String reasons) {
        Item item = items.get(itemNumber);
        if (item == null) {
            throw unknown(itemNumber);
        }
        if (item.dossierCode != null) {
            throw SimulatorProblem.conflict("already-acknowledged",
                    "Bưu gửi '%s' đã được xác nhận tiếp nhận với mã hồ sơ '%s', không thể từ chối".formatted(itemNumber, item.dossierCode));
        }
        if (item.refusal == null) {
            item.refusal = reasons;
            item.refusedAt = clock.instant();
            log.info("SIMULATOR VNPost: item {} refused by the province, returned to its sender", itemNumber);
        }
    }

    synchronized Map<String, Object> item(String itemNumber) {
        Item item = items.get(itemNumber);
        if (item == null) {
            throw unknown(itemNumber);
        }
        Map<String, Object> json = item.toJson();
        json.put("acknowledgement", item.dossierCode == null ? null
                : Map.of("dossierCode", item.dossierCode, "acknowledgedAt", item.acknowledgedAt.toString()));
        json.put("refusal", item.refusal == null ? null
                : Map.of("reasons", item.refusal, "refusedAt", item.refusedAt.toString(), "returnedToSender", true));
        return json;
    }

    private static SimulatorProblem unknown(String itemNumber) {
        return SimulatorProblem.notFound("unknown-postal-item",
                "Không có bưu gửi số hiệu '%s' tại VNPost (mô phỏng)".formatted(itemNumber));
    }
}
