package vn.gov.egov.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import vn.gov.egov.PlatformTest;

/** The route tests' common ground: the procedure catalog loaded from the simulated national database. */
abstract class RouteTestSupport extends PlatformTest {

    private static volatile boolean catalogReady;

    @BeforeEach
    void procedureCatalog() throws Exception {
        if (!catalogReady) {
            synchronized (RouteTestSupport.class) {
                if (!catalogReady) {
                    HttpResponse<String> sync = asAdmin("POST", "/api/v1/procedures/sync?full=true", null, null);
                    assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
                    catalogReady = true;
                }
            }
        }
    }
}
