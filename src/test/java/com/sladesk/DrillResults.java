package com.sladesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The in-JVM drills' figures, printed and appended to {@code bench/results/drills-<date>.md} (the
 * day the run happened, by the machine's clock), beside those of the process-level drills, so
 * that docs/reliability.md quotes only what a run wrote.
 */
public final class DrillResults {

    private DrillResults() {
    }

    public static synchronized void record(String drill, String figures) {
        System.out.println(drill + ": " + figures);
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        Path file = Path.of("bench", "results", "drills-" + LocalDate.ofInstant(now, ZoneOffset.UTC) + ".md");
        if (!Files.isDirectory(file.getParent())) {
            return;
        }
        String line = "\n## " + drill + " (" + now.truncatedTo(ChronoUnit.SECONDS) + ", "
                + (TestProfiles.onPostgres() ? "PostgreSQL" : "H2") + ", in the test JVM, clock from " + TestClock.start()
                + ")\n\n- " + figures + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
