package vn.gov.egov.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.gov.egov.calendar.LunarDate;

/** The astronomical lunar conversion behind every Tết and Hùng Kings' day: cost of one conversion each way. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LunarCalendarBenchmark {

    @Param({"1985-01-21", "2026-02-17", "2099-12-31"})
    public String solar;

    private LocalDate date;
    private LunarDate lunar;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() {
        date = LocalDate.parse(solar);
        lunar = LunarDate.fromSolar(date);
    }

    @Benchmark
    public LunarDate solarToLunar() {
        return LunarDate.fromSolar(date);
    }

    @Benchmark
    public LocalDate lunarToSolar() {
        return lunar.toSolar();
    }

    @Benchmark
    public LocalDate tetOfTheYear() {
        return LunarDate.newYear(date.getYear());
    }
}
