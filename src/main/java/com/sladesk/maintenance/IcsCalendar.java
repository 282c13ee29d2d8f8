package com.sladesk.maintenance;

import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Maintenance windows as iCalendar (RFC 5545), made with ical4j: one stable UID per window and a
 * SEQUENCE that grows with each change, so calendars update the same event instead of adding one.
 */
public final class IcsCalendar {

    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";

    private IcsCalendar() {
    }

    /** A notice's attachment: METHOD:PUBLISH, or METHOD:CANCEL for a cancelled window. */
    public static String notice(MaintenanceView window) {
        boolean cancelled = window.status() == MaintenanceStatus.CANCELLED;
        Calendar calendar = calendar().add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
        return calendar.add(event(window)).toString();
    }

    /** A feed of windows (the {@code /maintenance.ics} subscription). */
    public static String feed(List<MaintenanceView> windows) {
        Calendar calendar = calendar().add(ImmutableMethod.PUBLISH);
        for (MaintenanceView window : windows) {
            calendar = calendar.add(event(window));
        }
        return calendar.toString();
    }

    private static Calendar calendar() {
        return new Calendar().add(new ProdId("-//SLA Desk//Maintenance//EN")).add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN);
    }

    private static VEvent event(MaintenanceView window) {
        VEvent event = new VEvent(window.startsAt(), window.endsAt(), "");
        event.replace(new Summary("Maintenance: " + window.title()));
        event.add(new Uid(window.icalUid()));
        event.add(new Sequence(window.icalSequence()));
        String activities = String.join(", ", window.activities().stream().map(Activity::value).toList());
        event.add(new Description((window.description() == null ? "" : window.description() + "\n")
                + window.type() + " maintenance of " + String.join(", ", window.components())
                + (activities.isEmpty() ? "" : " (" + activities + ")")));
        event.add(window.status() == MaintenanceStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
