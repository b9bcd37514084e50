package vn.gov.national.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.national.simulator.vneid.PersonalIdentificationNumber;

/**
 * Checks a JSON request body field by field and gathers every fault with its path ({@code applicant.personalId},
 * {@code documents[0].contentBase64}) and a Vietnamese message naming the field and the rule; {@link #verify()}
 * refuses the request with all of them as one problem+json.
 */
public final class JsonBodyCheck {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Pattern PHONE = Pattern.compile("0\\d{9}");

    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");

    private static final Pattern PROCEDURE_CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,59}");

    /** 10 MB of decoded content per document is plenty for a simulator. */
    private static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    private final ObjectNode body;

    private final List<SimulatorProblem.FieldError> errors = new ArrayList<>();

    private JsonBodyCheck(ObjectNode body) {
        this.body = body;
    }

    /** The {@code limit} query parameter of a list a province's system pulls: 1 to 500, else a 400 naming it. */
    public static int limit(int limit) {
        if (limit < 1 || limit > 500) {
            throw SimulatorProblem.invalid("limit", "range", "Tham số 'limit' phải từ 1 đến 500, nhận được " + limit);
        }
        return limit;
    }

    /** Starts checking a body, which must be a JSON object. */
    public static JsonBodyCheck of(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw SimulatorProblem.invalid("body", "json-object", "Nội dung yêu cầu (body) phải là một đối tượng JSON");
        }
        return new JsonBodyCheck(object);
    }

    public ObjectNode body() {
        return body;
    }

    public void fail(String field, String rule, String message) {
        errors.add(new SimulatorProblem.FieldError(field, rule, message));
    }

    /** Throws the 400 problem with every fault gathered, if any. */
    public void verify() {
        if (!errors.isEmpty()) {
            throw SimulatorProblem.invalid(errors);
        }
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current == null ? null : current.get(part);
        }
        return current;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** A required non-blank string; returns it stripped, or null after recording the fault. */
    public String requiredText(String path) {
        return requiredText(body, path, path);
    }

    public String requiredText(JsonNode node, String path, String field) {
        JsonNode value = at(node, path);
        if (absent(value)) {
            fail(field, "required", "Trường '%s' là bắt buộc".formatted(field));
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            fail(field, "non-blank-string", "Trường '%s' phải là chuỗi ký tự không rỗng".formatted(field));
            return null;
        }
        return value.asString().strip();
    }

    /** An optional string: null when absent; a fault when present but not a string. */
    public String optionalText(String path) {
        return optionalText(body, path, path);
    }

    public String optionalText(JsonNode node, String path, String field) {
        JsonNode value = at(node, path);
        if (absent(value)) {
            return null;
        }
        if (!value.isString()) {
            fail(field, "string", "Trường '%s' phải là chuỗi ký tự".formatted(field));
            return null;
        }
        return value.asString().isBlank() ? null : value.asString().strip();
    }

    /** A required JSON object; returns it or null after recording the fault. */
    public ObjectNode requiredObject(String path) {
        JsonNode value = at(body, path);
        if (absent(value)) {
            fail(path, "required", "Trường '%s' là bắt buộc".formatted(path));
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            fail(path, "json-object", "Trường '%s' phải là một đối tượng JSON".formatted(path));
            return null;
        }
        return object;
    }

    /** An optional JSON object: an empty one when absent. */
    public ObjectNode optionalObject(String path) {
        JsonNode value = at(body, path);
        if (absent(value)) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!(value instanceof ObjectNode object)) {
            fail(path, "json-object", "Trường '%s' phải là một đối tượng JSON (có thể rỗng: {})".formatted(path));
            return JsonNodeFactory.instance.objectNode();
        }
        return object;
    }

    public String procedureCode(String path) {
        String code = requiredText(path);
        if (code != null && !PROCEDURE_CODE.matcher(code).matches()) {
            fail(path, "procedure-code", ("Trường '%s' phải là mã thủ tục hành chính (ví dụ 1.000001): chữ, số, dấu chấm"
                    + " hoặc gạch, không khoảng trắng, tối đa 60 ký tự; nhận được '%s'").formatted(path, code));
        }
        return code;
    }

    /** A required personal identification number (12 digits, a sex/century digit 0–5, a birth year not in the future). */
    public String personalId(JsonNode node, String path, String field) {
        String id = requiredText(node, path, field);
        if (id != null) {
            String problem = personalIdProblem(id);
            if (problem != null) {
                fail(field, "personal-id", "Trường '%s' %s".formatted(field, problem));
            }
        }
        return id;
    }

    /** Why a string is not a plausible personal identification number, or null when it is one. */
    public static String personalIdProblem(String id) {
        if (!PersonalIdentificationNumber.hasValidShape(id)) {
            return "phải là số định danh cá nhân gồm đúng 12 chữ số";
        }
        if (!PersonalIdentificationNumber.isPlausible(id, Year.now(VIETNAM).getValue())) {
            return "không phải số định danh cá nhân hợp lệ: chữ số thứ 4 (giới tính, thế kỷ) phải từ 0 đến 5 "
                    + "và năm sinh (chữ số 5–6) không được ở tương lai";
        }
        return null;
    }

    /** An optional Vietnamese phone number: 10 digits starting with 0. */
    public String phone(JsonNode node, String path, String field) {
        String phone = optionalText(node, path, field);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            fail(field, "phone", "Trường '%s' phải là số điện thoại gồm 10 chữ số bắt đầu bằng 0".formatted(field));
        }
        return phone;
    }

    public String email(JsonNode node, String path, String field) {
        String email = optionalText(node, path, field);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            fail(field, "email", "Trường '%s' phải là địa chỉ thư điện tử hợp lệ (dạng ten@mien.vn)".formatted(field));
        }
        return email;
    }

    /** A required string among the allowed values. */
    public String oneOf(String path, Set<String> allowed) {
        String value = requiredText(path);
        if (value != null && !allowed.contains(value)) {
            fail(path, "enum", "Trường '%s' phải là một trong %s, nhận được '%s'".formatted(path, allowed, value));
            return null;
        }
        return value;
    }

    /** A required integer in [min, max]. */
    public Integer integerBetween(String path, int min, int max) {
        JsonNode value = at(body, path);
        if (absent(value)) {
            fail(path, "required", "Trường '%s' là bắt buộc".formatted(path));
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            fail(path, "range", "Trường '%s' phải là số nguyên từ %d đến %d, nhận được %s".formatted(path, min, max, value));
            return null;
        }
        return value.asInt();
    }

    /** A required ISO-8601 instant such as 2025-07-01T08:00:00Z. */
    public Instant instant(String path) {
        String text = requiredText(path);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                fail(path, "instant", "Trường '%s' phải là thời điểm theo ISO 8601 (ví dụ 2025-07-01T08:00:00Z), nhận được '%s'"
                        .formatted(path, text));
                return null;
            }
        }
    }

    /** An optional calendar date yyyy-MM-dd. */
    public LocalDate optionalDate(String path) {
        String text = optionalText(path);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            fail(path, "date", "Trường '%s' phải là ngày dạng yyyy-MM-dd (ví dụ 2025-07-15), nhận được '%s'".formatted(path, text));
            return null;
        }
    }

    /**
     * The required, non-empty {@code documents} array of a submission: each with {@code requiredDocument},
     * {@code fileName}, {@code mediaType} and non-empty standard base64 {@code contentBase64}.
     */
    public ArrayNode documents(String path) {
        JsonNode value = at(body, path);
        if (absent(value)) {
            fail(path, "required", "Trường '%s' là bắt buộc: hồ sơ phải có ít nhất một giấy tờ".formatted(path));
            return null;
        }
        if (!(value instanceof ArrayNode array)) {
            fail(path, "json-array", "Trường '%s' phải là một mảng JSON các giấy tờ".formatted(path));
            return null;
        }
        if (array.isEmpty()) {
            fail(path, "non-empty", "Trường '%s' phải có ít nhất một giấy tờ".formatted(path));
            return array;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode document = array.get(i);
            if (!(document instanceof ObjectNode)) {
                fail(at, "json-object", "Phần tử '%s' phải là một đối tượng JSON".formatted(at));
                continue;
            }
            requiredText(document, "requiredDocument", at + ".requiredDocument");
            requiredText(document, "fileName", at + ".fileName");
            String mediaType = requiredText(document, "mediaType", at + ".mediaType");
            if (mediaType != null && !MEDIA_TYPE.matcher(mediaType).matches()) {
                fail(at + ".mediaType", "media-type", "Trường '%s' phải là kiểu nội dung dạng loai/kieu (ví dụ application/pdf)"
                        .formatted(at + ".mediaType"));
            }
            String content = requiredText(document, "contentBase64", at + ".contentBase64");
            if (content != null) {
                try {
                    byte[] bytes = Base64.getMimeDecoder().decode(content);
                    if (!content.matches("[A-Za-z0-9+/=\\s]+") || bytes.length == 0) {
                        throw new IllegalArgumentException("not base64");
                    }
                    if (bytes.length > MAX_DOCUMENT_BYTES) {
                        fail(at + ".contentBase64", "max-size", "Trường '%s' vượt quá 10 MB sau khi giải mã".formatted(at + ".contentBase64"));
                    }
                } catch (IllegalArgumentException e) {
                    fail(at + ".contentBase64", "base64", "Trường '%s' phải là nội dung tệp mã hóa base64 (RFC 4648) không rỗng"
                            .formatted(at + ".contentBase64"));
                }
            }
        }
        return array;
    }
}
