package vn.gov.egov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The province's e-Government platform: one jar, one Spring Modulith module per business capability. With
 * {@code egov.role=lgsp-gateway} ({@code EGOV_ROLE}) the same jar runs only the LGSP gateway (see
 * {@link vn.gov.egov.lgsp.LgspProcess}).
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class EgovPlatformApplication {

    public static void main(String[] args) {
        if (vn.gov.egov.lgsp.LgspProcess.gatewayChosen(args)) {
            vn.gov.egov.lgsp.LgspProcess.runGateway(args);
            return;
        }
        SpringApplication.run(EgovPlatformApplication.class, args);
    }
}
