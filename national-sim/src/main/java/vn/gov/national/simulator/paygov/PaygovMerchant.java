package vn.gov.national.simulator.paygov;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The one merchant the simulated PayGov knows: the province's e-government platform (test credentials only). */
@Component
class PaygovMerchant {

    private final String code;
    private final String secretKey;

    PaygovMerchant(@Value("${sim.paygov.merchant-code:LSN-EGOV}") String code,
                   @Value("${sim.paygov.secret-key:paygov-simulator-secret}") String secretKey) {
        this.code = code;
        this.secretKey = secretKey;
    }

    String code() {
        return code;
    }

    String secretKey() {
        return secretKey;
    }
}
