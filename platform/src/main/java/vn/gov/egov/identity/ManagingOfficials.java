package vn.gov.egov.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import vn.gov.egov.audit.Actor;
import vn.gov.egov.audit.AuditActions;
import vn.gov.egov.audit.AuditRecord;
import vn.gov.egov.audit.AuditTrail;
import vn.gov.egov.audit.Outcome;
import vn.gov.egov.personaldata.InvalidPersonalData;
import vn.gov.egov.personaldata.PersonalDataProtection;
import vn.gov.egov.personaldata.PhoneNumber;

/**
 * Administrators manage officials' accounts and positions, each within their scope. The province administrator
 * manages everyone, and alone grants the roles that reach beyond one agency (agency administrator, province
 * administrator, LGSP operator, auditor). An agency administrator manages the officials of the agencies where they
 * hold that role (with every unit below), and grants only the working roles there. Nobody grants themselves a
 * position. Accounts outside the caller's scope are answered as unknown (404), so the answer does not reveal them.
 * Every change is recorded in the audit trail and published as {@link OfficialPermissionChanged}; every refusal
 * is recorded as denied.
 */
@Service
class ManagingOfficials {

    /** What an agency administrator may grant: the working roles of an agency. */
    static final Set<Role> AGENCY_GRANTABLE = EnumSet.of(Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.DIVISION_HEAD,
            Role.AGENCY_LEADER, Role.CLERK);
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final String OBJECT_TYPE = "official-account";

    record FieldError(String field, String rule, String message) {
    }

    /** The signer's title printed on results (chức danh), free text: at most this many characters. */
    static final int TITLE_MAX = 100;
    /** The titles offered on the pages; any other may be typed. */
    static final List<String> COMMON_TITLES = List.of("Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch", "Trưởng phòng",
            "Phó Trưởng phòng", "Chánh Văn phòng", "Phó Chánh Văn phòng");

    record NewOfficial(String username, String fullName, String email, String agencyCode, String password, String role,
                       String unitCode, String title, String mobile) {

        NewOfficial(String username, String fullName, String email, String agencyCode, String password, String role, String unitCode) {
            this(username, fullName, email, agencyCode, password, role, unitCode, null, null);
        }
    }

    /** How to reach an official: e-mail address and mobile number, each optional (empty: none). */
    record Contact(String email, String mobile) {
    }

    /** A position to grant; {@code title} (chức danh) is optional. */
    record PositionRequest(String role, String agencyCode, String unitCode, String title) {

        PositionRequest(String role, String agencyCode, String unitCode) {
            this(role, agencyCode, unitCode, null);
        }
    }

    record PositionView(long id, Role role, String roleName, String agencyCode, String agencyName, String unitCode,
                        String unitName, String title, String grantedBy, Instant grantedAt, boolean revocable) {
    }

    /** An official as their managers see them; {@code mobile} in its national form (null: none). */
    record Official(String username, String fullName, String email, String mobile, String agencyCode, String agencyName,
                    String status, boolean locked, boolean secondFactorEnrolled, boolean mustChangePassword, Instant lastLoginAt,
                    List<PositionView> positions, boolean accountChangeable) {

        public String mobileMasked() {
            return mobile == null ? null : PhoneNumber.of(mobile).masked();
        }
    }

    record Created(Official official, String generatedPassword) {
    }

    /** Who is acting, with the scope their own positions give them today. */
    record Manager(String username, String fullName, String agencyCode, boolean provinceAdmin, Set<String> agencyRoots,
                   List<String> roles) {

        Actor actor() {
            return new Actor(username, fullName, roles, agencyCode);
        }
    }

    private final OfficialAccounts accounts;
    private final OfficialLogin login;
    private final Agencies agencies;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final PersonalDataProtection protection;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    ManagingOfficials(OfficialAccounts accounts, OfficialLogin login, Agencies agencies, PasswordEncoder passwords,
                      AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transactions,
                      PersonalDataProtection protection) {
        this.accounts = accounts;
        this.login = login;
        this.agencies = agencies;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.protection = protection;
    }

    // ---- reading

