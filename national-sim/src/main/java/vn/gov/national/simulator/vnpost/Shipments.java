package vn.gov.national.simulator.vnpost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.national.simulator.SimulatorProblem;

/**
 * The simulated VNPost's shipments of results (bưu gửi trả kết quả) from agencies to applicants. The sender's
 * {@code reference} makes a creation idempotent: the same reference again gives the same item, never a second one.
 * The simulator has no postmen: the tracking events after "accepted" are posted by a test or a demonstrator.
 */
@Component
class Shipments {

    private static final Logger log = LoggerFactory.getLogger(Shipments.class);

    /** S10 serials of shipments, apart from the postal dossiers'. */
    private static final int FIRST_SERIAL = 51_000_001;

    static final String ACCEPTED = "ACCEPTED";
    static final String IN_TRANSIT = "IN_TRANSIT";
    static final String DELIVERED = "DELIVERED";
    static final String RETURNED_TO_SENDER = "RETURNED_TO_SENDER";
    static final Set<String> STATES = Set.of(ACCEPTED, IN_TRANSIT, DELIVERED, RETURNED_TO_SENDER);

    private static final Map<String, String> TEXTS = Map.of(ACCEPTED, "Đã nhận bưu gửi tại bưu cục",
            IN_TRANSIT, "Đang vận chuyển", DELIVERED, "Đã phát thành công cho người nhận",
            RETURNED_TO_SENDER, "Phát không thành công, đã chuyển hoàn về người gửi");

    record Event(String state, Instant at, String place, String note) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("state", state);
            json.put("stateText", TEXTS.get(state));
            json.put("at", at.toString());
            json.put("place", place);
            json.put("note", note);
            return json;
        }
    }

    record Shipment(String itemNumber, String reference, String senderAgencyCode, String senderAgencyName, String recipientName,
                    String recipientAddress, String recipientPhone, String contents, Instant acceptedAt, List<Event> events) {

        String state() {
            return events.get(events.size() - 1).state();
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("itemNumber", itemNumber);
            json.put("reference", reference);
            json.put("sender", Map.of("agencyCode", senderAgencyCode, "agencyName", senderAgencyName == null ? "" : senderAgencyName));
            Map<String, Object> recipient = new LinkedHashMap<>();
            recipient.put("fullName", recipientName);
            recipient.put("address", recipientAddress);
            recipient.put("phoneNumber", recipientPhone);
            json.put("recipient", recipient);
            json.put("contents", contents);
            json.put("acceptedAt", acceptedAt.toString());
            json.put("state", state());
            json.put("events", events.stream().map(Event::toJson).toList());
            return json;
        }
    }

    /** What a creation gave: the shipment and whether it existed already under that reference. */
    record Created(Shipment shipment, boolean existing) {
    }

    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private final Map<String, Shipment> byItem = new LinkedHashMap<>();
    private final Map<String, String> itemByReference = new LinkedHashMap<>();
    private int nextSerial = FIRST_SERIAL;

    synchronized Created create(String reference, String agencyCode, String agencyName, String recipientName, String address,
                                String phone, String contents) {
        String known = itemByReference.get(reference);
        if (known != null) {
            return new Created(byItem.get(known), true);
        }
        Instant now = clock.instant();
        String itemNumber = ItemNumber.of("RE", nextSerial++, "VN");
        List<Event> events = new ArrayList<>();
        events.add(new Event(ACCEPTED, now, "Bưu cục Hành chính công", null));
        Shipment shipment = new Shipment(itemNumber, reference, agencyCode, agencyName, recipientName, address, phone, contents, now, events);
        byItem.put(itemNumber, shipment);
        itemByReference.put(reference, itemNumber);
        log.info("SIMULATOR VNPost: shipment {} accepted from agency {} (reference {})", itemNumber, agencyCode, reference);
        return new Created(shipment, false);
    }

    synchronized Map<String, Object> shipment(String itemNumber) {
        return find(itemNumber).toJson();
    }

    /** A tracking event: accepted → in transit → delivered or returned to the sender; the same state again is ignored. */
    synchronized Map<String, Object> track(String itemNumber, String state, String place, String note) {
        Shipment shipment = find(itemNumber);
        String current = shipment.state();
        if (!current.equals(state)) {
            boolean allowed = switch (state) {
                case IN_TRANSIT -> current.equals(ACCEPTED);
                case DELIVERED, RETURNED_TO_SENDER -> current.equals(ACCEPTED) || current.equals(IN_TRANSIT);
                default -> false;
            };
            if (!allowed) {
                throw SimulatorProblem.conflict("tracking-order", "Bưu gửi '%s' đang ở trạng thái '%s', không chuyển sang '%s' được"
                        .formatted(itemNumber, current, state));
            }
            shipment.events().add(new Event(state, clock.instant(), place == null ? "Bưu cục phát" : place, note));
            log.info("SIMULATOR VNPost: shipment {} {}", itemNumber, state);
        }
        return shipment.toJson();
    }

    synchronized List<Shipment> latest(int count) {
        List<Shipment> all = new ArrayList<>(byItem.values());
        java.util.Collections.reverse(all);
        return all.stream().limit(count).toList();
    }

    private Shipment find(String itemNumber) {
        Shipment shipment = byItem.get(itemNumber);
        if (shipment == null) {
            throw SimulatorProblem.notFound("unknown-shipment", "Không có bưu gửi trả kết quả số hiệu '%s' tại VNPost (mô phỏng)"
                    .formatted(itemNumber));
        }
        return shipment;
    }
}
