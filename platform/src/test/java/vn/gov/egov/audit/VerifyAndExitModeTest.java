package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

class VerifyAndExitModeTest {

    @Test
    void theVerificationCommandRunsBesideARunningNodeWithoutPurging() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--egov.audit.verify-and-exit"));

        new VerifyAndExitMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.port")).isEqualTo("0");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("egov.audit.purge.cron")).isEqualTo("-");
    }

    @Test
    void aNormalStartIsLeftAlone() {
        StandardEnvironment environment = new StandardEnvironment();

        new VerifyAndExitMode().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.port")).isNull();
    }
}
