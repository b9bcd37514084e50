package vn.gov.egov.lgsp.client;

import vn.gov.egov.lgsp.NationalSystem;
import vn.gov.egov.lgsp.registry.NationalServices;
import vn.gov.egov.lgsp.registry.ServiceAddress;

/** Where each national system's service is on the gateway, as the registry registers it. */
final class NationalAddresses {

    private NationalAddresses() {
    }

    static ServiceAddress of(NationalSystem system) {
        return switch (system) {
            case POPULATION -> NationalServices.POPULATION;
            case BUSINESS_REGISTRY -> NationalServices.BUSINESS_REGISTRY;
            case PROCEDURES -> NationalServices.PROCEDURES;
            case NATIONAL_PORTAL -> NationalServices.NATIONAL_PORTAL;
            case PAYGOV -> NationalServices.PAYGOV;
            case VNPOST -> NationalServices.VNPOST;
            case DOCUMENT_BACKBONE -> NationalServices.DOCUMENT_BACKBONE;
        };
    }
}
