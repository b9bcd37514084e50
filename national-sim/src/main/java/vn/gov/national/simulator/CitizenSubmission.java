package vn.gov.national.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A citizen's dossier handed to a national system for an agency (on the national portal, or as papers at a VNPost
 * office), checked field by field: the procedure, the agency, the person, the filled form, the documents, how the
 * result goes back and the address it goes to. The two systems name the person and the address differently
 * ({@link Shape}); what is kept is only the known fields, stripped.
 */
public record CitizenSubmission(Shape shape, String procedureCode, String agencyCode, ObjectNode person, ObjectNode form,
                                ArrayNode documents, String resultDelivery, String resultAddress) {

    /**
     * One system's wire names and rules: the person's field ({@code applicant}, {@code sender}), whether it carries an
     * e-mail and must carry an address, the result address's field, and the result deliveries it offers.
     */
    public record Shape(String personField, boolean email, boolean addressRequired, String resultAddressField,
                        Set<String> resultDeliveries) {
    }

    private static final String[] DOCUMENT_FIELDS = {"requiredDocument", "fileName", "mediaType", "contentBase64"};

    /** Checks every field and keeps only the known ones; a 400 problem names each fault. */
    public static CitizenSubmission from(JsonNode body, Shape shape) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String procedureCode = check.procedureCode("procedureCode");
        String agencyCode = check.requiredText("agencyCode");
        ObjectNode person = JsonNodeFactory.instance.objectNode();
        ObjectNode given = check.requiredObject(shape.personField());
        if (given != null) {
            String prefix = shape.personField() + ".";
            person.put("personalId", check.personalId(given, "personalId", prefix + "personalId"));
            person.put("fullName", check.requiredText(given, "fullName", prefix + "fullName"));
            person.put("phoneNumber", check.phone(given, "phoneNumber", prefix + "phoneNumber"));
            if (shape.email()) {
                person.put("email", check.email(given, "email", prefix + "email"));
            }
            person.put("address", shape.addressRequired() ? check.requiredText(given, "address", prefix + "address")
                    : check.optionalText(given, "address", prefix + "address"));
        }
        ObjectNode form = check.optionalObject("form");
        ArrayNode documents = check.documents("documents");
        String resultDelivery = check.oneOf("resultDelivery", shape.resultDeliveries());
        String resultAddress = check.optionalText(shape.resultAddressField());
        if ("BY_POST".equals(resultDelivery) && resultAddress == null) {
            check.fail(shape.resultAddressField(), "required-when-by-post",
                    "Trường '%s' là bắt buộc khi 'resultDelivery' là BY_POST (nhận kết quả qua bưu chính)"
                            .formatted(shape.resultAddressField()));
        }
        check.verify();
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        documents.forEach(d -> {
            ObjectNode document = kept.addObject();
            for (String field : DOCUMENT_FIELDS) {
                document.put(field, d.get(field).asString().strip());
            }
        });
        return new CitizenSubmission(shape, procedureCode, agencyCode, person, form.deepCopy(), kept, resultDelivery,
                resultAddress);
    }

    /** The submission as the system hands it on, under its own names. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("procedureCode", procedureCode);
        json.put("agencyCode", agencyCode);
        json.put(shape.personField(), person);
        json.put("form", form);
        json.put("documents", documents);
        json.put("resultDelivery", resultDelivery);
        json.put(shape.resultAddressField(), resultAddress);
        return json;
    }
}
