package vn.gov.national.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A SIMULATOR of the national systems (NDXP, population database, business registry, national public-service
 * portal, PayGov, VNPost, VNeID, document backbone). It is not connected to, and does not imitate the data of,
 * any real national system; tests and demonstrations use it in their place.
 */
@SpringBootApplication
public class NationalSimulatorApplication {

    public static void main(String[] args) {
        start(args);
    }

    /** Starts the simulator with its own configuration file, so it can share a JVM (and class path) with tests. */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(NationalSimulatorApplication.class)
                .properties("spring.config.name=national-sim")
                .run(args);
    }

}
