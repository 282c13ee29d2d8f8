package com.sladesk.postmortem;

import java.time.LocalDate;

/** An action item to add: who does what by when (owner: a staff username), with an optional link (issue, PR). */
public record NewActionItem(String title, String owner, LocalDate dueOn, String link) {
}
