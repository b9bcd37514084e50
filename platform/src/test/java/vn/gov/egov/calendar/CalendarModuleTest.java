package vn.gov.egov.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import vn.gov.egov.EgovPlatformApplication;

class CalendarModuleTest {

    private final ApplicationModules modules = ApplicationModules.of(EgovPlatformApplication.class);

    @Test
    void theCalendarIsAModuleThatNeedsNoOtherModule() {
        ApplicationModule calendar = modules.getModuleByName("calendar").orElseThrow();

        calendar.verifyDependencies(modules);
        assertThat(calendar.getDisplayName()).isEqualTo("Working-day calendar");
        assertThat(calendar.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()).toList())
                .isEmpty();
    }

    @Test
    void onlyTheCalendarsApiIsPublic() {
        ApplicationModule calendar = modules.getModuleByName("calendar").orElseThrow();

        assertThat(calendar.getBasePackage().stream()
                .filter(type -> java.lang.reflect.Modifier.isPublic(type.reflect().getModifiers()))
                .filter(type -> !type.reflect().isMemberClass())
                .map(type -> type.getSimpleName()).toList())
                .containsExactlyInAnyOrder("WorkingCalendar", "CalendarDay", "DayKind", "SpecialDay", "LunarDate",
                        "WorkingTime", "WorkingCalendarChanged");
    }
}
