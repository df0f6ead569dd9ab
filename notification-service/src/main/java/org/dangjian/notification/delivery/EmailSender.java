package org.dangjian.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.dangjian.notification.NotificationProperties;
import org.dangjian.notification.chase.NotificationDoc;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a notification as a UTF-8 text e-mail through Spring Mail (SMTP). */
@Component
public class EmailSender {

    /** The breaker key of the mail server. */
    public static final String ENDPOINT = "mail";

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties.Delivery settings;

    public EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.settings = properties.delivery();
    }

    public void send(String to, NotificationDoc n) throws MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException("邮件服务未配置（spring.mail.host）");
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.mailFrom());
        helper.setTo(to);
        helper.setSubject(n.title());
        helper.setText(n.text() + "\n\n（本邮件由党建工作提醒系统自动发送，请勿直接回复。）");
        sender.send(message);
    }
}
