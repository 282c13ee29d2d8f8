package com.sladesk.audit.web;

import java.util.List;

import com.sladesk.audit.AuditEntry;
import com.sladesk.audit.AuditTrail;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for ADMIN: as JSON on the API and as a page. */
class AuditController {

    private AuditController() {
    }

    @RestController
    @Validated
    static class Api {

        private final AuditTrail audit;

        Api(AuditTrail audit) {
            this.audit = audit;
        }

        @GetMapping("/api/audit")
        @ResponseBody
        List<AuditEntry> list(@RequestParam(required = false) @Size(max = 40) String subjectType,
                @RequestParam(required = false) @Size(max = 64) String subjectId,
                @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
            return audit.latest(subjectType, subjectId, limit);
        }
    }

    @Controller
    static class Page {

        private final AuditTrail audit;

        Page(AuditTrail audit) {
            this.audit = audit;
        }

        @GetMapping("/admin/audit")
        String page(@RequestParam(required = false) String subjectType, Model model) {
            String type = subjectType == null || subjectType.length() > 40 ? null : subjectType;
            model.addAttribute("entries", audit.latest(type, null, 500));
            model.addAttribute("subjectType", type);
            return "audit/list";
        }
    }
}
