package vn.gov.egov.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;

/** Who may manage which officials, through the API with SSO tokens: the scope rules of the province and the agencies. */
class ManagingOfficialsTest extends OfficialsTestSupport {

    private static final String JSON = "application/json";
    private static final String API = "/api/v1/identity/officials";

    @Autowired
    Officials officials;
    @Autowired
    ManagingOfficials managing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficialIsReadOnceInAWebRequestAndAPositionChangedInThatRequestIsSeenAtOnce() throws Exception {
        String justiceAdmin = official("t-stp-admin-memo", Role.AGENCY_ADMIN, "SO-TP");
        String clerk = official("t-stp-clerk-memo", Role.CLERK, "SO-TP");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            Official first = officials.byUsername(clerk).orElseThrow();
            jdbc.sql("update official_account set full_name = 'Tên đổi ngoài yêu cầu' where username = ?").param(clerk).update();
            assertThat(officials.byUsername(" " + clerk.toUpperCase() + " ").orElseThrow()).as("read once in the request").isSameAs(first);

            managing.grant(justiceAdmin, clerk, new ManagingOfficials.PositionRequest("SPECIALIST", "SO-TP", null, null));

            Official after = officials.byUsername(clerk).orElseThrow();
            assertThat(after.positions()).as("the grant made in the request is seen in it")
                    .extracting(Position::role).containsExactlyInAnyOrder(Role.CLERK, Role.SPECIALIST);
            assertThat(after.fullName()).isEqualTo("Tên đổi ngoài yêu cầu");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        jdbc.sql("update official_account set full_name = 'Tên mới' where username = ?").param(clerk).update();
        assertThat(officials.byUsername(clerk).orElseThrow().fullName()).as("outside a request: read each time").isEqualTo("Tên mới");
        assertThat(officials.byUsername("t-nobody-memo")).isEmpty();
    }

    @Test
    void theOfficialsHoldingARoleComeWithAllThePositionsTheyHoldToday() throws Exception {
        String justiceAdmin = official("t-stp-admin-hold", Role.AGENCY_ADMIN, "SO-TP");
        String both = official("t-stp-both-hold", Role.CLERK, "SO-TP");
        managing.grant(justiceAdmin, both, new ManagingOfficials.PositionRequest("SPECIALIST", "SO-TP", null, "Chuyên viên"));
        String former = official("t-stp-former-hold", Role.SPECIALIST, "SO-TP");
        long held = jdbc.sql("select p.id from official_position p join official_account a on a.id = p.account_id where a.username = ?")
                .param(former).query(Long.class).single();
        managing.revoke(justiceAdmin, former, held);

        java.util.List<Official> specialists = officials.holding(Role.SPECIALIST, "SO-TP");

        assertThat(specialists).extracting(Official::username).contains(both).doesNotContain(former);
        assertThat(specialists).filteredOn(o -> o.username().equals(both)).singleElement().satisfies(o -> assertThat(o.positions())
                .containsExactly(new Position(Role.CLERK, "SO-TP", null), new Position(Role.SPECIALIST, "SO-TP", null, "Chuyên viên")));
        assertThat(specialists).allSatisfy(o -> assertThat(o.holds(Role.SPECIALIST)).isTrue());
    }

    @Test
    void anAgencyAdministratorOfJusticeNeitherSeesNorChangesAnOfficialOfConstruction() throws Exception {
        String justiceAdmin = official("t-stp-admin", Role.AGENCY_ADMIN, "SO-TP");
        String justiceSpecialist = official("t-stp-specialist", Role.SPECIALIST, "SO-TP");
        String constructionClerk = official("t-sxd-clerk", Role.CLERK, "SO-XD");

        HttpResponse<String> other = call(justiceAdmin, "GET", API + "/" + constructionClerk, null, null);
        HttpResponse<String> unknown = call(justiceAdmin, "GET", API + "/t-nobody-at-all", null, null);
        HttpResponse<String> disable = call(justiceAdmin, "POST", API + "/" + constructionClerk + "/disable", null, null);
        HttpResponse<String> grant = call(justiceAdmin, "POST", API + "/" + constructionClerk + "/positions", JSON,
                "{\"role\": \"SPECIALIST\", \"agencyCode\": \"SO-TP\"}");
        HttpResponse<String> list = call(justiceAdmin, "GET", API, null, null);

        assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
        assertThat(read(other).get("detail").asString()).as("the same answer as for an account that does not exist")
                .isEqualTo(read(unknown).get("detail").asString().replace("t-nobody-at-all", constructionClerk));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(disable.statusCode()).isEqualTo(404);
        assertThat(grant.statusCode()).isEqualTo(404);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(read(list).findValuesAsString("username")).contains(justiceSpecialist, justiceAdmin).doesNotContain(constructionClerk, ADMIN);
        assertThat(accounts.byUsername(constructionClerk).orElseThrow().active()).isTrue();
    }

