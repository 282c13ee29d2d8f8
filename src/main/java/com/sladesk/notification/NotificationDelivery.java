package com.sladesk.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due notifications. Each one is first claimed with a conditional update (so two nodes
 * never send the same mail), sent outside any transaction, then marked SENT, or PENDING again
 * with the error and a backed-off next attempt. With no SMTP host configured it sends nothing
 * and the mails wait, visible. The HTTP channels are POSTed with a timeout (5 s by default).
 */
@Component
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationRepository repository;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private final MailProperties mail;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http;
    private final WebhookAddresses addresses;
    private final ApplicationEventPublisher events;

    NotificationDelivery(NotificationRepository repository, ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties, MailProperties mail, TransactionTemplate transactions, Clock clock,
            WebhookAddresses addresses, ApplicationEventPublisher events) {
        this.addresses = addresses;
        this.events = events;
        this.repository = repository;
        this.mailSender = mailSender;
        this.properties = properties;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${sladesk.notification.delivery.poll-interval:PT5S}",
            initialDelayString = "${sladesk.notification.delivery.poll-interval:PT5S}")
    void poll() {
        if (properties.enabled()) {
            drain();
        }
    }

    /**
     * Delivers batch after batch while they come full (a backlog drains at the speed of the SMTP
     * server, not one batch a poll), for at most {@link #DRAIN_FOR} so other scheduled work runs;
     * returns how many were sent.
     */
    int drain() {
        long until = System.nanoTime() + DRAIN_FOR.toNanos();
        int sent = 0;
        Batch batch;
        do {
            batch = deliverBatch();
            sent += batch.sent();
        } while (batch.found() == properties.batchSize() && System.nanoTime() < until);
        return sent;
    }

    /** How long one poll goes on delivering full batches. */
    static final java.time.Duration DRAIN_FOR = java.time.Duration.ofSeconds(30);

    /**
     * Sends one batch of the notifications due now; returns how many were sent. Mail waits while
     * no SMTP host is configured; the HTTP channels go on.
     */
    int deliverDue() {
        return deliverBatch().sent();
    }

    private record Batch(int found, int sent) {
    }

    private Batch deliverBatch() {
        JavaMailSender sender = mailSender.getIfAvailable();
        Set<Channel> channels = EnumSet.allOf(Channel.class);
        if (sender == null) {
            channels.remove(Channel.EMAIL);
        }
        Instant now = clock.instant();
        List<Long> due = transactions.execute(tx -> repository.findDue(now, channels,
                PageRequest.of(0, properties.batchSize())));
        int sent = 0;
        List<Claimed> mails = new ArrayList<>();
        for (Claimed claimed : claim(due, now)) {
            if (claimed.notification().getChannel().overHttp()) {
                sent += post(claimed.notification()) ? 1 : 0;
            }
            else {
                mails.add(claimed);
            }
        }
        if (!mails.isEmpty()) {
            sent += send(sender, mails);
        }
        return new Batch(due.size(), sent);
    }

    /**
     * Takes the due notifications for this node in one transaction: each with its own conditional
     * update (0 rows when another node took it first), in the order of their ids so that two nodes
     * lock rows in the same order, then those taken read at once with their attachments. Before,
     * each one took a transaction of its own and a read (issue #21: about 22 mails/s against the
     * benchmark's backlog).
     */
    private List<Claimed> claim(List<Long> due, Instant now) {
        Instant until = now.plus(properties.lease());
        return transactions.execute(tx -> {
            List<Long> taken = due.stream().sorted().filter(id -> repository.claim(id, now, until) == 1).toList();
            if (taken.isEmpty()) {
                return List.of();
            }
            Map<Long, Notification> byId = new HashMap<>();
            repository.findByIdIn(taken).forEach(n -> byId.put(n.getId(), n));
            // in the order they fell due (the order of findDue), attachments loaded in this transaction
            return due.stream().filter(byId::containsKey).map(byId::get)
                    .map(n -> new Claimed(n, n.getAttachments())).toList();
        });
    }

    /**
     * One HTTP attempt: a 2xx is delivered (its answer kept as the receipt); 429, 5xx, a timeout or
     * a refused connection is tried again after the backoff; any other 4xx is refused for good.
     */
    private boolean post(Notification notification) {
        String receipt;
        int status;
        // a URL someone outside the team gave (a subscriber's webhook, a personal Slack hook) must still
        // point at a public address now: a name can be made to resolve elsewhere after it was checked
        String unsafe = notification.getChannel() == Channel.WEBHOOK || notification.getChannel() == Channel.SLACK
                ? addresses.problem(notification.getRecipient()) : null;
        if (unsafe != null) {
            if (WebhookAddresses.mayPassLater(unsafe)) {
                retryLater(notification, "not called: " + unsafe);
            }
            else {
                refuse(notification, "not called: " + unsafe);
            }
            return false;
        }
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(notification.getRecipient()))
                    .timeout(properties.httpTimeout())
                    .header("Content-Type", notification.getContentType() == null ? "application/json"
                            : notification.getContentType())
                    .header("User-Agent", "SLA-Desk")
                    .header("X-SLA-Desk-Notification", String.valueOf(notification.getId()));
            notification.getHttpHeaders().forEach(builder::header);
            HttpRequest request = builder
                    .POST(HttpRequest.BodyPublishers.ofString(notification.getTextBody(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            String body = response.body() == null ? "" : response.body().strip();
            receipt = "HTTP " + status + (body.isEmpty() ? "" : ": " + body);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryLater(notification, "interrupted");
            return false;
        }
        catch (Exception e) {
            retryLater(notification, e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
        if (status >= 200 && status < 300) {
            transactions.executeWithoutResult(tx -> repository.findById(notification.getId())
                    .ifPresent(n -> n.sent(clock.instant(), receipt)));
            return true;
        }
        if (status == 429 || status >= 500 || status == 408) {
            retryLater(notification, receipt);
            return false;
        }
        refuse(notification, receipt);
        return false;
    }

    private void refuse(Notification notification, String receipt) {
        log.warn("Notification {} ({}) refused: {}", notification.getId(), notification.getChannel(), receipt);
        transactions.executeWithoutResult(tx -> repository.findById(notification.getId()).ifPresent(n -> {
            n.refused(receipt, receipt);
            abandoned(n);
        }));
    }

    /** A failed attempt: PENDING again after the backoff, or FAILED for good (and said so) after the last. */
    private void failed(Notification n, String error) {
        Instant retryAt = clock.instant().plus(properties.backoffAfter(n.getAttempts() + 1));
        boolean last = n.lastAttempt(retryAt, properties.maxAttempts());
        n.failed(error, retryAt, last);
        if (last) {
            abandoned(n);
        }
    }

    private void abandoned(Notification n) {
        events.publishEvent(new NotificationAbandoned(n.getId(), n.getChannel(), n.getIdempotencyKey(), n.getLastError()));
    }

    private void retryLater(Notification notification, String error) {
        log.warn("Notification {} ({}) not delivered (attempt {}): {}", notification.getId(),
                notification.getChannel(), notification.getAttempts() + 1, error);
        transactions.executeWithoutResult(tx -> repository.findById(notification.getId()).ifPresent(n -> failed(n, error)));
    }

    /** {@code <notification-42@host>}, the host being the sender address's domain. */
    String messageId(long notificationId) {
        String from = mail.from();
        String host = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim() : "sla-desk";
        return "<notification-" + notificationId + "@" + host + ">";
    }

    private record Claimed(Notification notification, List<Attachment> attachments) {
    }

    /**
     * Sends the claimed mails over one SMTP connection (JavaMailSender's batch send), then marks
     * those handed off SENT in one transaction; each one refused or not handed off is tried again
     * after the backoff, with its error.
     */
    private int send(JavaMailSender sender, List<Claimed> mails) {
        Map<MimeMessage, Notification> messages = new LinkedHashMap<>();
        for (Claimed claimed : mails) {
            try {
                messages.put(message(sender, claimed.notification(), claimed.attachments()), claimed.notification());
            }
            catch (Exception e) {
                retryLater(claimed.notification(), describe(e));
            }
        }
        if (messages.isEmpty()) {
            return 0;
        }
        Map<Object, Exception> failures = new HashMap<>();
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
        }
        catch (MailSendException e) {
            failures.putAll(e.getFailedMessages());
            if (failures.isEmpty()) {
                messages.keySet().forEach(m -> failures.put(m, e));
            }
        }
        catch (Exception e) {
            messages.keySet().forEach(m -> failures.put(m, e));
        }
        List<Long> handedOff = new ArrayList<>();
        messages.forEach((message, notification) -> {
            Exception failure = failures.get(message);
            if (failure == null) {
                handedOff.add(notification.getId());
            }
            else {
                retryLater(notification, describe(failure));
            }
        });
        if (!handedOff.isEmpty()) {
            Instant sentAt = clock.instant();
            transactions.executeWithoutResult(tx -> repository.findByIdIn(handedOff).forEach(n -> n.sent(sentAt)));
        }
        return handedOff.size();
    }

    private MimeMessage message(JavaMailSender sender, Notification notification, List<Attachment> attachments)
            throws jakarta.mail.MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(mail.from());
        helper.setTo(notification.getRecipient());
        helper.setSubject(notification.getSubject());
        helper.setText(notification.getTextBody(), notification.getHtmlBody());
        for (Attachment attachment : attachments) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(
                    attachment.bytes()), attachment.contentType());
        }
        message.setHeader("X-SLA-Desk-Notification", String.valueOf(notification.getId()));
        // the same on every attempt: a mail sent again after a crash between the SMTP hand-off and
        // the commit of "sent" is the same message to the receiver (duplicate suppression by Message-ID)
        message.setHeader("Message-ID", messageId(notification.getId()));
        return message;
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
