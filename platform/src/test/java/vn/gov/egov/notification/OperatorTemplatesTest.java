package vn.gov.egov.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import vn.gov.egov.dossier.DossierChannel;
import vn.gov.egov.dossier.DossierStatus;
import vn.gov.egov.dossier.DossierStatusChanged;

/**
 * The messages are rendered inside the dossier's move: an operator's template that is broken or missing falls back
 * to the built-in one instead of refusing the move, and a sound one is used.
 */
class OperatorTemplatesTest {

    private static MessageTemplates templatesIn(Path directory) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        NotificationSettings settings = new NotificationSettings("khong-tra-loi@localhost", 8, Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofSeconds(30), directory.toUri().toString(), "https://dichvucong.example/tra-cuu", 100, Duration.ofMillis(150),
                Duration.ofSeconds(20));
        return new MessageTemplates(context, settings, "https://dichvucong.example");
    }

    private static DossierStatusChanged event(String action, DossierStatus status) {
        return new DossierStatusChanged(UUID.randomUUID(), "000.00.00.H34-261128-0001", "1.001234", "Cấp phiếu lý lịch tư pháp", "SO-TP",
                DossierChannel.OWN_PORTAL, status, DossierStatus.DRAFT, action, Instant.parse("2026-11-28T02:00:00Z"), null, null, null, null);
    }

    @Test
    void aBrokenOrMissingOperatorTemplateFallsBackToTheBuiltInOneAndASoundOneIsUsed(@TempDir Path operator) throws Exception {
        Files.writeString(operator.resolve("SUBMITTED.email.txt"), "[(${#strings.noSuchFunction(code)})]\n", StandardCharsets.UTF_8);
        Files.writeString(operator.resolve("SUBMITTED.sms.txt"), "UBND tinh: ho so [(${code})] da nop.", StandardCharsets.UTF_8);
        MessageTemplates templates = templatesIn(operator);

        MessageTemplates.Message broken = templates.email(event("SUBMITTED", DossierStatus.SUBMITTED), "Nguyễn Văn An");
        MessageTemplates.Message sound = templates.sms(event("SUBMITTED", DossierStatus.SUBMITTED));
        MessageTemplates.Message missing = templates.sms(event("WITHDRAWN", DossierStatus.WITHDRAWN));

        assertThat(broken.subject()).as("the built-in subject").contains("000.00.00.H34-261128-0001").contains("đã được nộp");
        assertThat(broken.body()).contains("Kính gửi Nguyễn Văn An");
        assertThat(sound.body()).isEqualTo("UBND tinh: ho so 000.00.00.H34-261128-0001 da nop.");
        assertThat(missing.body()).as("no operator template: the built-in one").startsWith("Hồ sơ 000.00.00.H34-261128-0001");
    }
}