    @Test
    void anAgencyAdministratorGrantsWorkingRolesInTheirAgencyButNotAdministratorRolesNorElsewhere() throws Exception {
        String justiceAdmin = official("t-stp-admin", Role.AGENCY_ADMIN, "SO-TP");
        String clerk = official("t-stp-clerk", Role.CLERK, "SO-TP");

        HttpResponse<String> administrator = call(justiceAdmin, "POST", API + "/" + clerk + "/positions", JSON,
                "{\"role\": \"AGENCY_ADMIN\", \"agencyCode\": \"SO-TP\"}");
        HttpResponse<String> auditor = call(justiceAdmin, "POST", API + "/" + clerk + "/positions", JSON,
                "{\"role\": \"AUDITOR\", \"agencyCode\": \"SO-TP\"}");
        HttpResponse<String> elsewhere = call(justiceAdmin, "POST", API + "/" + clerk + "/positions", JSON,
                "{\"role\": \"SPECIALIST\", \"agencyCode\": \"SO-XD\"}");
        HttpResponse<String> specialist = call(justiceAdmin, "POST", API + "/" + clerk + "/positions", JSON,
                "{\"role\": \"SPECIALIST\", \"agencyCode\": \"SO-TP\"}");
        HttpResponse<String> again = call(justiceAdmin, "POST", API + "/" + clerk + "/positions", JSON,
                "{\"role\": \"SPECIALIST\", \"agencyCode\": \"SO-TP\"}");

        assertThat(administrator.statusCode()).as(administrator.body()).isEqualTo(403);
        assertThat(read(administrator).get("rule").asString()).isEqualTo("role-reserved-for-province-admin");
        assertThat(read(administrator).get("detail").asString()).contains("Quản trị cơ quan");
        assertThat(auditor.statusCode()).isEqualTo(403);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(read(elsewhere).get("rule").asString()).isEqualTo("outside-agency-scope");
        assertThat(specialist.statusCode()).as(specialist.body()).isEqualTo(201);
        assertThat(read(specialist).get("role").asString()).isEqualTo("SPECIALIST");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(accounts.positions(accounts.byUsername(clerk).orElseThrow().id()))
                .extracting(Position::role).containsExactlyInAnyOrder(Role.CLERK, Role.SPECIALIST);
    }

    @Test
    void theProvinceAdministratorGrantsAnAgencyAdministratorAnywhere() throws Exception {
        String constructionLeader = official("t-sxd-leader", Role.AGENCY_LEADER, "SO-XD");

        HttpResponse<String> granted = asAdmin("POST", API + "/" + constructionLeader + "/positions", JSON,
                "{\"role\": \"AGENCY_ADMIN\", \"agencyCode\": \"SO-XD\"}");
        HttpResponse<String> shown = asAdmin("GET", API + "/" + constructionLeader, null, null);

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(read(shown).get("positions").findValuesAsString("role")).containsExactlyInAnyOrder("AGENCY_LEADER", "AGENCY_ADMIN");
        assertThat(read(shown).get("agencyName").asString()).isEqualTo("Sở Xây dựng");
    }

