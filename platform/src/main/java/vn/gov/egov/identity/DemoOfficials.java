package vn.gov.egov.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * In the demonstration only: a few officials of the Department of Justice, the Department of Construction and the
 * Đông Kinh ward People's Committee, one agency administrator each, all with the same demonstration password and
 * one-time-code secret. Created once, after the bootstrap accounts; an existing account is left as it is, except that a
 * demonstration leader whose position (as the demonstration granted it) has no title yet gets the demonstration title.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
class DemoOfficials implements ApplicationRunner {

    static final String PASSWORD = "Demo@2025-CanBo";
    /** Base32; add it to an authenticator app, or read the current code on the demonstration's login page. */
    static final String TOTP_SECRET = "DEMOCANBOLANGSONMOTCUAXAYDUNGTPQ";

    /** A demonstration official; heads, leaders and the LGSP operator have a mobile number for the SMS alerts (simulated gateway). */
    record DemoOfficial(String username, String fullName, Role role, String agencyCode, String title, String mobile) {

        DemoOfficial(String username, String fullName, Role role, String agencyCode) {
            this(username, fullName, role, agencyCode, null, null);
        }

        DemoOfficial(String username, String fullName, Role role, String agencyCode, String title) {
            this(username, fullName, role, agencyCode, title, null);
        }
    }

    static final List<DemoOfficial> OFFICIALS = List.of(
            new DemoOfficial("stp.quantri", "Nguyễn Văn Quản (quản trị Sở Tư pháp)", Role.AGENCY_ADMIN, "SO-TP"),
            new DemoOfficial("stp.motcua", "Hoàng Thị Lan (một cửa Sở Tư pháp)", Role.ONE_STOP_OFFICER, "SO-TP"),
            new DemoOfficial("stp.chuyenvien", "Lương Văn Bình (chuyên viên Sở Tư pháp)", Role.SPECIALIST, "SO-TP"),
            new DemoOfficial("sxd.quantri", "Vi Thị Hà (quản trị Sở Xây dựng)", Role.AGENCY_ADMIN, "SO-XD"),
            new DemoOfficial("sxd.motcua", "Nông Văn Minh (một cửa Sở Xây dựng)", Role.ONE_STOP_OFFICER, "SO-XD"),
            new DemoOfficial("sxd.lanhdao", "Hà Thị Thu (lãnh đạo Sở Xây dựng)", Role.AGENCY_LEADER, "SO-XD", "Phó Giám đốc", "0912000206"),
            new DemoOfficial("dongkinh.quantri", "Lộc Văn Tùng (quản trị UBND phường Đông Kinh)", Role.AGENCY_ADMIN, "UBND-05977"),
            new DemoOfficial("dongkinh.motcua", "Chu Thị Mai (một cửa UBND phường Đông Kinh)", Role.ONE_STOP_OFFICER, "UBND-05977"),
            // every role of the generated single-agency route (processing), for the three demonstration agencies
            new DemoOfficial("stp.truongphong", "Đoàn Văn Phúc (lãnh đạo phòng Sở Tư pháp)", Role.DIVISION_HEAD, "SO-TP", "Trưởng phòng",
                    "0912000201"),
            new DemoOfficial("stp.lanhdao", "Mã Thị Hạnh (lãnh đạo Sở Tư pháp)", Role.AGENCY_LEADER, "SO-TP", "Giám đốc", "0912000202"),
            new DemoOfficial("stp.vanthu", "Tô Văn Sơn (văn thư Sở Tư pháp)", Role.CLERK, "SO-TP"),
            new DemoOfficial("sxd.chuyenvien", "Hoàng Văn Thẩm (chuyên viên Sở Xây dựng)", Role.SPECIALIST, "SO-XD"),
            new DemoOfficial("sxd.truongphong", "Vi Văn Trưởng (lãnh đạo phòng Sở Xây dựng)", Role.DIVISION_HEAD, "SO-XD", "Trưởng phòng",
                    "0912000205"),
            new DemoOfficial("sxd.vanthu", "Lộc Văn Thư (văn thư Sở Xây dựng)", Role.CLERK, "SO-XD"),
            new DemoOfficial("dongkinh.congchuc", "Nguyễn Thị Hoa (công chức UBND phường Đông Kinh)", Role.SPECIALIST, "UBND-05977"),
            new DemoOfficial("dongkinh.truongphong", "Bế Văn Long (trưởng bộ phận UBND phường Đông Kinh)", Role.DIVISION_HEAD, "UBND-05977",
                    null, "0912000207"),
            new DemoOfficial("dongkinh.lanhdao", "Lăng Thị Xuân (lãnh đạo UBND phường Đông Kinh)", Role.AGENCY_LEADER, "UBND-05977", "Chủ tịch",
                    "0912000208"),
            new DemoOfficial("dongkinh.vanthu", "Hứa Văn Dũng (văn thư UBND phường Đông Kinh)", Role.CLERK, "UBND-05977"),
            // the LGSP's operator (the Department of Science and Technology runs the province's IT)
            new DemoOfficial("lgsp.vanhanh", "Nông Thị Vân (vận hành LGSP, Sở Khoa học và Công nghệ)", Role.LGSP_OPERATOR, "SO-KHCN", null,
                    "0912000209"));

    private static final Logger log = LoggerFactory.getLogger(DemoOfficials.class);

    private final OfficialAccounts accounts;
    private final OfficialLogin login;
    private final PasswordEncoder passwords;
    private final PersonalDataProtection protection;

    DemoOfficials(OfficialAccounts accounts, OfficialLogin login, PasswordEncoder passwords, PersonalDataProtection protection) {
        this.accounts = accounts;
        this.login = login;
        this.passwords = passwords;
        this.protection = protection;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        int titled = 0;
        for (DemoOfficial official : OFFICIALS) {
            var existing = accounts.byUsername(official.username());
            if (existing.isPresent()) {
                if (official.title() != null && titleMissing(existing.get().id(), official)) {
                    titled++;
                }
                continue;
            }
            var id = accounts.create(official.username(), official.fullName(), null,
                    official.mobile() == null ? null : protection.seal(OfficialAccounts.MOBILE, official.mobile()), passwords.encode(PASSWORD),
                    login.sealTotpSecret(official.username(), TOTP_SECRET), "demo", official.agencyCode(), false);
            accounts.grant(id, new Position(official.role(), official.agencyCode(), null, official.title()), "demo");
            created++;
        }
        if (created > 0) {
            log.info("{} demonstration officials created", created);
        }
        if (titled > 0) {
            log.info("{} demonstration leaders given their title (data directory made before titles existed)", titled);
        }
    }

    /**
     * A demonstration data directory made before positions had titles: the demonstration position, still as the
     * demonstration granted it and still without a title, gets the demonstration title (one an administrator set is kept).
     */
    boolean titleMissing(java.util.UUID id, DemoOfficial official) {
        return accounts.heldPositions(id).stream()
                .filter(p -> "demo".equals(p.grantedBy()) && p.position().role() == official.role()
                        && official.agencyCode().equals(p.position().agencyCode()) && p.position().unitCode() == null
                        && p.position().title() == null)
                .findFirst().map(p -> accounts.retitle(id, p.id(), official.title())).orElse(false);
    }
}
