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
    @jakarta.validation.constraints.Size(max = 2000) private String scopeComponents;
    @jakarta.validation.constraints.Pattern(regexp = "^[0-9,\\s]*$", message = "incident numbers, separated by commas")
    @jakarta.validation.constraints.Size(max = 2000) private String scopeIncidents;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private java.time.LocalDateTime windowStart;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) private java.time.LocalDateTime windowEnd;
    @jakarta.validation.constraints.Size(max = 4000) private String changeTitles;

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
        f.scopeComponents = String.join(", ", v.scope().components());
        f.scopeIncidents = v.scope().incidentIds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        f.windowStart = v.scope().windowStart() == null ? null : java.time.LocalDateTime.ofInstant(v.scope().windowStart(), java.time.ZoneOffset.UTC);
        f.windowEnd = v.scope().windowEnd() == null ? null : java.time.LocalDateTime.ofInstant(v.scope().windowEnd(), java.time.ZoneOffset.UTC);
        f.changeTitles = String.join("\n", v.scope().changeTitles());
        return f;
    }

    ExceptionRequest toRequest() {
        return new ExceptionRequest(title, justification, riskAssessment, mitigationPlan,
                new ExceptionRequest.Criterion(criticalBusinessNeed, criticalBusinessNeedComment),
                new ExceptionRequest.Criterion(temporaryWorkaround, temporaryWorkaroundComment),
                new ExceptionRequest.Criterion(customerImpactMinimal, customerImpactMinimalComment),
                new ExceptionRequest.Criterion(clearTimeline, clearTimelineComment), startsOn, endsOn,
                new ExceptionRequest.Scope(split(scopeComponents), split(scopeIncidents).stream().map(Long::valueOf).toList(),
                        windowStart == null ? null : windowStart.toInstant(java.time.ZoneOffset.UTC),
                        windowEnd == null ? null : windowEnd.toInstant(java.time.ZoneOffset.UTC),
                        changeTitles == null ? java.util.List.of() : java.util.List.of(changeTitles.split("\\R"))));
    }

    private static java.util.List<String> split(String commaSeparated) {
        return commaSeparated == null ? java.util.List.of() : java.util.Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).toList();
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
    public String getScopeComponents() { return scopeComponents; }
    public void setScopeComponents(String v) { scopeComponents = v; }
    public String getScopeIncidents() { return scopeIncidents; }
    public void setScopeIncidents(String v) { scopeIncidents = v; }
    public java.time.LocalDateTime getWindowStart() { return windowStart; }
    public void setWindowStart(java.time.LocalDateTime v) { windowStart = v; }
    public java.time.LocalDateTime getWindowEnd() { return windowEnd; }
    public void setWindowEnd(java.time.LocalDateTime v) { windowEnd = v; }
    public String getChangeTitles() { return changeTitles; }
    public void setChangeTitles(String v) { changeTitles = v; }

    /** The form field a scope rule names ({@code scope.components} is {@code scopeComponents}). */
    static String formField(String field) {
        return switch (field) {
            case "scope.components" -> "scopeComponents";
            case "scope.incidentIds" -> "scopeIncidents";
            case "scope.windowStart" -> "windowStart";
            case "scope.windowEnd" -> "windowEnd";
            default -> field;
        };
    }
}
