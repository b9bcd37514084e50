package vn.gov.national.simulator.nationalportal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.national.simulator.JsonBodyCheck;

/** A citizen's submission on the national portal, as checked from {@code POST /national-portal/api/dossiers}. */
record Submission(String procedureCode, String agencyCode, ObjectNode applicant, ObjectNode form, ArrayNode documents,
                  String resultDelivery, String deliveryAddress) {

    static final Set<String> RESULT_DELIVERY = Set.of("ONLINE", "AT_DESK", "BY_POST");

    /** Checks every field and keeps only the known ones; a 400 problem names each fault. */
    static Submission from(JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String procedureCode = check.procedureCode("procedureCode");
        String agencyCode = check.requiredText("agencyCode");
        ObjectNode applicant = JsonNodeFactory.instance.objectNode();
        ObjectNode given = check.requiredObject("applicant");
        if (given != null) {
            applicant.put("personalId", check.personalId(given, "personalId", "applicant.personalId"));
            applicant.put("fullName", check.requiredText(given, "fullName", "applicant.fullName"));
            applicant.put("phoneNumber", check.phone(given, "phoneNumber", "applicant.phoneNumber"));
            applicant.put("email", check.email(given, "email", "applicant.email"));
            applicant.put("address", check.optionalText(given, "address", "applicant.address"));
        }
        ObjectNode form = check.optionalObject("form");
        ArrayNode documents = check.documents("documents");
        String resultDelivery = check.oneOf("resultDelivery", RESULT_DELIVERY);
        String deliveryAddress = check.optionalText("deliveryAddress");
        if ("BY_POST".equals(resultDelivery) && deliveryAddress == null) {
            check.fail("deliveryAddress", "required-when-by-post",
                    "Trường 'deliveryAddress' là bắt buộc khi 'resultDelivery' là BY_POST (nhận kết quả qua bưu chính)");
        }
        check.verify();
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        documents.forEach(d -> {
            ObjectNode document = kept.addObject();
            for (String field : new String[] {"requiredDocument", "fileName", "mediaType", "contentBase64"}) {
                document.put(field, d.get(field).asString().strip());
            }
        });
        return new Submission(procedureCode, agencyCode, applicant, form.deepCopy(), kept, resultDelivery, deliveryAddress);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("procedureCode", procedureCode);
        json.put("agencyCode", agencyCode);
        json.put("applicant", applicant);
        json.put("form", form);
        json.put("documents", documents);
        json.put("resultDelivery", resultDelivery);
        json.put("deliveryAddress", deliveryAddress);
        return json;
    }
}
