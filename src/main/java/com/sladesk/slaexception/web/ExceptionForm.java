package com.sladesk.slaexception.web;

import java.time.LocalDate;

import com.sladesk.slaexception.ExceptionRequest;
import com.sladesk.slaexception.ExceptionView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The exception request form, with the four criteria of the SLA's "Exception Criteria". */
public class ExceptionForm {

    @NotBlank @Size(max = 200) private String title;
    @NotBlank @Size(max = 4000) private String justification;
    @NotBlank @Size(max = 4000) private String riskAssessment;
    @NotBlank @Size(max = 4000) private String mitigationPlan;
    @NotNull private Boolean criticalBusinessNeed;
    @Size(max = 2000) private String criticalBusinessNeedComment;
    @NotNull private Boolean temporaryWorkaround;
    @Size(max = 2000) private String temporaryWorkaroundComment;
    @NotNull private Boolean customerImpactMinimal;
    @Size(max = 2000) private String customerImpactMinimalComment;
    @NotNull private Boolean clearTimeline;
    @Size(max = 2000) private String clearTimelineComment;
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate startsOn;
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate endsOn;

    static ExceptionForm of(ExceptionView v) {
        ExceptionForm f = new ExceptionForm();
        f.title = v.title();
        f.justification = v.justification();
        f.riskAssessment = v.riskAssessment();
        f.mitigationPlan = v.mitigationPlan();
        f.criticalBusinessNeed = v.criteria().get("criticalBusinessNeed").answer();
        f.criticalBusinessNeedComment = v.criteria().get("criticalBusinessNeed").comment();
        f.temporaryWorkaround = v.criteria().get("temporaryWorkaround").answer();
        f.temporaryWorkaroundComment = v.criteria().get("temporaryWorkaround").comment();
        f.customerImpactMinimal = v.criteria().get("customerImpactMinimal").answer();
        f.customerImpactMinimalComment = v.criteria().get("customerImpactMinimal").comment();
        f.clearTimeline = v.criteria().get("clearTimeline").answer();
        f.clearTimelineComment = v.criteria().get("clearTimeline").comment();
        f.startsOn = v.startsOn();
        f.endsOn = v.endsOn();
        return f;
    }

    ExceptionRequest toRequest() {
        return new ExceptionRequest(title, justification, riskAssessment, mitigationPlan,
                new ExceptionRequest.Criterion(criticalBusinessNeed, criticalBusinessNeedComment),
                new ExceptionRequest.Criterion(temporaryWorkaround, temporaryWorkaroundComment),
                new ExceptionRequest.Criterion(customerImpactMinimal, customerImpactMinimalComment),
                new ExceptionRequest.Criterion(clearTimeline, clearTimelineComment), startsOn, endsOn);
    }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getJustification() { return justification; }
    public void setJustification(String v) { justification = v; }
    public String getRiskAssessment() { return riskAssessment; }
    public void setRiskAssessment(String v) { riskAssessment = v; }
    public String getMitigationPlan() { return mitigationPlan; }
    public void setMitigationPlan(String v) { mitigationPlan = v; }
    public Boolean getCriticalBusinessNeed() { return criticalBusinessNeed; }
    public void setCriticalBusinessNeed(Boolean v) { criticalBusinessNeed = v; }
    public String getCriticalBusinessNeedComment() { return criticalBusinessNeedComment; }
    public void setCriticalBusinessNeedComment(String v) { criticalBusinessNeedComment = v; }
    public Boolean getTemporaryWorkaround() { return temporaryWorkaround; }
    public void setTemporaryWorkaround(Boolean v) { temporaryWorkaround = v; }
    public String getTemporaryWorkaroundComment() { return temporaryWorkaroundComment; }
    public void setTemporaryWorkaroundComment(String v) { temporaryWorkaroundComment = v; }
    public Boolean getCustomerImpactMinimal() { return customerImpactMinimal; }
    public void setCustomerImpactMinimal(Boolean v) { customerImpactMinimal = v; }
    public String getCustomerImpactMinimalComment() { return customerImpactMinimalComment; }
    public void setCustomerImpactMinimalComment(String v) { customerImpactMinimalComment = v; }
    public Boolean getClearTimeline() { return clearTimeline; }
    public void setClearTimeline(Boolean v) { clearTimeline = v; }
    public String getClearTimelineComment() { return clearTimelineComment; }
    public void setClearTimelineComment(String v) { clearTimelineComment = v; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate v) { startsOn = v; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate v) { endsOn = v; }
}
