package com.sladesk.postmortem;

import java.time.Instant;
import java.time.LocalDate;

import com.sladesk.system.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "postmortem_action_item")
class ActionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String owner;
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    private ActionItemStatus status;

    private String link;
    private Instant createdAt;
    private Instant doneAt;

    protected ActionItem() {
    }

    ActionItem(NewActionItem item, Instant now) {
        this.title = item.title().trim();
        this.owner = item.owner().trim();
        this.dueOn = item.dueOn();
        this.link = item.link() == null || item.link().isBlank() ? null : item.link().trim();
        this.status = ActionItemStatus.OPEN;
        this.createdAt = now;
    }

    void done(Instant at) {
        if (status == ActionItemStatus.DONE) {
            throw new ConflictException("action item " + id + " is already done");
        }
        status = ActionItemStatus.DONE;
        doneAt = at;
    }

    Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    String getOwner() {
        return owner;
    }

    LocalDate getDueOn() {
        return dueOn;
    }

    ActionItemStatus getStatus() {
        return status;
    }

    ActionItemView toView(long incidentId, LocalDate today) {
        return new ActionItemView(id, incidentId, title, owner, dueOn, status, link, createdAt, doneAt,
                status == ActionItemStatus.OPEN && dueOn.isBefore(today));
    }
}
