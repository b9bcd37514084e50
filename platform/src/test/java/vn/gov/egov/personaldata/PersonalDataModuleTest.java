package vn.gov.egov.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import vn.gov.egov.EgovPlatformApplication;

class PersonalDataModuleTest {

    private final ApplicationModules modules = ApplicationModules.of(EgovPlatformApplication.class);

    @Test
    void personalDataProtectionIsAModuleThatNeedsNoOtherModule() {
        ApplicationModule module = modules.getModuleByName("personaldata").orElseThrow();

        module.verifyDependencies(modules);
        assertThat(module.getDisplayName()).isEqualTo("Personal data protection");
        assertThat(module.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()).toList())
                .isEmpty();
    }

    @Test
    void onlyTheApiIsPublic() {
        ApplicationModule module = modules.getModuleByName("personaldata").orElseThrow();

        assertThat(module.getBasePackage().stream()
                .filter(type -> Modifier.isPublic(type.reflect().getModifiers()))
                .filter(type -> !type.reflect().isMemberClass())
                .map(type -> type.getSimpleName()).toList())
                .containsExactlyInAnyOrder("PersonalIdentificationNumber", "PhoneNumber", "TaxCode", "PostalAddress",
                        "Sex", "InvalidPersonalData", "PersonalDataProtection", "SealedValueUnreadable",
                        "SealedValueStore", "SealedValue", "SealedColumn", "RotatingKeys", "RotationReport", "FreeTextMasking");
    }
}
