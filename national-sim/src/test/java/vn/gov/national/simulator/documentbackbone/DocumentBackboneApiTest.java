package vn.gov.national.simulator.documentbackbone;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.national.simulator.RunningSimulator.base;
import static vn.gov.national.simulator.RunningSimulator.get;
import static vn.gov.national.simulator.RunningSimulator.json;
import static vn.gov.national.simulator.RunningSimulator.post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DocumentBackboneApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FROM = "000.00.08.H20";
    private static final String TO = "000.00.09.H20";

    static String edxml(String from, String to, String documentId, String subject, boolean signed) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
                  <edXMLEnvelope><edXMLHeader><MessageHeader>
                    <From><OrganId>%s</OrganId><OrganName>Sở Thông tin và Truyền thông</OrganName></From>
                    <To><OrganId>%s</OrganId><OrganName>Sở Khoa học và Công nghệ</OrganName></To>
                    <DocumentId>%s</DocumentId>
                    <Code><CodeNumber>15</CodeNumber><CodeNotation>STTTT-BCVT</CodeNotation></Code>
                    <Subject>%s</Subject>
                  </MessageHeader>%s</edXMLHeader></edXMLEnvelope>
                  <edXMLBody/>
                </edXML>""".formatted(from, to, documentId, subject,
                signed ? "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature>" : "");
    }

    static HttpResponse<String> send(String xml) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/document-backbone/api/packages"))
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPackageGoesToItsRecipientOnceAndItsStatusesGoBackToTheSender() {
        String documentId = FROM + ",2026/11/27," + (int) (Math.random() * 100000) + "/STTTT-BCVT";
        HttpResponse<String> sent = send(edxml(FROM, TO, documentId, "Về việc kết nối LGSP", true));
        assertThat(sent.statusCode()).isEqualTo(201);
        JsonNode pack = json(sent);
        String packageId = pack.get("packageId").asString();
        assertThat(pack.get("signed").asBoolean()).isTrue();
        assertThat(pack.get("to").get(0).asString()).isEqualTo(TO);

        HttpResponse<String> again = send(edxml(FROM, TO, documentId, "Về việc kết nối LGSP", true));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("packageId").asString()).isEqualTo(packageId);

        JsonNode waiting = json(get("/document-backbone/api/agencies/" + TO + "/packages")).get("packages");
        assertThat(waiting.findValuesAsString("packageId")).contains(packageId);
        assertThat(get("/document-backbone/api/packages/" + packageId).body()).contains("Về việc kết nối LGSP");

        assertThat(post("/document-backbone/api/packages/" + packageId + "/statuses",
                Map.of("organId", TO, "status", "received")).statusCode()).isEqualTo(201);
        assertThat(json(get("/document-backbone/api/agencies/" + TO + "/packages")).get("packages").findValuesAsString("packageId"))
                .doesNotContain(packageId);
        assertThat(post("/document-backbone/api/packages/" + packageId + "/statuses",
                Map.of("organId", "000.00.10.H20", "status", "received")).statusCode()).isEqualTo(409);
        JsonNode trail = json(get("/document-backbone/api/packages/" + packageId + "/statuses")).get("statuses");
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).get("status").asString()).isEqualTo("received");
    }

    @Test
    void faultsInTheHeaderAreNamedByTheirPath() {
        HttpResponse<String> refused = send(edxml("H20.08", TO, "nonsense", " ", false));
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode errors = json(refused).get("errors");
        assertThat(errors.findValuesAsString("field")).contains(
                "edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganId",
                "edXMLEnvelope/edXMLHeader/MessageHeader/DocumentId",
                "edXMLEnvelope/edXMLHeader/MessageHeader/Subject");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&e;</edXML>";
        HttpResponse<String> refused = send(xml);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("rule").asString()).isEqualTo("well-formed");
        assertThat(refused.body()).doesNotContain("root:");
    }

    @Test
    void anUnknownPackageIs404() {
        assertThat(get("/document-backbone/api/packages/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }
}
