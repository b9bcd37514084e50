package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.PlatformTest;

/** Every test uses its own reception day, so that the counters of one test never meet another's. */
class DossierCodesTest extends PlatformTest {

    private static final String JUSTICE = "SO-TP";            // 000.00.10.H20
    private static final String HOME_AFFAIRS = "SO-NV";       // 000.00.03.H20

    @Autowired
    DossierCodes codes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theCodeCarriesTheAgencysQcvn102CodeTheReceptionDayAndTheFirstNumberOfTheDay() {
        DossierCode first = codes.next(JUSTICE, at("2024-05-02T09:15:00+07:00"));
        DossierCode second = codes.next(JUSTICE, at("2024-05-02T10:00:00+07:00"));
        assertThat(first).hasToString("000.00.10.H20-240502-0001");
        assertThat(second).hasToString("000.00.10.H20-240502-0002");
        assertThat(DossierCode.parse(second.toString())).isEqualTo(second);
    }

    @Test
    void theDayAndItsCounterFollowVietnamTimeNotUtc() {
        DossierCode lastMinute = codes.next(JUSTICE, at("2024-06-10T23:59:00+07:00"));
        DossierCode midnight = codes.next(JUSTICE, at("2024-06-11T00:00:00+07:00"));   // still 10 June in UTC
        assertThat(lastMinute.date()).isEqualTo(LocalDate.of(2024, 6, 10));
        assertThat(lastMinute).hasToString("000.00.10.H20-240610-0001");
        assertThat(midnight.date()).isEqualTo(LocalDate.of(2024, 6, 11));
        assertThat(midnight).hasToString("000.00.10.H20-240611-0001");
        assertThat(codes.next(JUSTICE, at("2024-06-10T16:59:59Z"))).hasToString("000.00.10.H20-240610-0002");
    }

    @Test
    void manyReceptionsAtOnceGetDistinctCodesNumberedWithoutGaps() throws Exception {
        Instant day = at("2024-07-15T08:00:00+07:00");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<List<DossierCode>>> officers = IntStream.range(0, 20)
                    .<Callable<List<DossierCode>>>mapToObj(i -> () -> IntStream.range(0, 50).mapToObj(n -> codes.next(JUSTICE, day)).toList())
                    .toList();
            List<DossierCode> all = new ArrayList<>();
            for (Future<List<DossierCode>> issued : pool.invokeAll(officers)) {
                all.addAll(issued.get());
            }
            assertThat(all).hasSize(1000).doesNotHaveDuplicates();
            assertThat(all.stream().map(DossierCode::toString).collect(Collectors.toSet())).hasSize(1000);
            assertThat(all.stream().map(DossierCode::sequence).collect(Collectors.toSet()))
                    .isEqualTo(IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toSet()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoAgenciesCountTheirOwnDossiers() {
        Instant day = at("2024-08-20T09:00:00+07:00");
        codes.next(JUSTICE, day);
        codes.next(JUSTICE, day);
        assertThat(codes.next(HOME_AFFAIRS, day)).hasToString("000.00.03.H20-240820-0001");
        assertThat(codes.next(JUSTICE, day)).hasToString("000.00.10.H20-240820-0003");
        assertThat(codes.next(HOME_AFFAIRS, day)).hasToString("000.00.03.H20-240820-0002");
    }

    @Test
    void aCodeWhoseDossierWasNotWrittenIsNeverIssuedAgain() {
        Instant day = at("2024-09-03T14:00:00+07:00");
        DossierCode lost = codes.next(JUSTICE, day);
        // the dossier's transaction, after the code, fails and rolls back
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql("select 1 / 0").query(Integer.class).single()))
                .hasMessageContaining("division by zero");
        DossierCode next = codes.next(JUSTICE, day);
        assertThat(lost.sequence()).isEqualTo(1);
        assertThat(next.sequence()).isEqualTo(2);
        assertThat(next).isNotEqualTo(lost);
    }

    @Test
    void aCodeIsNotTakenInsideATransactionWhichWouldHoldOneConnectionWhileWaitingForAnother() {
        Instant day = at("2024-09-04T14:00:00+07:00");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> codes.next(JUSTICE, day)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the dossier's transaction");
        assertThat(codes.next(JUSTICE, day).sequence()).isEqualTo(1);
    }

    @Test
    void afterTheDays9999thCodeTheNextIsRefusedAndTheNextDayStartsAgain() {
        Instant day = at("2024-10-21T08:00:00+07:00");
        codes.next(JUSTICE, day);
        jdbc.sql("update dossier_code_counter set last = 9998 where agency_code = '000.00.10.H20' and day = :day")
                .param("day", LocalDate.of(2024, 10, 21)).update();
        assertThat(codes.next(JUSTICE, day)).hasToString("000.00.10.H20-241021-9999");
        assertThatThrownBy(() -> codes.next(JUSTICE, day)).isInstanceOf(DailyDossierCodesExhausted.class)
                .hasMessageContaining("000.00.10.H20").hasMessageContaining("9999").hasMessageContaining("2024-10-21");
        assertThatThrownBy(() -> codes.next(JUSTICE, day)).isInstanceOf(DailyDossierCodesExhausted.class);
        assertThat(jdbc.sql("select last from dossier_code_counter where agency_code = '000.00.10.H20' and day = :day")
                .param("day", LocalDate.of(2024, 10, 21)).query(Integer.class).single()).isEqualTo(9999);
        assertThat(codes.next(JUSTICE, at("2024-10-22T08:00:00+07:00"))).hasToString("000.00.10.H20-241022-0001");
    }

    @Test
    void aCounterRowSetTo9999RefusesTheNextCode() {
        jdbc.sql("insert into dossier_code_counter (agency_code, day, last) values ('000.00.03.H20', :day, 9999)")
                .param("day", LocalDate.of(2024, 11, 5)).update();
        assertThatThrownBy(() -> codes.next(HOME_AFFAIRS, at("2024-11-05T10:00:00+07:00")))
                .isInstanceOf(DailyDossierCodesExhausted.class).hasMessageContaining("không cấp thêm mã");
    }

    @Test
    void anUnknownAgencyOrOneNotYetOrNoLongerExistingIsRefused() {
        assertThatThrownBy(() -> codes.next("KHONG-CO", at("2024-12-02T09:00:00+07:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KHONG-CO");
        // Sở Kế hoạch và Đầu tư ended on 2025-03-01; Sở Nông nghiệp và Môi trường began then
        assertThatThrownBy(() -> codes.next("SO-KHDT", at("2025-03-01T09:00:00+07:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SO-KHDT").hasMessageContaining("2025-03-01");
        assertThatThrownBy(() -> codes.next("SO-NNMT", at("2025-02-28T23:59:00+07:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SO-NNMT");
        assertThat(codes.next("SO-NNMT", at("2025-03-01T00:00:00+07:00"))).hasToString("000.00.90.H20-250301-0001");
        assertThat(jdbc.sql("select count(*) from dossier_code_counter where day = :day")
                .param("day", LocalDate.of(2024, 12, 2)).query(Long.class).single()).isZero();
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
