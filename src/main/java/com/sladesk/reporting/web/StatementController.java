package com.sladesk.reporting.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import com.sladesk.reporting.MonthlyStatements;
import com.sladesk.security.SignedInUser;
import com.sladesk.system.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A customer's SLA statement for a closed month, as the PDF the 2nd of the next month mails. */
@Controller
class StatementController {

    private final MonthlyStatements statements;
    private final Clock clock;

    StatementController(MonthlyStatements statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    @GetMapping("/portal/statements/{month}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @AuthenticationPrincipal SignedInUser user) {
        if (!month.isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
            throw new NotFoundException("Statement", month);
        }
        byte[] pdf = statements.pdf(statements.build(user.organisationId(), month));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("sla-statement-" + month + ".pdf").build().toString())
                .body(pdf);
    }
}
