package vn.gov.egov.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class CitizensDirectory implements Citizens {

    private final CitizenAccounts accounts;

    CitizensDirectory(CitizenAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Citizen> byAccountId(UUID accountId) {
        return accounts.byId(accountId).map(c -> new Citizen(c.id(), c.fullName(), c.personalId().masked(),
                accounts.representations(c.id()).stream().map(r -> new RepresentedBusiness(r.taxCode(), r.businessName())).toList()));
    }

    @Override
    public Optional<CitizenProfile> profile(UUID accountId) {
        return accounts.byId(accountId).map(c -> new CitizenProfile(c.id(), c.personalId().value(), c.fullName(), c.birthDate(),
                c.sex(), c.address(), c.phone(), c.email()));
    }

    @Override
    public boolean represents(UUID accountId, String taxCode) {
        return accounts.represents(accountId, taxCode);
    }
}
