package com.sladesk.audit;

import com.sladesk.SlaDeskModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log alone: it records any {@link Audited} event in the transaction that publishes it. */
@SlaDeskModuleTest
class AuditModuleTests {

    record Decided(long id, String actor) implements Audited {

        @Override
        public Audited.Entry auditEntry() {
            return new Audited.Entry("approve", "module-drill", id, "decided in a module test");
        }
    }

    @Autowired
    AuditTrail audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPublishedDecisionIsRecordedWithWhoAndWhat(Scenario scenario) {
        scenario.publish(new Decided(1, "leader"))
                .andWaitForStateChange(() -> audit.latest("module-drill", "1", 5), entries -> !entries.isEmpty())
                .andVerify(entries -> assertThat(entries).singleElement().satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("leader");
                    assertThat(entry.action()).isEqualTo("approve");
                    assertThat(entry.detail()).isEqualTo("decided in a module test");
                }));
    }

    @Test
    void aDecisionThatRollsBackLeavesNoEntry() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new Decided(2, "leader"));
            status.setRollbackOnly();
        });
        assertThat(audit.latest("module-drill", "2", 5)).isEmpty();
    }

    @Test
    void aDecisionOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> events.publishEvent(new Decided(3, "leader")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(audit.latest("module-drill", "3", 5)).isEmpty();
    }
}
