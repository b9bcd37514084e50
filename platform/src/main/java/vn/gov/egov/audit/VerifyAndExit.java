package vn.gov.egov.audit;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The verification command: {@code java -jar platform.jar --egov.audit.verify-and-exit} starts the platform as a
 * command ({@link VerifyAndExitMode}), verifies the chain, prints the result as one line of JSON and exits
 * with 0 when the chain is intact, 2 when it is broken, 1 when it could not be verified (like any failed start).
 */
@Component
class VerifyAndExit implements ApplicationRunner {

    static final String OPTION = "egov.audit.verify-and-exit";

    private final ChainVerifier verifier;
    private final ObjectMapper json;
    private final ConfigurableApplicationContext context;

    VerifyAndExit(ChainVerifier verifier, ObjectMapper json, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.json = json;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int code = verifyAndPrint(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int verifyAndPrint(PrintStream out) {
        try {
            ChainVerification result = verifier.verify();
            out.println(json.writeValueAsString(result));
            out.flush();
            return result.ok() ? 0 : 2;
        } catch (RuntimeException e) {
            out.println("{\"ok\":false,\"error\":" + CanonicalJson.write(String.valueOf(e.getMessage())) + "}");
            out.flush();
            return 1;
        }
    }
}
