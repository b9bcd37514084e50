package vn.gov.egov.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail through the {@link JavaMailSender} Spring Boot configures when {@code spring.mail.host} is set. */
@Component
class EmailCarrier implements Carrier {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationSettings settings;

    EmailCarrier(ObjectProvider<JavaMailSender> mail, NotificationSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public Optional<String> unavailable() {
        return mail.getIfAvailable() == null
                ? Optional.of("Chưa cấu hình máy chủ thư điện tử (spring.mail.host): thư không được gửi.")
                : Optional.empty();
    }

    @Override
    public String send(String recipient, String subject, String body, String reference) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailed(unavailable().orElseThrow(), false);
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.mailFrom());
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(body, false);
            message.setHeader("X-Egov-Reference", reference);
            sender.send(message);
            return message.getMessageID();
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            throw new DeliveryFailed("Địa chỉ thư hoặc nội dung thư không hợp lệ (" + e.getClass().getSimpleName() + ").", true);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailed("Máy chủ thư từ chối đăng nhập: kiểm tra spring.mail.username/password.", false);
        } catch (MailException e) {
            // the exception's text may name the recipient: only its kind is kept
            throw new DeliveryFailed("Không gửi được thư qua máy chủ thư (" + kind(e) + ").", false);
        }
    }

    static String kind(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + (root == e ? "" : " / " + root.getClass().getSimpleName());
    }
}