    @Test
    void nobodyGrantsThemselvesAPosition() throws Exception {
        HttpResponse<String> refused = asAdmin("POST", API + "/" + ADMIN + "/positions", JSON,
                "{\"role\": \"AUDITOR\", \"agencyCode\": \"UBND-20\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(read(refused).get("rule").asString()).isEqualTo("own-position");
        assertThat(accounts.positions(accounts.byUsername(ADMIN).orElseThrow().id())).extracting(Position::role)
                .containsExactly(Role.PROVINCE_ADMIN);
    }

    @Test
    void anAgencyAdministratorCannotDisableAnotherAdministratorOfTheSameAgency() throws Exception {
        String justiceAdmin = official("t-stp-admin", Role.AGENCY_ADMIN, "SO-TP");
        String otherAdmin = official("t-stp-admin-2", Role.AGENCY_ADMIN, "SO-TP");

        HttpResponse<String> refused = call(justiceAdmin, "POST", API + "/" + otherAdmin + "/disable", null, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(read(refused).get("rule").asString()).isEqualTo("privileged-account");
        assertThat(accounts.byUsername(otherAdmin).orElseThrow().active()).isTrue();
    }

    @Test
    void aCreatedAccountIsCheckedFieldByField() throws Exception {
        HttpResponse<String> refused = asAdmin("POST", API, JSON, """
                {"username": "Không Hợp Lệ", "fullName": "", "email": "not-an-address", "agencyCode": "SO-TP",
                 "password": "short", "role": "SPECIALIST", "unitCode": "SO-XD"}
                """);
        HttpResponse<String> unknownAgency = asAdmin("POST", API, JSON,
                "{\"username\": \"t-unknown-agency\", \"fullName\": \"Ai đó\", \"agencyCode\": \"SO-KHONG-CO\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(read(refused).get("errors").findValuesAsString("field"))
                .contains("username", "fullName", "email", "password", "unitCode");
        assertThat(read(refused).get("errors").findValuesAsString("rule")).contains("unit-outside-agency", "password-policy");
        assertThat(read(unknownAgency).get("errors").findValuesAsString("rule")).containsExactly("unknown-agency");
        assertThat(accounts.byUsername("t-unknown-agency")).isEmpty();
    }

    @Test
    void aGrantIsRecordedInTheAuditTrailAsAPermissionChange() throws Exception {
        String justiceAdmin = official("t-stp-admin", Role.AGENCY_ADMIN, "SO-TP");
        String officer = official("t-stp-officer", Role.ONE_STOP_OFFICER, "SO-TP");

        HttpResponse<String> granted = call(justiceAdmin, "POST", API + "/" + officer + "/positions", JSON,
                "{\"role\": \"DIVISION_HEAD\", \"agencyCode\": \"SO-TP\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);

        JsonNode entry = permissionChange(officer, "POSITION_GRANTED");

        assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(entry.at("/actor/id").asString()).isEqualTo(justiceAdmin);
        assertThat(entry.at("/actor/agency").asString()).isEqualTo("SO-TP");
        assertThat(entry.at("/details/role").asString()).isEqualTo("DIVISION_HEAD");
        assertThat(entry.at("/changedFields/position/after").asString()).isEqualTo("DIVISION_HEAD@SO-TP");
    }

    @Test
    void aPositionsTitleIsSavedTrimmedShownAndAuditedAndATooLongOneIsRefusedNamingTheField() throws Exception {
        String justiceAdmin = official("t-stp-admin", Role.AGENCY_ADMIN, "SO-TP");
        String deputy = official("t-stp-deputy", Role.SPECIALIST, "SO-TP");

        HttpResponse<String> tooLong = call(justiceAdmin, "POST", API + "/" + deputy + "/positions", JSON,
                "{\"role\": \"AGENCY_LEADER\", \"agencyCode\": \"SO-TP\", \"title\": \"%s\"}".formatted("P".repeat(101)));
        HttpResponse<String> granted = call(justiceAdmin, "POST", API + "/" + deputy + "/positions", JSON,
                "{\"role\": \"AGENCY_LEADER\", \"agencyCode\": \"SO-TP\", \"title\": \"  Phó Giám đốc \"}");
        HttpResponse<String> shown = call(justiceAdmin, "GET", API + "/" + deputy, null, null);

        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(422);
        assertThat(read(tooLong).get("errors").findValuesAsString("field")).containsExactly("title");
        assertThat(read(tooLong).get("errors").findValuesAsString("message")).singleElement().asString()
                .contains("Chức danh").contains("100");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(read(granted).get("title").asString()).isEqualTo("Phó Giám đốc");
        assertThat(accounts.positions(accounts.byUsername(deputy).orElseThrow().id())).as("the refused grant left nothing")
                .containsExactlyInAnyOrder(new Position(Role.SPECIALIST, "SO-TP", null),
                        new Position(Role.AGENCY_LEADER, "SO-TP", null, "Phó Giám đốc"));
        assertThat(read(shown).get("positions").findValuesAsString("title")).containsExactly("Phó Giám đốc");

        JsonNode entry = permissionChange(deputy, "POSITION_GRANTED");
        assertThat(entry.at("/details/title").asString()).isEqualTo("Phó Giám đốc");
    }

    @Test
    void aPositionsTitleIsChangedInPlaceInScopeAuditedAndCheckedLikeAGrant() throws Exception {
        String justiceAdmin = official("t-stp-admin2", Role.AGENCY_ADMIN, "SO-TP");
        String constructionAdmin = official("t-sxd-admin2", Role.AGENCY_ADMIN, "SO-XD");
        String leader = official("t-stp-leader2", Role.AGENCY_LEADER, "SO-TP");
        long position = read(call(justiceAdmin, "GET", API + "/" + leader, null, null)).get("positions").get(0).get("id").asLong();
        String path = API + "/" + leader + "/positions/" + position + "/title";

        HttpResponse<String> retitled = call(justiceAdmin, "PUT", path, JSON, "{\"title\": \"  Giám đốc \"}");
        HttpResponse<String> tooLong = call(justiceAdmin, "PUT", path, JSON, "{\"title\": \"%s\"}".formatted("G".repeat(101)));
        HttpResponse<String> elsewhere = call(constructionAdmin, "PUT", path, JSON, "{\"title\": \"Chủ tịch\"}");
        HttpResponse<String> own = call(justiceAdmin, "PUT", API + "/" + justiceAdmin + "/positions/"
                + read(call(justiceAdmin, "GET", API + "/" + justiceAdmin, null, null)).get("positions").get(0).get("id").asLong()
                + "/title", JSON, "{\"title\": \"Giám đốc\"}");
        HttpResponse<String> unknown = call(justiceAdmin, "PUT", API + "/" + leader + "/positions/999999999/title", JSON, "{\"title\": \"x\"}");

        assertThat(retitled.statusCode()).as(retitled.body()).isEqualTo(200);
        assertThat(read(retitled).get("title").asString()).isEqualTo("Giám đốc");
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(422);
        assertThat(read(tooLong).get("errors").findValuesAsString("field")).containsExactly("title");
        assertThat(elsewhere.statusCode()).as("outside the agency administrator's scope").isIn(403, 404);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(accounts.positions(accounts.byUsername(leader).orElseThrow().id())).as("only the accepted change was applied")
                .containsExactly(new Position(Role.AGENCY_LEADER, "SO-TP", null, "Giám đốc"));

        JsonNode entry = permissionChange(leader, "POSITION_RETITLED");
        assertThat(entry.at("/changedFields/title/after").asString()).isEqualTo("Giám đốc");

        HttpResponse<String> cleared = call(justiceAdmin, "PUT", path, JSON, "{\"title\": \"  \"}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(read(cleared).path("title").isNull() || read(cleared).path("title").isMissingNode()).as(cleared.body()).isTrue();
        assertThat(accounts.positions(accounts.byUsername(leader).orElseThrow().id())).extracting(Position::title).containsExactly((String) null);
    }

    @Test
    void aRevokedPositionNoLongerAppearsInANewTokensRoles() throws Exception {
        String official = official("t-revoked", Role.SPECIALIST, "SO-XD");
        asAdmin("POST", API + "/" + official + "/positions", JSON, "{\"role\": \"CLERK\", \"agencyCode\": \"SO-XD\"}");
        forgetToken(official);
        JsonNode before = read(call(official, "GET", "/api/v1/me", null, null));
        long clerk = read(asAdmin("GET", API + "/" + official, null, null)).get("positions").valueStream()
                .filter(p -> p.get("role").asString().equals("CLERK")).findFirst().orElseThrow().get("id").asLong();

        HttpResponse<String> revoked = asAdmin("DELETE", API + "/" + official + "/positions/" + clerk, null, null);
        HttpResponse<String> oldToken = call(official, "GET", "/api/v1/me", null, null);
        forgetToken(official);
        JsonNode after = read(call(official, "GET", "/api/v1/me", null, null));

        assertThat(before.get("roles").valueStream().map(JsonNode::asString)).contains("CLERK", "SPECIALIST");
        assertThat(before.get("positions").findValuesAsString("agencyCode")).containsOnly("SO-XD");
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(oldToken.statusCode()).as("tokens issued before the revocation end with it").isEqualTo(401);
        assertThat(after.get("roles").valueStream().map(JsonNode::asString)).contains("SPECIALIST").doesNotContain("CLERK");
        assertThat(after.get("positions").findValuesAsString("role")).containsExactly("SPECIALIST");
    }

    @Test
    void aDisabledOfficialCannotLogIn() throws Exception {
        String official = official("t-disabled", Role.ONE_STOP_OFFICER, "UBND-05977");

        HttpResponse<String> disabled = asAdmin("POST", API + "/" + official + "/disable", null, null);
        HttpResponse<String> refused = new Browser().post("/login", "/login", pairs("username", official, "password", PASSWORD));
        HttpResponse<String> enabled = asAdmin("POST", API + "/" + official + "/enable", null, null);

        assertThat(read(disabled).get("status").asString()).isEqualTo("DISABLED");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).as("the same answer as a wrong password")
                .endsWith("/login?error");
        assertThat(read(enabled).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(accounts.byUsername(official).orElseThrow().active()).isTrue();
    }

    @Test
    void resettingTheSecondFactorEndsTheSessionAndShowsTheEnrolmentAgain() throws Exception {
        String official = official("t-reset", Role.SPECIALIST, "SO-TP");
        Browser browser = new Browser();
        browser.logIn(official);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        assertThat(accounts.byUsername(official).orElseThrow().totpConfirmed()).isTrue();

        HttpResponse<String> reset = asAdmin("POST", API + "/" + official + "/reset-second-factor", null, null);
        HttpResponse<String> account = browser.get("/account");
        Browser again = new Browser();
        again.post("/login", "/login", pairs("username", official, "password", PASSWORD));
        HttpResponse<String> secondStep = again.get("/login/totp");

        assertThat(read(reset).get("secondFactorEnrolled").asBoolean()).isFalse();
        assertThat(account.statusCode()).as("the session from before the reset has ended").isEqualTo(302);
        assertThat(account.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(secondStep.body()).contains("id=\"enrol-heading\"").contains("<svg");
    }

    /** The audit entry of the official's permission change of this kind, once the audit trail has it. */
    private JsonNode permissionChange(String username, String change) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode page = read(as(AUDITOR, "GET", "/api/v1/audit/entries?action=PERMISSION_CHANGED&objectId=" + username, null, null));
            for (JsonNode item : page.get("items")) {
                if (change.equals(item.at("/details/change").asString())) {
                    return item;
                }
            }
            return null;
        }, found -> found != null);
    }

    @Test
    void anOfficialsContactIsCheckedFieldByFieldSavedSealedAndAuditedWithTheNumberMasked() throws Exception {
        String justiceAdmin = official("t-stp-admin", Role.AGENCY_ADMIN, "SO-TP");
        String officer = official("t-stp-contact", Role.ONE_STOP_OFFICER, "SO-TP");
        String constructionAdmin = official("t-sxd-admin", Role.AGENCY_ADMIN, "SO-XD");
        String path = API + "/" + officer + "/contact";

        HttpResponse<String> invalid = call(justiceAdmin, "PUT", path, JSON, "{\"email\": \"khong-phai-thu\", \"mobile\": \"0205 3812 345\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(read(invalid).get("errors").findValuesAsString("field")).containsExactly("email", "mobile");
        assertThat(read(invalid).get("errors").findValuesAsString("rule")).containsExactly("email", "mobile");
        HttpResponse<String> letters = call(justiceAdmin, "PUT", path, JSON, "{\"mobile\": \"09x1234567\"}");
        assertThat(read(letters).get("errors").findValuesAsString("rule")).containsExactly("digits");
        assertThat(call(constructionAdmin, "PUT", path, JSON, "{\"mobile\": \"0912345678\"}").statusCode())
                .as("an administrator of another agency").isEqualTo(404);
        assertThat(accounts.byUsername(officer).orElseThrow().mobileSealed()).isNull();

        HttpResponse<String> saved = call(justiceAdmin, "PUT", path, JSON,
                "{\"email\": \" hoang.lan@sotp.example \", \"mobile\": \"+84 912 345 678\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(read(saved).get("mobile").asString()).isEqualTo("0912345678");
        assertThat(read(saved).get("email").asString()).isEqualTo("hoang.lan@sotp.example");
        assertThat(accounts.byUsername(officer).orElseThrow().mobileSealed()).startsWith("pd1:").doesNotContain("912345678");
        assertThat(officials.mailboxes(Role.ONE_STOP_OFFICER, "SO-TP", null))
                .contains(new OfficialMailbox(officer, accounts.byUsername(officer).orElseThrow().fullName(), "hoang.lan@sotp.example", "0912345678"));

        JsonNode entry = permissionChange(officer, "CONTACT_CHANGED");
        assertThat(entry.at("/actor/id").asString()).isEqualTo(justiceAdmin);
        assertThat(entry.at("/changedFields/mobile/after").asString()).isEqualTo("091****678");
        assertThat(entry.at("/changedFields/email/after").asString()).isEqualTo("hoang.lan@sotp.example");
        assertThat(entry.toString()).doesNotContain("0912345678");

        HttpResponse<String> cleared = call(justiceAdmin, "PUT", path, JSON, "{\"email\": \"\", \"mobile\": \"\"}");
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(read(cleared).path("mobile").isNull() || read(cleared).path("mobile").isMissingNode()).isTrue();
        assertThat(accounts.byUsername(officer).orElseThrow().mobileSealed()).isNull();
    }
}
