package vn.gov.egov.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the {@link JavaMailSender} Spring Boot configures when {@code spring.mail.host} is set; a batch goes
 * over one connection to the mail server, and a message the server refuses does not stop the others.
 */
@Component
class EmailCarrier implements Carrier {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationSettings settings;
    /** Looked up once: the listener asks for every message whether e-mail is configured. */
    private volatile Optional<JavaMailSender> sender;

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
        return sender() == null
                ? Optional.of("Chưa cấu hình máy chủ thư điện tử (spring.mail.host): thư không được gửi.")
                : Optional.empty();
    }

    private JavaMailSender sender() {
        Optional<JavaMailSender> found = sender;
        if (found == null) {
            found = Optional.ofNullable(mail.getIfAvailable());
            sender = found;
        }
        return found.orElse(null);
    }

    /** One connection to the mail server for the whole batch ({@link JavaMailSender#send(MimeMessage...)}). */
    @Override
    public List<Outcome> send(List<Outgoing> messages) {
        JavaMailSender sender = sender();
        if (sender == null) {
            return Collections.nCopies(messages.size(), Outcome.failed(new DeliveryFailed(unavailable().orElseThrow(), false)));
        }
        Outcome[] outcomes = new Outcome[messages.size()];
        List<MimeMessage> prepared = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                prepared.add(prepare(sender, messages.get(i)));
                places.add(i);
            } catch (MessagingException | MailParseException | MailPreparationException e) {
                outcomes[i] = Outcome.failed(new DeliveryFailed(
                        "Địa chỉ thư hoặc nội dung thư không hợp lệ (" + e.getClass().getSimpleName() + ").", true));
            }
        }
        Map<Object, Exception> failed = Map.of();
        DeliveryFailed all = null;
        if (!prepared.isEmpty()) {
            try {
                sender.send(prepared.toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                failed = e.getFailedMessages();
                if (failed.isEmpty()) {
                    all = notSent(e);
                }
            } catch (MailAuthenticationException e) {
                all = new DeliveryFailed("Máy chủ thư từ chối đăng nhập: kiểm tra spring.mail.username/password.", false);
            } catch (MailException e) {
                all = notSent(e);
            }
        }
        for (int j = 0; j < prepared.size(); j++) {
            MimeMessage message = prepared.get(j);
            Exception failure = failed.get(message);
            outcomes[places.get(j)] = all != null ? Outcome.failed(all)
                    : failure != null ? Outcome.failed(notSent(failure)) : Outcome.sent(messageId(message));
        }
        return Arrays.asList(outcomes);
    }

    private MimeMessage prepare(JavaMailSender sender, Outgoing outgoing) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.mailFrom());
        helper.setTo(outgoing.recipient());
        helper.setSubject(outgoing.subject());
        helper.setText(outgoing.body(), false);
        message.setHeader("X-Egov-Reference", outgoing.reference());
        return message;
    }

    /** The exception's text may name the recipient: only its kind is kept. */
    private static DeliveryFailed notSent(Exception e) {
        return new DeliveryFailed("Không gửi được thư qua máy chủ thư (" + kind(e) + ").", false);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
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
