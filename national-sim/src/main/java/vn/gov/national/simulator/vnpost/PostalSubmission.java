package vn.gov.national.simulator.vnpost;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.national.simulator.JsonBodyCheck;

/** Papers a citizen hands to VNPost for an agency, as checked from {@code POST /vnpost/api/postal-dossiers}. */
record PostalSubmission(String procedureCode, String agencyCode, ObjectNode sender, ObjectNode form, ArrayNode documents,
                        String resultDelivery, String returnAddress) {

    static final Set<String> RESULT_DELIVERY = Set.of("BY_POST", "AT_DESK");

    static PostalSubmission from(JsonNode body) {
        JsonBodyCheck check = JsonBodyCheck.of(body);
        String procedureCode = check.procedureCode("procedureCode");
        String agencyCode = check.requiredText("agencyCode");
        ObjectNode sender = JsonNodeFactory.instance.objectNode();
        ObjectNode given = check.requiredObject("sender");
        if (given != null) {
            sender.put("personalId", check.personalId(given, "personalId", "sender.personalId"));
            sender.put("fullName", check.requiredText(given, "fullName", "sender.fullName"));
            sender.put("phoneNumber", check.phone(given, "phoneNumber", "sender.phoneNumber"));
            sender.put("address", check.requiredText(given, "address", "sender.address"));
        }
        ObjectNode form = check.optionalObject("form");
        ArrayNode documents = check.documents("documents");
        String resultDelivery = check.oneOf("resultDelivery", RESULT_DELIVERY);
        String returnAddress = check.optionalText("returnAddress");
        if ("BY_POST".equals(resultDelivery) && returnAddress == null) {
            check.fail("returnAddress", "required-when-by-post",
                    "Trường 'returnAddress' là bắt buộc khi 'resultDelivery' là BY_POST (nhận kết quả qua bưu chính)");
        }
        check.verify();
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        documents.forEach(d -> {
            ObjectNode document = kept.addObject();
            for (String field : new String[] {"requiredDocument", "fileName", "mediaType", "contentBase64"}) {
                document.put(field, d.get(field).asString().strip());
            }
        });
        return new PostalSubmission(procedureCode, agencyCode, sender, form.deepCopy(), kept, resultDelivery, returnAddress);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("procedureCode", procedureCode);
        json.put("agencyCode", agencyCode);
        json.put("sender", sender);
        json.put("form", form);
        json.put("documents", documents);
        json.put("resultDelivery", resultDelivery);
        json.put("returnAddress", returnAddress);
        return json;
    }
}
