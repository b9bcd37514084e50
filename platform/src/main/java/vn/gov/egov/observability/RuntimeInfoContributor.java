package vn.gov.egov.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** {@code /actuator/info}: the Java version, and whether requests are served on virtual threads (Java 21+). */
@Component
class RuntimeInfoContributor implements InfoContributor {

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("java", Runtime.version().toString());
        runtime.put("requestOnVirtualThread", isVirtual(Thread.currentThread()));
        runtime.put("processors", Runtime.getRuntime().availableProcessors());
        builder.withDetail("runtime", runtime);
    }

    /** {@code Thread.isVirtual()} exists from Java 21; the platform is compiled for 17. */
    static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
