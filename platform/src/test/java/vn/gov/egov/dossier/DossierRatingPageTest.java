package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.reception.ResultTestSupport;

/** After the result is returned the citizen rates their satisfaction on the dossier's page, once. */
class DossierRatingPageTest extends ResultTestSupport {

    @Autowired
    JdbcClient jdbc;

    /** The citizen's session cookies are for 127.0.0.1, where the VNeID login brought them back. */
    private java.net.URI local(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> post(HttpClient browser, String code, Map<String, String> fields) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("CSRF token on the dossier's page").isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        return browser.send(HttpRequest.newBuilder(local("/my/dossiers/" + code + "/rating")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theCitizenRatesAReturnedDossierOnceAndSeesTheRatingGiven() throws Exception {
        UUID id = resolved("rating-page-" + UUID.randomUUID(), ResultDelivery.AT_DESK, null);
        String code = codeOf(id);
        HttpClient citizen = citizenSession(CITIZEN);
        HttpResponse<String> before = citizen.send(HttpRequest.newBuilder(local("/my/dossiers/" + code)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains(code).as("not before the return").doesNotContain("id=\"rating-heading\"");
        progress.returnResult(id, SPECIALIST, ResultDelivery.AT_DESK, "Nguyễn Văn An (người nộp hồ sơ)");

        String page = citizen.send(HttpRequest.newBuilder(local("/my/dossiers/" + code)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Đánh giá mức độ hài lòng").contains("1 – Rất không hài lòng").contains("3 – Bình thường")
                .contains("5 – Rất hài lòng").contains("Đã trả kết quả");

        HttpResponse<String> none = post(citizen, code, Map.of("comment", "x".repeat(2001)));
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("id=\"rating-error\"").contains("Mức độ hài lòng: hãy chọn một mức")
                .contains("id=\"rating-comment-error\"").contains("Ý kiến góp ý: tối đa 2000 ký tự").contains("href=\"#rating-1\"");

        HttpResponse<String> rated = post(citizen, code, Map.of("rating", "4", "comment", "Cán bộ hướng dẫn tận tình"));
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(302);
        String after = citizen.send(HttpRequest.newBuilder(local("/my/dossiers/" + code)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(after).contains("Ông/Bà đã đánh giá: Hài lòng (4/5).").doesNotContain("id=\"rate\"");
        assertThat(jdbc.sql("select rating from dossier where id = ?").param(id).query(Integer.class).single()).isEqualTo(4);

        HttpResponse<String> twice = post(citizen, code, Map.of("rating", "5"));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("đã được đánh giá");
        assertThat(jdbc.sql("select rating from dossier where id = ?").param(id).query(Integer.class).single()).as("rated once").isEqualTo(4);
    }
}
