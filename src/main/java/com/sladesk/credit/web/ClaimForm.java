package com.sladesk.credit.web;

import java.util.ArrayList;
import java.util.List;

import java.time.YearMonth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The customer's "Request a credit" form. */
class ClaimForm {

    @NotNull
    @DateTimeFormat(pattern = "yyyy-MM")
    private YearMonth month;

    @NotBlank
    @Size(max = 4000)
    private String description;

    /** The month's incidents the customer names as evidence. */
    private List<Long> incidentIds = new ArrayList<>();

    public List<Long> getIncidentIds() {
        return incidentIds;
    }

    public void setIncidentIds(List<Long> incidentIds) {
        this.incidentIds = incidentIds;
    }

    public YearMonth getMonth() {
        return month;
    }

    public void setMonth(YearMonth month) {
        this.month = month;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