    Manager manager(String username) {
        OfficialAccounts.Account account = accounts.byUsername(username).filter(OfficialAccounts.Account::active).orElse(null);
        List<Position> positions = account == null ? List.of() : accounts.positions(account.id());
        boolean province = positions.stream().anyMatch(p -> p.role() == Role.PROVINCE_ADMIN);
        Set<String> roots = new LinkedHashSet<>();
        positions.stream().filter(p -> p.role() == Role.AGENCY_ADMIN).forEach(p -> roots.add(p.agencyCode()));
        List<String> roles = positions.stream().map(p -> p.role().name()).distinct().toList();
        Manager manager = new Manager(OfficialAccounts.normalize(username), account == null ? null : account.fullName(),
                account == null ? null : account.agencyCode(), province, Set.copyOf(roots), roles);
        if (!province && roots.isEmpty()) {
            throw denied(manager, null, "not-an-administrator",
                    "Chỉ quản trị tỉnh và quản trị cơ quan được quản lý tài khoản cán bộ");
        }
        return manager;
    }

    /** The officials the caller may manage, optionally of one agency (with its units) and matching words. */
    List<Official> list(String actor, String text, String agencyCode) {
        Manager manager = manager(actor);
        Set<String> scope = manager.provinceAdmin() ? null : agencies.subtrees(manager.agencyRoots());
        if (StringUtils.hasText(agencyCode)) {
            Set<String> wanted = agencies.subtrees(List.of(agencyCode.strip()));
            if (scope != null) {
                wanted.retainAll(scope);
            }
            scope = wanted;
        }
        String words = fold(text);
        List<Official> found = new ArrayList<>();
        for (OfficialAccounts.Account account : accounts.inAgencies(scope)) {
            if (words.isEmpty() || fold(account.username() + " " + account.fullName()).contains(words)) {
                found.add(view(manager, account));
            }
            if (found.size() >= 500) {
                break;
            }
        }
        return found;
    }

    Official get(String actor, String username) {
        Manager manager = manager(actor);
        return view(manager, visible(manager, username));
    }

    /** The agencies the caller may create officials in and grant positions of. */
    List<Agencies.Agency> agencyChoices(String actor) {
        Manager manager = manager(actor);
        if (manager.provinceAdmin()) {
            return agencies.all();
        }
        Set<String> scope = agencies.subtrees(manager.agencyRoots());
        return agencies.all().stream().filter(a -> scope.contains(a.code())).toList();
    }

    List<Role> grantableRoles(String actor) {
        Manager manager = manager(actor);
        return List.of(Role.values()).stream().filter(r -> manager.provinceAdmin() || AGENCY_GRANTABLE.contains(r)).toList();
    }

    // ---- changing

