package com.sladesk.portal.web;

import java.math.BigDecimal;

import com.sladesk.availability.AvailabilityService;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The availability target every page states (the layout's footer, the customer's home), from the engine that applies it. */
@ControllerAdvice
class SlaTermsAdvice {

    private final AvailabilityService availability;

    SlaTermsAdvice(AvailabilityService availability) {
        this.availability = availability;
    }

    @ModelAttribute("slaTargetPercent")
    BigDecimal slaTargetPercent() {
        return availability.targetPercent();
    }
}
