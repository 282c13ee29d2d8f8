package com.sladesk.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.sladesk.system.ConflictException;
import com.sladesk.system.NotFoundException;
import org.slf4j.MDC;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API. {@link #queue} stores a rendered mail in the caller's transaction: if the
 * business change rolls back, so does its mail; if it commits, the mail will be delivered.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

    /** The MDC key of the request's correlation id, stored with each notification. */
    public static final String CORRELATION_ID = "correlationId";

    private final NotificationRepository repository;
    private final MailRenderer renderer;
    private final Clock clock;

    Notifications(NotificationRepository repository, MailRenderer renderer, Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * Stores one mail to {@code recipient}, rendered from the mail template {@code template}
     * with {@code model}; returns its id.
     */
    @Transactional
    public long queue(String recipient, String subject, String template, Map<String, Object> model) {
        return queue(recipient, subject, template, model, List.of());
    }

    /** As {@link #queue(String, String, String, Map)}, with attachments (an .ics, say). */
    @Transactional
    public long queue(String recipient, String subject, String template, Map<String, Object> model,
            List<Attachment> attachments) {
        return store(Collections.singletonList(recipient), subject, template, model, attachments).get(0);
    }

    /**
     * The same message to each recipient (one stored notification each, delivered and retried on
     * its own), rendered once: a timer that warns every SRE renders its mail once, not per SRE.
     */
    @Transactional
    public List<Long> queueToEach(Collection<String> recipients, String subject, String template,
            Map<String, Object> model) {
        return store(recipients, subject, template, model, List.of());
    }

    private List<Long> store(Collection<String> recipients, String subject, String template,
            Map<String, Object> model, List<Attachment> attachments) {
        if (recipients.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new IllegalArgumentException("a notification needs a recipient");
        }
        MailRenderer.Rendered body = renderer.render(template, model);
        String correlationId = MDC.get(CORRELATION_ID);
        return recipients.stream().map(r -> repository.save(new Notification(r.trim(), subject, body.html(),
                body.text(), correlationId, clock.instant(), attachments)).getId()).toList();
    }

    /**
     * Stores one mail unless one with {@code idempotencyKey} is stored already (then returns that
     * one's id): a page is mailed once per level and person however often its step runs.
     */
    @Transactional
    public long queueOnce(String idempotencyKey, String recipient, String subject, String template,
            Map<String, Object> model) {
        return queueOnce(idempotencyKey, recipient, subject, template, model, List.of());
    }

    /** As {@link #queueOnce(String, String, String, String, Map)}, with attachments. */
    @Transactional
    public long queueOnce(String idempotencyKey, String recipient, String subject, String template,
            Map<String, Object> model, List<Attachment> attachments) {
        return repository.findByIdempotencyKey(idempotencyKey).map(Notification::getId).orElseGet(() -> {
            long id = queue(recipient, subject, template, model, attachments);
            repository.findById(id).orElseThrow().keyedBy(idempotencyKey);
            return id;
        });
    }

    /**
     * As {@link #queueOnce(String, String, String, String, Map, List)}, as a broadcast: delivered
     * after every notification that is not one (status notices wait behind breach and page mails).
     */
    @Transactional
    public long queueBulkOnce(String idempotencyKey, String recipient, String subject, String template,
            Map<String, Object> model, List<Attachment> attachments) {
        long id = queueOnce(idempotencyKey, recipient, subject, template, model, attachments);
        repository.findById(id).orElseThrow().markBulk();
        return id;
    }

    /** As {@link #post(HttpMessage)}, as a broadcast (see {@link #queueBulkOnce}). */
    @Transactional
    public long postBulk(HttpMessage message) {
        long id = post(message);
        repository.findById(id).orElseThrow().markBulk();
        return id;
    }

    /**
     * Stores one HTTP delivery in the caller's transaction; a message whose idempotency key is
     * already stored is not stored again, and the first one's id is returned.
     */
    @Transactional
    public long post(HttpMessage message) {
        return repository.findByIdempotencyKey(message.idempotencyKey()).map(Notification::getId)
                .orElseGet(() -> repository.save(Notification.http(message, MDC.get(CORRELATION_ID), clock.instant()))
                        .getId());
    }

    /** The notifications with these ids, in no particular order (missing ids are left out). */
    public List<NotificationView> views(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repository.findByIdIn(ids).stream().map(Notification::toView).toList();
    }

    public List<NotificationView> find(String recipient, NotificationStatus status, int limit) {
        return repository.search(blankToNull(recipient), status, PageRequest.of(0, limit)).stream()
                .map(Notification::toView).toList();
    }

    /** The attachments of a stored notification. */
    public List<Attachment> attachments(long id) {
        return repository.findById(id).map(Notification::getAttachments)
                .orElseThrow(() -> new NotFoundException("Notification", id));
    }

    public NotificationView get(long id) {
        return repository.findById(id).map(Notification::toView)
                .orElseThrow(() -> new NotFoundException("Notification", id));
    }

    /** Puts a FAILED (or waiting) notification back in line for delivery now. */
    @Transactional
    public NotificationView retry(long id) {
        Notification notification = repository.findById(id)
                .orElseThrow(() -> new NotFoundException("Notification", id));
        if (notification.getStatus() == NotificationStatus.SENT) {
            throw new ConflictException("notification " + id + " was already sent");
        }
        notification.retryNow(clock.instant());
        return notification.toView();
    }

    /** How many notifications are not yet delivered (pending, being sent, or failed). */
    public long undeliveredCount() {
        return repository.countByStatusIn(List.of(NotificationStatus.PENDING, NotificationStatus.SENDING,
                NotificationStatus.FAILED));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
