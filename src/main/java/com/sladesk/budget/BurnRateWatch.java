package com.sladesk.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.availability.BudgetPolicy;
import com.sladesk.availability.BurnRate;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.Role;
import com.sladesk.system.ProcessSteps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's API and its watcher. SLA "Error Budget Burn Rates": at 5x over the freeze window
 * (6h by default) feature deployments freeze, at 10x over the page window (1h) it is all hands on
 * deck; each is an episode that starts once, is audited, and clears itself when the burn drops
 * below its threshold. The watcher runs on every node each minute; a lock row lets one at a time
 * decide. It also starts the month's recovery checklist the first time the tier falls to FREEZE
 * or EXHAUSTED.
 */
@Service
public class BurnRateWatch {

    private static final Logger log = LoggerFactory.getLogger(BurnRateWatch.class);

    static final String FREEZE = "FREEZE";
    static final String PAGE = "PAGE";

    private final JdbcTemplate jdbc;
    private final AvailabilityService availability;
    private final Notifications notifications;
    private final Directory directory;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BudgetProperties properties;

    private final com.sladesk.oncall.Escalations escalations;

    BurnRateWatch(JdbcTemplate jdbc, AvailabilityService availability, Notifications notifications, Directory directory,
            ProcessSteps process, ApplicationEventPublisher events, Clock clock, BudgetProperties properties,
            com.sladesk.oncall.Escalations escalations) {
        this.escalations = escalations;
        this.jdbc = jdbc;
        this.availability = availability;
        this.notifications = notifications;
        this.directory = directory;
        this.process = process;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        for (String window : List.of(properties.freezeWindow(), properties.pageWindow())) {
            if (!BurnRate.WINDOWS.containsKey(window)) {
                throw new IllegalArgumentException("sladesk.budget window " + window + " is not one of " + BurnRate.WINDOWS.keySet());
            }
        }
    }

    @Scheduled(cron = "${sladesk.budget.watch-cron:30 * * * * *}")
    void tick() {
        if (!properties.watchEnabled()) {
            return;
        }
        try {
            evaluate();
        }
        catch (RuntimeException e) {
            log.warn("Burn-rate watch failed; it runs again next minute", e);
        }
    }

    /** One look at the month's burn rates and tier, now; opens and clears episodes. */
    @Transactional
    public void evaluate() {
        jdbc.queryForObject("SELECT last_run FROM budget_watch_lock WHERE id = 1 FOR UPDATE", Timestamp.class);
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        AvailabilityReport report = availability.month(month);
        Map<String, BigDecimal> rates = report.burnRates().stream()
                .collect(Collectors.toMap(BurnRate::window, BurnRate::rate));
        watch(FREEZE, properties.freezeWindow(), properties.freezeRate(), rates, now);
        watch(PAGE, properties.pageWindow(), properties.pageRate(), rates, now);
        if ((report.policy() == BudgetPolicy.FREEZE || report.policy() == BudgetPolicy.EXHAUSTED)
                && jdbc.update("INSERT INTO budget_recovery (budget_month, tier, started_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM budget_recovery WHERE budget_month = ?)", month.toString(), report.policy().name(),
                        Timestamp.from(now), month.toString()) == 1) {
            process.start(BudgetProcesses.RECOVERY, month.toString(), Map.of(BudgetProcesses.VAR_MONTH, month.toString(),
                    BudgetProcesses.VAR_TIER, report.policy().name()));
            events.publishEvent(new BurnEpisodeChanged(0, "start-recovery-checklist",
                    month + ": the tier fell to " + report.policy() + " with "
                            + report.errorBudgetRemainingPercent().toPlainString() + "% of the budget left"));
        }
        jdbc.update("UPDATE budget_watch_lock SET last_run = ? WHERE id = 1", Timestamp.from(now));
    }

