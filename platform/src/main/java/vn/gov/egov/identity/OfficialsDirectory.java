package vn.gov.egov.identity;

import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
class OfficialsDirectory implements Officials {

    private final OfficialAccounts accounts;

    OfficialsDirectory(OfficialAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Official> byUsername(String username) {
        return accounts.byUsername(username).map(a -> new Official(a.username(), a.fullName(), accounts.positions(a.id())));
    }

    @Override
    public java.util.List<Official> holding(Role role, String agencyCode) {
        return accounts.holding(role, agencyCode).stream()
                .map(a -> new Official(a.username(), a.fullName(), accounts.positions(a.id()))).toList();
    }

    @Override
    public java.util.List<OfficialMailbox> mailboxes(Role role, String agencyCode, String unitCode) {
        return accounts.holding(role, agencyCode, unitCode).stream()
                .map(a -> new OfficialMailbox(a.username(), a.fullName(), a.email() == null || a.email().isBlank() ? null : a.email().strip()))
                .toList();
    }
}
