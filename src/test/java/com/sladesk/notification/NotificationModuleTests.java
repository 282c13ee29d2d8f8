package com.sladesk.notification;

import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.SlaDeskModuleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox alone: a queued message is stored, then delivered to a real SMTP server by the module's own delivery. */
@SlaDeskModuleTest
class NotificationModuleTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationDelivery delivery;

    @Test
    void aQueuedMessageIsStoredThenDelivered() {
        String recipient = "module-drill@outbox.example";
        long id = notifications.queue(recipient, "Module drill", "message",
                Map.of("heading", "Module drill", "lines", List.of("Stored first, sent after.")));
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.PENDING);
        delivery.deliverDue();
        assertThat(notifications.get(id).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(smtp.getReceivedMessagesForDomain(recipient)).hasSize(1);
    }

    /** On a fresh pool, as after a start: PostgreSQL once took the unset recipient for bytea and failed. */
    @Test
    void theOutboxIsListedWithoutARecipient() {
        long id = notifications.queue("module-drill-list@outbox.example", "Listed", "message",
                Map.of("heading", "Listed", "lines", List.of("In the list.")));
        assertThat(notifications.find(null, null, 500)).extracting(NotificationView::id).contains(id);
    }
}