    private void watch(String kind, String window, BigDecimal threshold, Map<String, BigDecimal> rates, Instant now) {
        BigDecimal rate = rates.getOrDefault(window, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        Optional<BurnEpisode> open = active(kind);
        if (rate.compareTo(threshold) >= 0) {
            if (open.isEmpty()) {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.update(c -> {
                    var ps = c.prepareStatement("INSERT INTO burn_episode (kind, window_name, threshold, started_at, "
                            + "started_rate, peak_rate) VALUES (?, ?, ?, ?, ?, ?)", new String[] { "id" });
                    ps.setString(1, kind);
                    ps.setString(2, window);
                    ps.setBigDecimal(3, threshold);
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.setBigDecimal(5, rate);
                    ps.setBigDecimal(6, rate);
                    return ps;
                }, key);
                long id = key.getKey().longValue();
                String detail = rate.toPlainString() + "x over " + window + " (threshold " + threshold.toPlainString() + "x)";
                events.publishEvent(new BurnEpisodeChanged(id, kind.equals(FREEZE) ? "burn-freeze" : "burn-page", detail));
                if (kind.equals(PAGE)) {
                    page(id, rate, window, threshold);
                }
            }
            else if (rate.compareTo(open.get().peakRate()) > 0) {
                jdbc.update("UPDATE burn_episode SET peak_rate = ? WHERE id = ?", rate, open.get().id());
            }
        }
        else if (open.isPresent()) {
            jdbc.update("UPDATE burn_episode SET ended_at = ?, ended_rate = ? WHERE id = ?", Timestamp.from(now), rate,
                    open.get().id());
            events.publishEvent(new BurnEpisodeChanged(open.get().id(),
                    kind.equals(FREEZE) ? "burn-freeze-lifted" : "burn-page-cleared",
                    "burn dropped to " + rate.toPlainString() + "x over " + window));
        }
    }

    /**
     * The P1-level page: the SRE lead and leadership by e-mail, and the SRE leads also on their own
     * paging channels (SMS, voice, Slack-compatible), once per episode.
     */
    private void page(long episode, BigDecimal rate, String window, BigDecimal threshold) {
        Set<String> to = new TreeSet<>();
        to.add(properties.sreLeadEmail());
        to.addAll(process.groupEmails("sre-lead"));
        to.addAll(directory.emailsOf(Role.LEADERSHIP));
        to.addAll(directory.emailsOf(Role.CTO));
        String subject = "[P1] ALL HANDS ON DECK: error budget burning at " + rate.toPlainString() + "x over " + window;
        List<String> lines = new ArrayList<>();
        lines.add("The error budget is burning at " + rate.toPlainString() + "x the sustainable rate over the last "
                + window + " (page at " + threshold.toPlainString() + "x): at this pace it is gone in "
                + daysToExhaust(rate) + ".");
        lines.add("SLA Error Budget Policy: ALL HANDS ON DECK. Feature changes are frozen; see /budget.");
        lines.add("This page is sent once per episode; the episode clears itself when the burn drops.");
        notifications.queueToEach(to, subject, "message", Map.of("heading", subject, "lines", lines));
        escalations.pageRole("SRE_LEAD", subject, subject + ". " + lines.get(0) + " See /budget.", "burn-page:" + episode);
    }

    private static String daysToExhaust(BigDecimal rate) {
        BigDecimal hours = BigDecimal.valueOf(30 * 24).divide(rate, 1, RoundingMode.HALF_UP);
        return hours.compareTo(BigDecimal.valueOf(48)) < 0 ? hours.toPlainString() + " hours"
                : hours.divide(BigDecimal.valueOf(24), 1, RoundingMode.HALF_UP).toPlainString() + " days";
    }

    /** The 5x freeze, while it holds: an input of the change gate. */
    @Transactional(readOnly = true)
    public Optional<BurnEpisode> activeFreeze() {
        return active(FREEZE);
    }

    @Transactional(readOnly = true)
    public Optional<BurnEpisode> activePage() {
        return active(PAGE);
    }

    /** The newest episodes first. */
    @Transactional(readOnly = true)
    public List<BurnEpisode> episodes(int limit) {
        return jdbc.query("SELECT * FROM burn_episode ORDER BY started_at DESC, id DESC FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY", BurnRateWatch::episode);
    }

    /** The months whose recovery checklist was started, newest first, with the tier that started it. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> recoveries() {
        return jdbc.queryForList("SELECT budget_month, tier, started_at FROM budget_recovery ORDER BY budget_month DESC");
    }

    private Optional<BurnEpisode> active(String kind) {
        return jdbc.query("SELECT * FROM burn_episode WHERE kind = ? AND ended_at IS NULL ORDER BY id DESC",
                BurnRateWatch::episode, kind).stream().findFirst();
    }

    private static BurnEpisode episode(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new BurnEpisode(rs.getLong("id"), rs.getString("kind"), rs.getString("window_name"),
                rs.getBigDecimal("threshold"), rs.getTimestamp("started_at").toInstant(), rs.getBigDecimal("started_rate"),
                rs.getBigDecimal("peak_rate"), ended == null ? null : ended.toInstant(), rs.getBigDecimal("ended_rate"));
    }
}
