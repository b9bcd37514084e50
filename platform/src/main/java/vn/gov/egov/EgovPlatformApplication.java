package vn.gov.egov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The province's e-Government platform: one jar, one Spring Modulith module per business capability. */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class EgovPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(EgovPlatformApplication.class, args);
    }
}
