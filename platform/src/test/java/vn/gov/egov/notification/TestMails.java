package vn.gov.egov.notification;

import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import vn.gov.egov.PlatformTest;

/** The test SMTP server's mails about one dossier, found by the dossier code in their subject. */
final class TestMails {

    private TestMails() {
    }

    static List<MimeMessage> mailsFor(String code) {
        return Arrays.stream(PlatformTest.mailServer().getReceivedMessages()).filter(m -> subject(m).contains(code)).toList();
    }

    static MimeMessage awaitMail(String code, String subjectPart) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> mailsFor(code).stream()
                .filter(m -> subject(m).contains(subjectPart)).findFirst().orElse(null), m -> m != null);
    }

    static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String text ? text : new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
