package vn.gov.egov.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import vn.gov.egov.EgovPlatformApplication;

class AuditModuleTest {

    private final ApplicationModules modules = ApplicationModules.of(EgovPlatformApplication.class);

    @Test
    void theAuditTrailNeedsOnlyTheEventsOfTheModulesItListensToAndThePersonalDataRules() {
        ApplicationModule audit = modules.getModuleByName("audit").orElseThrow();

        audit.verifyDependencies(modules);
        assertThat(audit.getDisplayName()).isEqualTo("Audit trail");
        assertThat(audit.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()).distinct().toList())
                .containsExactlyInAnyOrder("catalog", "calendar", "personaldata");
    }

    @Test
    void onlyTheRecordingApiIsPublic() {
        ApplicationModule audit = modules.getModuleByName("audit").orElseThrow();

        assertThat(audit.getBasePackage().stream()
                .filter(type -> Modifier.isPublic(type.reflect().getModifiers()))
                .filter(type -> !type.reflect().isMemberClass())
                .map(type -> type.getSimpleName()).toList())
                .containsExactlyInAnyOrder("AuditTrail", "AuditRecord", "Actor", "ChangedValue", "Outcome",
                        "AuditActions", "AuditableEventOccurred");
    }
}
