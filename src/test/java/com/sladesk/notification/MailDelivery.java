package com.sladesk.notification;

import org.springframework.context.ApplicationContext;

/** Lets tests of other modules deliver the outbox now, as the scheduled sender would. */
public final class MailDelivery {

    private MailDelivery() {
    }

    public static int deliverDue(ApplicationContext context) {
        return context.getBean(NotificationDelivery.class).deliverDue();
    }
}
