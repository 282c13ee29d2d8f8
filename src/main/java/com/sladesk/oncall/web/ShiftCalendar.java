package com.sladesk.oncall.web;

import java.util.List;

import com.sladesk.oncall.ScheduleView;
import com.sladesk.oncall.Shift;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** A person's shifts on one schedule as iCalendar (ical4j), one event per shift, stable UIDs. */
final class ShiftCalendar {

    private ShiftCalendar() {
    }

    static String of(ScheduleView schedule, String username, List<Shift> shifts) {
        Calendar calendar = new Calendar().add(new ProdId("-//SLA Desk//On call//EN")).add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN).add(ImmutableMethod.PUBLISH);
        for (Shift shift : shifts) {
            VEvent event = new VEvent(shift.from(), shift.to(), "");
            event.replace(new Summary("On call: " + schedule.name()));
            event.add(new Uid("oncall-" + schedule.code() + "-" + username + "-" + shift.from().getEpochSecond()
                    + "@sla-desk"));
            calendar = calendar.add(event);
        }
        return calendar.toString();
    }
}
