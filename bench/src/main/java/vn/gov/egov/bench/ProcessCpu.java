package vn.gov.egov.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used by the platform's JVM, by its PostgreSQL (the postmaster and its backends) and by this driver, between two snapshots. On a machine shared with other work this is the figure
 * that does not depend on the others: milliseconds of CPU per operation, and the rate that two dedicated cores
 * would give if the work stayed CPU-bound. Needs {@code -Dbench.platformPid} and {@code -Dbench.postgresPid} (the postmaster, first line of
 * {@code postmaster.pid}); without them only the driver is counted.
 */
final class ProcessCpu {

    record Snapshot(long platformNanos, long postgresNanos, long driverNanos) {
    }

    private final Optional<ProcessHandle> platform;
    private final Optional<ProcessHandle> postgres;

    ProcessCpu() {
        Long pid = Long.getLong("bench.platformPid");
        this.platform = pid == null ? Optional.empty() : ProcessHandle.of(pid);
        Long postmaster = Long.getLong("bench.postgresPid");
        this.postgres = postmaster == null ? Optional.empty() : ProcessHandle.of(postmaster);
    }

    private static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    Snapshot snapshot() {
        long jvm = platform.map(ProcessCpu::cpu).orElse(0L);
        long database = postgres.map(p -> cpu(p) + p.descendants().mapToLong(ProcessCpu::cpu).sum()).orElse(0L);
        return new Snapshot(jvm, database, cpu(ProcessHandle.current()));
    }

    /** One line: CPU ms per operation of the platform, PostgreSQL and the driver, and the CPU-bound rate on 2 cores. */
    String perOperation(Snapshot before, Snapshot after, long operations, String unit) {
        if (operations == 0) {
            return "CPU: no operation";
        }
        double platformMs = (after.platformNanos() - before.platformNanos()) / 1e6 / operations;
        double postgresMs = (after.postgresNanos() - before.postgresNanos()) / 1e6 / operations;
        double driverMs = (after.driverNanos() - before.driverNanos()) / 1e6 / operations;
        if (platform.isEmpty()) {
            return "CPU per %s: driver %.2f ms (platform not measured: no -Dbench.platformPid)".formatted(unit, driverMs);
        }
        return ("CPU per %s: platform JVM %.2f ms + PostgreSQL %.2f ms (+ driver %.2f ms); CPU-bound on 2 dedicated cores "
                + "≈ %.0f %s/s for platform+PostgreSQL (%.0f with the driver on the same cores)")
                .formatted(unit, platformMs, postgresMs, driverMs, 2000 / (platformMs + postgresMs), unit,
                        2000 / (platformMs + postgresMs + driverMs));
    }
}
