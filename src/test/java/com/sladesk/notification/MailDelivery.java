package com.sladesk.notification;

import org.springframework.context.ApplicationContext;

/** Lets tests of other modules deliver the outbox now, as the scheduled sender would. */
public final class MailDelivery {

    private MailDelivery() {
    }

    public static int deliverDue(ApplicationContext context) {
        return context.getBean(NotificationDelivery.class).deliverDue();
    }

    /**
     * Delivers until the outbox is empty: it sends in batches, and other tests may have left mail
     * waiting before the one a test looks for. Fails after 100 batches.
     */
    public static void deliverAll(ApplicationContext context) {
        for (int batch = 0; deliverDue(context) > 0; batch++) {
            if (batch >= 100) {
                throw new AssertionError("the outbox did not empty in 100 batches");
            }
        }
    }
}
