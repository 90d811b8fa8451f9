package org.tongban.notifications.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.tongban.notifications.Channel;
import org.tongban.notifications.MessageSender;

/**
 * E-mail over SMTP (ADR 0034) with Spring's {@link JavaMailSender} ({@code spring.mail.*}), when
 * {@code tongban.notifications.email=smtp}. The first line of the text is the subject. A refused connection or an
 * SMTP error throws; the delivery is retried with back-off and ends as dead, shown to the operator.
 */
@Component
@ConditionalOnProperty(name = "tongban.notifications.email", havingValue = "smtp")
class EmailSender implements MessageSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, @Value("${tongban.notifications.email-from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(String address, String text) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        int newline = text.indexOf('\n');
        message.setSubject(newline < 0 ? text : text.substring(0, newline));
        message.setText(text);
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new DeliveryFailedException(
                    "SMTP: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
