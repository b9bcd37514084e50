package vn.gov.egov.lgsp.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Checks events (type publishable, keys, schema) and hands them to the backend; the platform's own publishing API. */
@Service
class Publishing implements EventPublishing {

    /** One event as received: its keys and its data already parsed. */
    record Incoming(String idempotencyKey, String orderingKey, JsonNode data) {
    }

    static final String PLATFORM_PUBLISHER = "platform";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x2b\\x2d-\\x7e]{1,200}");

    private final EventTypes types;
    private final EventSchemas schemas;
    private final PubSubBackend backend;
    private final PubSubProperties properties;
    private final ObjectMapper json;

    Publishing(EventTypes types, EventSchemas schemas, PubSubBackend backend, PubSubProperties properties, ObjectMapper json) {
        this.types = types;
        this.schemas = schemas;
        this.backend = backend;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public PublishedEvent publish(String member, String subsystem, String eventType, String version, String idempotencyKey,
                                  String orderingKey, Object payload) {
        EventType type = publishable(member, subsystem, eventType, version);
        JsonNode data = payload instanceof String text ? parse(text, "payload") : json.valueToTree(payload);
        PubSubBackend.Accepted accepted = publish(type, PLATFORM_PUBLISHER, List.of(new Incoming(idempotencyKey, orderingKey, data))).get(0);
        return new PublishedEvent(accepted.id(), accepted.idempotencyKey(), accepted.duplicate());
    }

    EventType publishable(String member, String subsystem, String code, String version) {
        EventType type = types.byPath(member, subsystem, code, version)
                .orElseThrow(() -> PubSubProblems.unknownEventType(member + "/" + subsystem + "/" + code + "/" + version));
        if (!type.state().callable()) {
            throw PubSubProblems.notPublishable(type.path(), type.state());
        }
        return type;
    }

    /** All or nothing: one refused event refuses the batch, naming its index. */
    List<PubSubBackend.Accepted> publish(EventType type, String publisher, List<Incoming> events) {
        if (events.isEmpty() || events.size() > properties.maxPublishBatch()) {
            throw PubSubProblems.badRequest("events", "size",
                    "Một lần phát hành từ 1 đến %d sự kiện, nhận được %d".formatted(properties.maxPublishBatch(), events.size()));
        }
        List<NewEvent> checked = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Incoming e = events.get(i);
            int index = i;
            String where = events.size() == 1 ? "" : "[" + i + "] ";
            if (e.idempotencyKey() == null || !KEY.matcher(e.idempotencyKey()).matches()) {
                throw PubSubProblems.badRequest("Idempotency-Key", "required-key",
                        where + "Khóa chống trùng (Idempotency-Key) là bắt buộc: 1–200 ký tự ASCII in được, không dấu cách, không dấu phẩy");
            }
            if (e.orderingKey() != null && !KEY.matcher(e.orderingKey()).matches()) {
                throw PubSubProblems.badRequest("X-Lgsp-Ordering-Key", "key",
                        where + "Khóa thứ tự (X-Lgsp-Ordering-Key): 1–200 ký tự ASCII in được, không dấu cách, không dấu phẩy");
            }
            if (e.data() == null) {
                throw PubSubProblems.badRequest("data", "required", where + "Thiếu dữ liệu sự kiện");
            }
            List<EventSchemas.Violation> violations = schemas.check(type.jsonSchema(), e.data());
            if (!violations.isEmpty()) {
                List<EventSchemas.Violation> located = events.size() == 1 ? violations : violations.stream()
                        .map(v -> new EventSchemas.Violation("/" + index + v.path().replaceFirst("^\\$", ""), v.rule(), v.message()))
                        .toList();
                throw PubSubProblems.schemaViolation(events.size() == 1 ? "Sự kiện" : "Sự kiện thứ " + i, located);
            }
            checked.add(new NewEvent(e.idempotencyKey(), e.orderingKey(), json.writeValueAsString(e.data())));
        }
        return backend.publish(type, publisher, checked);
    }

    JsonNode parse(String text, String field) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw PubSubProblems.badRequest(field, "json", "Nội dung '%s' trống: cần một tài liệu JSON".formatted(field));
            }
            return node;
        } catch (tools.jackson.core.JacksonException e) {
            throw PubSubProblems.badRequest(field, "json", "Nội dung '%s' không phải JSON hợp lệ".formatted(field));
        }
    }
}
