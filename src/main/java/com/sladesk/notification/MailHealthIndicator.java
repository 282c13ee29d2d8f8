package com.sladesk.notification;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Health "mail": whether the SMTP server answers, and how many notifications wait. With no SMTP
 * host configured it is UNKNOWN (the service runs; mail waits), which does not turn health DOWN.
 */
@Component("mail")
class MailHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationRepository repository;

    MailHealthIndicator(ObjectProvider<JavaMailSender> mailSender, NotificationRepository repository) {
        super("SMTP health check failed");
        this.mailSender = mailSender;
        this.repository = repository;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("pending", repository.countByStatusIn(List.of(NotificationStatus.PENDING,
                NotificationStatus.SENDING)));
        builder.withDetail("failed", repository.countByStatusIn(List.of(NotificationStatus.FAILED)));
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            builder.unknown().withDetail("smtp", "not configured");
            return;
        }
        if (sender instanceof JavaMailSenderImpl smtp) {
            builder.withDetail("smtp", smtp.getHost() + ":" + smtp.getPort());
            smtp.testConnection();
        }
        builder.up();
    }
}
