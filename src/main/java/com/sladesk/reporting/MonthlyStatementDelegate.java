package com.sladesk.reporting;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The timer of {@code monthly-statement} fired: every organisation's statement for last month. */
@Component("sendStatementsDelegate")
class MonthlyStatementDelegate implements JavaDelegate {

    private final MonthlyStatements statements;
    private final Clock clock;

    MonthlyStatementDelegate(MonthlyStatements statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        statements.send(SloReportService.previousMonth(clock.instant()));
    }
}
