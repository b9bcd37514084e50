package vn.gov.egov.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used by the platform's JVM, by its PostgreSQL (the postmaster and its backends) and by this driver, between two snapshots. On a machine shared with other work this is the figure
 * that does not depend on the others: milliseconds of CPU per operation, and the rate that two dedicated cores
 * would give if the work stayed CPU-bound. Needs {@code -Dbench.platformPid} and {@code -Dbench.postgresPid} (the postmaster, first line of
 * {@code postmaster.pid}); without them only the driver is counted.
 */
final class ProcessCpu {

    /** @param platformJitNanos of the platform's time, what its JIT compiler threads used (Linux; 0 elsewhere) */
    record Snapshot(long platformNanos, long postgresNanos, long driverNanos, long platformJitNanos) {
    }

    /** Linux's clock ticks per second in {@code /proc/<pid>/task/<tid>/stat} (USER_HZ, 100 on every common build). */
    private static final long TICK_NANOS = 10_000_000L;

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
        return new Snapshot(jvm, database, cpu(ProcessHandle.current()), platform.map(p -> jitNanos(p.pid())).orElse(0L));
    }

    /**
     * CPU time of the JVM's compiler threads ({@code C1/C2 CompilerThreadN}, named "C2 CompilerThre" in {@code comm}):
     * what of the platform's time went to compiling rather than to the work, which shows whether the warm-up was long
     * enough. A compiler thread the JVM ends between two snapshots takes its time with it, so this is a lower bound.
     */
    private static long jitNanos(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    // after "pid (comm) ": state is field 3; utime and stime are fields 14 and 15
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException e) {
            return 0; // no /proc: not Linux
        }
        return ticks * TICK_NANOS;
    }

    /** The platform's CPU per operation and its JIT compiler's part of it, e.g. while warming up. */
    String platformPerOperation(Snapshot before, Snapshot after, long operations) {
        if (operations == 0 || platform.isEmpty()) {
            return "platform CPU not measured";
        }
        return "platform CPU %.2f ms per operation, of which its JIT compiler %.2f ms".formatted(
                (after.platformNanos() - before.platformNanos()) / 1e6 / operations,
                Math.max(0, after.platformJitNanos() - before.platformJitNanos()) / 1e6 / operations);
    }

    /** One line: CPU ms per operation of the platform, PostgreSQL and the driver, and the CPU-bound rate on 2 cores. */
    String perOperation(Snapshot before, Snapshot after, long operations, String unit) {
        if (operations == 0) {
            return "CPU: no operation";
        }
        double platformMs = (after.platformNanos() - before.platformNanos()) / 1e6 / operations;
        double postgresMs = (after.postgresNanos() - before.postgresNanos()) / 1e6 / operations;
        double driverMs = (after.driverNanos() - before.driverNanos()) / 1e6 / operations;
        double jitMs = Math.max(0, after.platformJitNanos() - before.platformJitNanos()) / 1e6 / operations;
        if (platform.isEmpty()) {
            return "CPU per %s: driver %.2f ms (platform not measured: no -Dbench.platformPid)".formatted(unit, driverMs);
        }
        return ("CPU per %s: platform JVM %.2f ms (of which its JIT compiler %.2f ms) + PostgreSQL %.2f ms (+ driver %.2f ms); "
                + "CPU-bound on 2 dedicated cores ≈ %.0f %s/s for platform+PostgreSQL (%.0f with the driver on the same cores)")
                .formatted(unit, platformMs, jitMs, postgresMs, driverMs, 2000 / (platformMs + postgresMs), unit,
                        2000 / (platformMs + postgresMs + driverMs));
    }
}
