package vn.gov.egov.audit;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code --egov.audit.verify-and-exit} the platform runs as a command: its web server only on a free port of the
 * loopback interface (so that it can run beside a running node), no retention purge, no banner, only warnings in the
 * log. Registered in {@code META-INF/spring.factories}.
 */
class VerifyAndExitMode implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(VerifyAndExit.OPTION)) {
            environment.getPropertySources().addFirst(new MapPropertySource("audit-verify-and-exit", Map.of(
                    "server.port", "0",
                    "server.address", "127.0.0.1",
                    "spring.main.banner-mode", "off",
                    "egov.audit.purge.cron", "-",
                    "egov.demo.enabled", "false",
                    "logging.level.root", "WARN")));
        }
    }
}
