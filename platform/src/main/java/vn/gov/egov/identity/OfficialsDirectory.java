package vn.gov.egov.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.gov.egov.personaldata.PersonalDataProtection;

/**
 * Officials as other modules see them. Within one web request an official is read once: the modules a request passes
 * through (the API's caller check, the task's holder check, the signer's title…) ask for the same official several
 * times. A change of the official's positions made in the request forgets what was read.
 */
@Service
class OfficialsDirectory implements Officials {

    private static final String READ_IN_REQUEST = OfficialsDirectory.class.getName() + ".official:";

    private final OfficialAccounts accounts;

    private final PersonalDataProtection protection;

    OfficialsDirectory(OfficialAccounts accounts, PersonalDataProtection protection) {
        this.accounts = accounts;
        this.protection = protection;
    }

    @Override
    public Optional<Official> byUsername(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return accounts.official(username);
        }
        String key = READ_IN_REQUEST + OfficialAccounts.normalize(username);
        if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Official read) {
            return Optional.of(read);
        }
        Optional<Official> found = accounts.official(username);
        found.ifPresent(official -> request.setAttribute(key, official, RequestAttributes.SCOPE_REQUEST));
        return found;
    }

    @EventListener
    void on(OfficialPermissionChanged changed) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(READ_IN_REQUEST + OfficialAccounts.normalize(changed.username()), RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    public List<Official> holding(Role role, String agencyCode) {
        List<OfficialAccounts.Account> found = accounts.holding(role, agencyCode);
        Map<UUID, List<Position>> positions = accounts.positions(found.stream().map(OfficialAccounts.Account::id).toList());
        return found.stream().map(a -> new Official(a.username(), a.fullName(), List.copyOf(positions.getOrDefault(a.id(), List.of()))))
                .toList();
    }

    @Override
    public List<OfficialMailbox> mailboxes(Role role, String agencyCode, String unitCode) {
        return accounts.holding(role, agencyCode, unitCode).stream()
                .map(a -> new OfficialMailbox(a.username(), a.fullName(), a.email() == null || a.email().isBlank() ? null : a.email().strip(),
                        a.mobileSealed() == null ? null : protection.open(OfficialAccounts.MOBILE, a.mobileSealed())))
                .toList();
    }
}