    Created create(String actor, NewOfficial request) {
        Manager manager = manager(actor);
        String username = OfficialAccounts.normalize(request.username());
        List<FieldError> errors = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "pattern",
                    "Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới"));
        }
        String fullName = request.fullName() == null ? "" : request.fullName().strip();
        if (fullName.isEmpty() || fullName.length() > 200) {
            errors.add(new FieldError("fullName", "required", "Cần họ và tên (tối đa 200 ký tự)"));
        }
        String email = email(request.email(), errors);
        String mobile = mobile(request.mobile(), errors);
        String agencyCode = trimmed(request.agencyCode());
        if (agencyCode == null || agencies.today(agencyCode).isEmpty()) {
            errors.add(new FieldError("agencyCode", "unknown-agency",
                    "Cần mã cơ quan có trong danh mục cơ quan, đơn vị đang có hiệu lực"));
        }
        boolean generated = !StringUtils.hasText(request.password());
        String password = generated ? generatedPassword(username) : request.password();
        if (!generated) {
            PasswordPolicy.violations(password, username).forEach(m -> errors.add(new FieldError("password", "password-policy", m)));
        }
        Position first = null;
        if (StringUtils.hasText(request.role())) {
            first = position(new PositionRequest(request.role(), agencyCode, request.unitCode(), request.title()), errors);
        }
        if (!errors.isEmpty()) {
            throw invalid("Chưa tạo được tài khoản", errors);
        }
        if (!manager.provinceAdmin()) {
            requireInScope(manager, username, agencyCode);
            if (first != null) {
                requireGrantable(manager, username, first.role());
            }
        }
        if (accounts.byUsername(username).isPresent()) {
            throw conflict("username-taken", "Tên đăng nhập '%s' đã được dùng; hãy chọn tên khác".formatted(username));
        }
        Position position = first;
        String secret = Totp.newSecret();
        try {
            transactions.executeWithoutResult(status -> {
                var id = accounts.create(username, fullName, email, mobile == null ? null : protection.seal(OfficialAccounts.MOBILE, mobile),
                        passwords.encode(password), login.sealTotpSecret(username, secret), manager.username(), agencyCode, generated);
                changed(manager, username, OfficialPermissionChanged.Change.CREATED, null, agencyCode, null,
                        b -> b.changed("status", null, "ACTIVE").detail("mustChangePassword", generated));
                if (position != null) {
                    accounts.grantReturningId(id, position, manager.username());
                    changed(manager, username, OfficialPermissionChanged.Change.POSITION_GRANTED, position.role(),
                            position.agencyCode(), position.unitCode(), b -> b.changed("position", null, describe(position))
                                    .detail("title", position.title()));
                }
            });
        } catch (DuplicateKeyException e) {
            throw conflict("username-taken", "Tên đăng nhập '%s' đã được dùng; hãy chọn tên khác".formatted(username));
        }
        Official created = view(manager, accounts.byUsername(username).orElseThrow());
        return new Created(created, generated ? password : null);
    }

    PositionView grant(String actor, String username, PositionRequest request) {
        Manager manager = manager(actor);
        OfficialAccounts.Account account = visible(manager, username);
        if (account.username().equals(manager.username())) {
            throw denied(manager, account.username(), "own-position", "Không ai được tự giao chức vụ cho chính mình");
        }
        List<FieldError> errors = new ArrayList<>();
        Position position = position(request, errors);
        if (!errors.isEmpty()) {
            throw invalid("Chưa giao được chức vụ", errors);
        }
        requireManageable(manager, account.username(), position);
        boolean held = accounts.positions(account.id()).stream().anyMatch(p -> p.role() == position.role()
                && p.agencyCode().equals(position.agencyCode()) && Objects.equals(unitOf(p), unitOf(position)));
        if (held) {
            throw conflict("position-already-held", "Cán bộ đã giữ chức vụ này");
        }
        long id = transactions.execute(status -> {
            long positionId = accounts.grantReturningId(account.id(), position, manager.username());
            changed(manager, account.username(), OfficialPermissionChanged.Change.POSITION_GRANTED, position.role(),
                    position.agencyCode(), position.unitCode(), b -> b.changed("position", null, describe(position))
                            .detail("title", position.title()).detail("positionId", positionId));
            return positionId;
        });
        return view(manager, account).positions().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /**
     * Changes the title (chức danh) of a position the official holds, as printed under the signature of the results
     * they sign from now on (results signed before keep theirs); a blank title clears it. Same scope as a revocation;
     * nobody retitles their own position.
     */
    PositionView retitle(String actor, String username, long positionId, String title) {
        Manager manager = manager(actor);
        OfficialAccounts.Account account = visible(manager, username);
        Position position = heldPosition(account, positionId);
        if (account.username().equals(manager.username())) {
            throw denied(manager, account.username(), "own-position", "Không ai được tự đổi chức danh của chính mình");
        }
        requireManageable(manager, account.username(), position);
        String newTitle = trimmed(title);
        if (newTitle != null && newTitle.length() > TITLE_MAX) {
            throw invalid("Chưa đổi được chức danh", List.of(new FieldError("title", "max-length",
                    "Chức danh tối đa %d ký tự (đang có %d)".formatted(TITLE_MAX, newTitle.length()))));
        }
        if (!Objects.equals(newTitle, position.title())) {
            transactions.executeWithoutResult(status -> {
                if (!accounts.retitle(account.id(), positionId, newTitle)) {
                    throw notFound("Cán bộ '%s' không còn giữ chức vụ số %d".formatted(account.username(), positionId));
                }
                changed(manager, account.username(), OfficialPermissionChanged.Change.POSITION_RETITLED, position.role(),
                        position.agencyCode(), position.unitCode(), b -> b.changed("title", position.title(), newTitle)
                                .detail("positionId", positionId));
            });
        }
        return view(manager, account).positions().stream().filter(p -> p.id() == positionId).findFirst().orElseThrow();
    }

    private Position heldPosition(OfficialAccounts.Account account, long positionId) {
        return accounts.heldPositions(account.id()).stream().filter(p -> p.id() == positionId).findFirst()
                .map(OfficialAccounts.HeldPosition::position)
                .orElseThrow(() -> notFound("Cán bộ '%s' không giữ chức vụ số %d".formatted(account.username(), positionId)));
    }

    /** An agency administrator grants, retitles and revokes only the roles they may grant, in their own agencies. */
    private void requireManageable(Manager manager, String username, Position position) {
        if (!manager.provinceAdmin()) {
            requireGrantable(manager, username, position.role());
            requireInScope(manager, username, position.agencyCode());
        }
    }

    void revoke(String actor, String username, long positionId) {
        Manager manager = manager(actor);
        OfficialAccounts.Account account = visible(manager, username);
        Position position = heldPosition(account, positionId);
        requireManageable(manager, account.username(), position);
        if (position.role() == Role.PROVINCE_ADMIN && accounts.activeHolders(Role.PROVINCE_ADMIN) <= 1) {
            throw conflict("last-province-admin", "Không thu hồi được: đây là quản trị tỉnh cuối cùng còn hoạt động");
        }
        transactions.executeWithoutResult(status -> {
            accounts.revoke(account.id(), positionId, manager.username());
            accounts.accessChanged(account.username());
            changed(manager, account.username(), OfficialPermissionChanged.Change.POSITION_REVOKED, position.role(),
                    position.agencyCode(), position.unitCode(), b -> b.changed("position", describe(position), null)
                            .detail("positionId", positionId));
        });
    }

    /**
     * Changes how the official is reached (e-mail, mobile for SMS alerts); the same managers as for the account's other
     * changes. The audit trail keeps the e-mail change and the masked numbers.
     */
    Official contact(String actor, String username, Contact contact) {
        List<FieldError> errors = new ArrayList<>();
        String email = email(contact == null ? null : contact.email(), errors);
        String mobile = mobile(contact == null ? null : contact.mobile(), errors);
        if (!errors.isEmpty()) {
            throw invalid("Chưa lưu được thông tin liên hệ", errors);
        }
        return changeAccount(actor, username, OfficialPermissionChanged.Change.CONTACT_CHANGED, (manager, account) -> {
            String before = openMobile(account);
            accounts.changeContact(account.username(), email, mobile == null ? null : protection.seal(OfficialAccounts.MOBILE, mobile));
            return Map.of("email", new String[] {account.email(), email},
                    "mobile", new String[] {before == null ? null : PhoneNumber.of(before).masked(),
                            mobile == null ? null : PhoneNumber.of(mobile).masked()});
        });
    }

    private static String email(String text, List<FieldError> errors) {
        String email = StringUtils.hasText(text) ? text.strip() : null;
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "email", "Thư điện tử không hợp lệ"));
        }
        return email;
    }

    /** The mobile number in its national form, or null when none is given; a fixed-line number cannot take SMS. */
    private static String mobile(String text, List<FieldError> errors) {
        if (!StringUtils.hasText(text)) {
            return null;
        }
        try {
            PhoneNumber number = PhoneNumber.of(text);
            if (!number.isMobile()) {
                errors.add(new FieldError("mobile", "mobile", "Cần số điện thoại di động (10 chữ số, đầu số 3, 5, 7, 8 hoặc 9) để nhận tin nhắn;"
                        + " số cố định không nhận được tin nhắn"));
                return null;
            }
            return number.value();
        } catch (InvalidPersonalData e) {
            errors.add(new FieldError("mobile", e.rule(), e.getMessage()));
            return null;
        }
    }

    private String openMobile(OfficialAccounts.Account account) {
        return account.mobileSealed() == null ? null : protection.open(OfficialAccounts.MOBILE, account.mobileSealed());
    }

    Official disable(String actor, String username) {
        if (OfficialAccounts.normalize(actor).equals(OfficialAccounts.normalize(username))) {
            throw denied(manager(actor), OfficialAccounts.normalize(username), "own-account",
                    "Không được tự vô hiệu hóa tài khoản của chính mình");
        }
        return changeAccount(actor, username, OfficialPermissionChanged.Change.DISABLED, (manager, account) -> {
            accounts.setStatus(account.username(), "DISABLED");
            accounts.accessChanged(account.username());
            return Map.of("status", new String[] {account.status(), "DISABLED"});
        });
    }

    Official enable(String actor, String username) {
        return changeAccount(actor, username, OfficialPermissionChanged.Change.ENABLED, (manager, account) -> {
            accounts.setStatus(account.username(), "ACTIVE");
            return Map.of("status", new String[] {account.status(), "ACTIVE"});
        });
    }

    Official resetSecondFactor(String actor, String username) {
        return changeAccount(actor, username, OfficialPermissionChanged.Change.SECOND_FACTOR_RESET, (manager, account) -> {
            accounts.resetSecondFactor(account.username(), login.sealTotpSecret(account.username(), Totp.newSecret()));
            accounts.accessChanged(account.username());
            return Map.of("secondFactor", new String[] {account.totpConfirmed() ? "ENROLLED" : "NOT_ENROLLED", "NOT_ENROLLED"});
        });
    }

    Official unlock(String actor, String username) {
        return changeAccount(actor, username, OfficialPermissionChanged.Change.UNLOCKED, (manager, account) -> {
            accounts.unlock(account.username());
            return Map.of("lockedUntil", new String[] {String.valueOf(account.lockedUntil()), null});
        });
    }

    // ---- rules

    private interface AccountChange {
        Map<String, String[]> apply(Manager manager, OfficialAccounts.Account account);
    }

    private Official changeAccount(String actor, String username, OfficialPermissionChanged.Change change, AccountChange apply) {
        Manager manager = manager(actor);
        OfficialAccounts.Account account = visible(manager, username);
        requireAccountChangeable(manager, account);
        transactions.executeWithoutResult(status -> {
            Map<String, String[]> fields = apply.apply(manager, account);
            changed(manager, account.username(), change, null, account.agencyCode(), null, b -> {
                fields.forEach((field, values) -> b.changed(field, values[0], values[1]));
                return b;
            });
        });
        return view(manager, accounts.byUsername(account.username()).orElseThrow());
    }

    /** The account, if the caller may see it: else 404, the same answer as for an account that does not exist. */
    private OfficialAccounts.Account visible(Manager manager, String username) {
        OfficialAccounts.Account account = accounts.byUsername(username).orElse(null);
        if (account != null && (manager.provinceAdmin() || inScope(manager, account.agencyCode())
                || accounts.positions(account.id()).stream().anyMatch(p -> inScope(manager, p.agencyCode())))) {
            return account;
        }
        if (account != null) {
            record(manager, account.username(), Outcome.DENIED, b -> b.detail("rule", "outside-scope"));
        }
        throw notFound("Không có cán bộ '%s' trong phạm vi quản lý của bạn".formatted(OfficialAccounts.normalize(username)));
    }

    private boolean accountChangeable(Manager manager, OfficialAccounts.Account account) {
        return manager.provinceAdmin() || (inScope(manager, account.agencyCode())
                && accounts.positions(account.id()).stream().allMatch(p -> AGENCY_GRANTABLE.contains(p.role())));
    }

    private void requireAccountChangeable(Manager manager, OfficialAccounts.Account account) {
        if (manager.provinceAdmin()) {
            return;
        }
        if (!inScope(manager, account.agencyCode())) {
            throw denied(manager, account.username(), "home-agency-outside-scope",
                    "Tài khoản này do cơ quan %s quản lý; chỉ quản trị của cơ quan đó hoặc quản trị tỉnh được thay đổi"
                            .formatted(agencies.nameOf(account.agencyCode())));
        }
        if (!accountChangeable(manager, account)) {
            throw denied(manager, account.username(), "privileged-account",
                    "Tài khoản có vai trò quản trị, vận hành LGSP hoặc kiểm toán nhật ký chỉ do quản trị tỉnh thay đổi");
        }
    }

    private void requireGrantable(Manager manager, String username, Role role) {
        if (!AGENCY_GRANTABLE.contains(role)) {
            throw denied(manager, username, "role-reserved-for-province-admin",
                    "Quản trị cơ quan chỉ được giao hoặc thu hồi các vai trò Cán bộ một cửa, Chuyên viên, Lãnh đạo phòng, "
                            + "Lãnh đạo cơ quan, Văn thư; vai trò %s do quản trị tỉnh quản lý".formatted(role.vietnameseName()));
        }
    }

    private void requireInScope(Manager manager, String username, String agencyCode) {
        if (!inScope(manager, agencyCode)) {
            throw denied(manager, username, "outside-agency-scope",
                    "Cơ quan %s nằm ngoài phạm vi bạn quản trị".formatted(agencies.nameOf(agencyCode)));
        }
    }

    private boolean inScope(Manager manager, String agencyCode) {
        return manager.provinceAdmin() || agencies.withinAny(agencyCode, manager.agencyRoots());
    }

    private Position position(PositionRequest request, List<FieldError> errors) {
        Role role = null;
        try {
            role = Role.valueOf(request.role() == null ? "" : request.role().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("role", "enum", "Vai trò phải là một trong: " + List.of(Role.values())));
        }
        String agencyCode = trimmed(request.agencyCode());
        if (agencyCode == null || agencies.today(agencyCode).isEmpty()) {
            if (errors.stream().noneMatch(e -> e.field().equals("agencyCode"))) {
                errors.add(new FieldError("agencyCode", "unknown-agency",
                        "Cần mã cơ quan có trong danh mục cơ quan, đơn vị đang có hiệu lực"));
            }
        }
        String unitCode = trimmed(request.unitCode());
        if (unitCode != null && agencyCode != null && agencies.today(agencyCode).isPresent()) {
            if (agencies.today(unitCode).isEmpty()) {
                errors.add(new FieldError("unitCode", "unknown-unit", "Đơn vị '%s' không có trong danh mục đang có hiệu lực".formatted(unitCode)));
            } else if (!agencies.within(unitCode, agencyCode)) {
                errors.add(new FieldError("unitCode", "unit-outside-agency",
                        "Đơn vị '%s' không thuộc cơ quan %s".formatted(unitCode, agencies.nameOf(agencyCode))));
            }
        }
        String title = trimmed(request.title());
        if (title != null && title.length() > TITLE_MAX) {
            errors.add(new FieldError("title", "max-length",
                    "Chức danh tối đa %d ký tự (đang có %d)".formatted(TITLE_MAX, title.length())));
        }
        return role == null || agencyCode == null ? null : new Position(role, agencyCode, unitCode, title);
    }

    // ---- views

    private Official view(Manager manager, OfficialAccounts.Account account) {
        List<PositionView> positions = accounts.heldPositions(account.id()).stream().map(held -> {
            Position p = held.position();
            boolean revocable = manager.provinceAdmin() || (AGENCY_GRANTABLE.contains(p.role()) && inScope(manager, p.agencyCode()));
            return new PositionView(held.id(), p.role(), p.role().vietnameseName(), p.agencyCode(), agencies.nameOf(p.agencyCode()),
                    p.unitCode(), p.unitCode() == null ? null : agencies.nameOf(p.unitCode()), p.title(), held.grantedBy(), held.grantedAt(),
                    revocable);
        }).toList();
        return new Official(account.username(), account.fullName(), account.email(), openMobile(account), account.agencyCode(),
                agencies.nameOf(account.agencyCode()), account.status(), account.lockedAt(clock.instant()), account.totpConfirmed(),
                account.mustChangePassword(), account.lastLoginAt(), positions, accountChangeable(manager, account));
    }

    // ---- recording

    private interface Details {
        AuditRecord.Builder add(AuditRecord.Builder builder);
    }

    private void changed(Manager manager, String username, OfficialPermissionChanged.Change change, Role role, String agencyCode,
                         String unitCode, Details details) {
        Instant at = clock.instant();
        record(manager, username, Outcome.SUCCESS, b -> details.add(b.at(at).detail("change", change)
                .detail("role", role).detail("agencyCode", agencyCode).detail("unitCode", unitCode)));
        events.publishEvent(new OfficialPermissionChanged(manager.username(), username, change, role, agencyCode, unitCode, at));
    }

    private void record(Manager manager, String username, Outcome outcome, Details details) {
        audit.record(details.add(AuditRecord.builder(AuditActions.PERMISSION_CHANGED, outcome).actor(manager.actor())
                .object(OBJECT_TYPE, username).fromCurrentRequest()).build());
    }

    private ErrorResponseException denied(Manager manager, String username, String rule, String detail) {
        record(manager, username, Outcome.DENIED, b -> b.detail("rule", rule));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Không được phép");
        problem.setProperty("rule", rule);
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }

    static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Không tìm thấy");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static ErrorResponseException invalid(String title, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "%s: %d lỗi; xem từng trường trong errors".formatted(title, errors.size()));
        problem.setTitle(title);
        problem.setProperty("errors", List.copyOf(errors));
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    static ErrorResponseException conflict(String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Xung đột");
        problem.setProperty("rule", rule);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    // ---- helpers

    /** A first password to hand over once: readable groups, accepted by the policy, to be changed at the first login. */
    String generatedPassword(String username) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i > 0 && i % 4 == 0) {
                    password.append('-');
                }
                password.append(letters.charAt(random.nextInt(letters.length())));
            }
            if (PasswordPolicy.violations(password.toString(), username).isEmpty()) {
                return password.toString();
            }
        }
    }

    private static String describe(Position position) {
        return position.role().name() + "@" + position.agencyCode() + (position.unitCode() == null ? "" : "/" + position.unitCode());
    }

    private static String unitOf(Position position) {
        return position.unitCode() == null ? position.agencyCode() : position.unitCode();
    }

    private static String trimmed(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }

    /** Lower case without diacritics, for searching names typed with or without them. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
