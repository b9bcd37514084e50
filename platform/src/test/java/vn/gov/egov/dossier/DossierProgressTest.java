package vn.gov.egov.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.calendar.WorkingCalendar;

/** A received dossier's way to its result: the clock stops for supplements, apologies count as late, return, rating. */
class DossierProgressTest extends DossierTestSupport {

    private static final DossierProgress.Actor SPECIALIST = new DossierProgress.Actor("cv-test", "Trần Văn Chuyên");

    @Autowired
    DossierProgress progress;

    @Autowired
    DossierReception reception;

    @Autowired
    Dossiers dossiers;

    @Autowired
    DossierClock clock;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    private static String citizenToken;

    @BeforeEach
    void citizen() throws Exception {
        if (citizenToken == null) {
            citizenToken = citizenToken(CITIZEN);
        }
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static Instant at(int month, int day, int hour) {
        return ZonedDateTime.of(2026, month, day, hour, 0, 0, 0, WorkingCalendar.ZONE).toInstant();
    }

    private UUID received(String marker, Instant when) throws Exception {
        clock.travelTo(when);
        String code = submitOnline(citizenToken, marker);
        reception.accept(DESK, code);
        return jdbc.sql("select id from dossier where code = ?").param(code).query(UUID.class).single();
    }

    @Test
    void aSupplementRequestStopsTheClockAndCompletionMovesTheDueTimeByTheStoppedWorkingTime() throws Exception {
        UUID id = received("progress-clock", at(12, 7, 9));
        Instant dueAtReception = progress.clock(id).orElseThrow().dueAt();
        progress.startProcessing(id, SPECIALIST);
        progress.startProcessing(id, SPECIALIST);
        assertThat(progress.detail(id).orElseThrow().summary().status()).isEqualTo(DossierStatus.IN_PROGRESS);

        clock.travelTo(at(12, 8, 9));
        progress.requestSupplement(id, SPECIALIST, List.of(new MissingItem("Bản sao giấy khai sinh", "Thiếu trang 2")));
        DossierProgress.Clock stopped = progress.clock(id).orElseThrow();
        assertThat(stopped.stoppedAt()).isBetween(at(12, 8, 9), at(12, 8, 9).plusSeconds(60));
        DossierDetail waiting = progress.detail(id).orElseThrow();
        assertThat(waiting.summary().status()).isEqualTo(DossierStatus.AWAITING_SUPPLEMENT);
        assertThat(waiting.missingItems()).containsExactly(new MissingItem("Bản sao giấy khai sinh", "Thiếu trang 2"));
        Duration left = calendar.workingTimeBetween(stopped.stoppedAt(), dueAtReception).duration();

        // four working days later (Wed, Thu, Fri, Mon) the citizen completes online
        clock.travelTo(at(12, 14, 9));
        String code = waiting.summary().code();
        HttpResponse<String> completed = http.send(HttpRequest.newBuilder(uri("/api/v1/my/dossiers/" + code + "/supplement"))
                .header("Authorization", "Bearer " + citizenToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("documents",
                        List.of(DossierFixtures.document(null, "khai-sinh-du.pdf", "application/pdf", pdf("Khai sinh du trang " + code, 2500)))))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        DossierProgress.Clock resumed = progress.clock(id).orElseThrow();
        assertThat(resumed.stoppedAt()).isNull();
        Instant expected = calendar.addWorkingTime(at(12, 14, 9), left).toInstant();
        assertThat(resumed.dueAt()).isBetween(expected, expected.plusSeconds(60));
        Duration moved = calendar.workingTimeBetween(dueAtReception, resumed.dueAt()).duration();
        assertThat(moved).as("moved by the four working days it stood still")
                .isBetween(calendar.workingDayLength().multipliedBy(4), calendar.workingDayLength().multipliedBy(4).plusSeconds(60));
        DossierDetail back = progress.detail(id).orElseThrow();
        assertThat(back.summary().status()).as("back to processing, not to the desk's queue").isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(back.summary().appointmentDate()).isEqualTo(resumed.dueAt().atZone(WorkingCalendar.ZONE).toLocalDate());
        assertThat(back.steps()).extracting(DossierStep::action)
                .containsExactly("SUBMITTED", "RECEIVED", "PROCESSING_STARTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED");
    }

    @Test
    void anApologyGivesANewAppointmentAndTheDossierCountsAsLateThroughReturnAndRating() throws Exception {
        UUID id = received("progress-late", at(12, 7, 9));
        progress.startProcessing(id, SPECIALIST);
        LocalDate appointment = progress.clock(id).orElseThrow().appointmentDate();

        assertThatThrownBy(() -> progress.reschedule(id, SPECIALIST, "Chờ ý kiến cơ quan phối hợp", appointment))
                .isInstanceOf(SubmissionRefused.class).hasMessageContaining("sau ngày hẹn hiện tại");
        LocalDate sunday = appointment.plusDays(7 - appointment.getDayOfWeek().getValue());
        assertThatThrownBy(() -> progress.reschedule(id, SPECIALIST, "Chờ ý kiến cơ quan phối hợp", sunday))
                .isInstanceOf(SubmissionRefused.class).hasMessageContaining("không phải ngày làm việc");
        LocalDate later = calendar.addWorkingDays(appointment, 3);
        progress.reschedule(id, SPECIALIST, "Chờ ý kiến cơ quan phối hợp", later);

        DossierProgress.Clock rescheduled = progress.clock(id).orElseThrow();
        assertThat(rescheduled.late()).isTrue();
        assertThat(rescheduled.rescheduled()).isEqualTo(1);
        assertThat(rescheduled.appointmentDate()).isEqualTo(later);
        DossierPaper apology = progress.detail(id).orElseThrow().papers().stream().filter(p -> p.kind().equals("APOLOGY")).findFirst().orElseThrow();
        try (var pdf = Loader.loadPDF(progress.content(id, apology.sha256()).orElseThrow())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ")
                    .contains("Chờ ý kiến cơ quan phối hợp").contains(DossierPapersPrinter.date(later));
        }

        String code = progress.detail(id).orElseThrow().summary().code();
        UUID account = jdbc.sql("select applicant_account from dossier where id = ?").param(id).query(UUID.class).single();
        assertThatThrownBy(() -> dossiers.rate(account, code, 5, null)).isInstanceOf(DossierActionRefused.class);
        assertThatThrownBy(() -> progress.returnResult(id, SPECIALIST, ResultDelivery.AT_DESK, "Nguyễn Văn An"))
                .as("not resolved yet").isInstanceOf(DossierActionRefused.class);

        UUID result = UUID.randomUUID();
        progress.resolve(id, SPECIALIST, DossierOutcome.APPROVED, result, "Cấp bản sao trích lục");
        assertThatThrownBy(() -> progress.resolve(id, SPECIALIST, DossierOutcome.APPROVED, result, null))
                .as("resolved once").isInstanceOf(DossierActionRefused.class);
        assertThatThrownBy(() -> progress.returnResult(id, SPECIALIST, ResultDelivery.AT_DESK, " "))
                .isInstanceOf(SubmissionRefused.class).hasMessageContaining("người nhận");
        // the applicant asked for the result online: the system returns it as soon as it is resolved (reception module)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> progress.detail(id).orElseThrow().summary().status() == DossierStatus.RETURNED);

        DossierProgress.Clock returned = progress.clock(id).orElseThrow();
        assertThat(returned.outcome()).isEqualTo(DossierOutcome.APPROVED);
        assertThat(returned.late()).as("an apology counts as late even when resolved in time").isTrue();
        assertThat(returned.returnedAt()).isNotNull();
        assertThat(get("/api/v1/dossiers/" + code + "/status").body()).contains("RETURNED");

        assertThatThrownBy(() -> dossiers.rate(account, code, 6, null)).isInstanceOf(SubmissionRefused.class);
        dossiers.rate(account, code, 4, "Cán bộ nhiệt tình");
        assertThatThrownBy(() -> dossiers.rate(account, code, 5, null)).isInstanceOf(DossierActionRefused.class)
                .hasMessageContaining("đã được đánh giá");
        assertThat(jdbc.sql("select rating from dossier where id = ?").param(id).query(Integer.class).single()).isEqualTo(4);
        assertThat(progress.detail(id).orElseThrow().steps()).extracting(DossierStep::action)
                .containsExactly("SUBMITTED", "RECEIVED", "PROCESSING_STARTED", "RESCHEDULED", "RESOLVED", "RETURNED", "RATED");
    }

    @Test
    void aDossierResolvedAfterItsDueTimeIsLate() throws Exception {
        UUID id = received("progress-overdue", at(12, 7, 9));
        progress.startProcessing(id, SPECIALIST);
        Instant due = progress.clock(id).orElseThrow().dueAt();
        clock.travelTo(due.plus(Duration.ofDays(2)));
        progress.resolve(id, SPECIALIST, DossierOutcome.REFUSED, null, "Không đủ điều kiện");
        DossierProgress.Clock resolved = progress.clock(id).orElseThrow();
        assertThat(resolved.late()).isTrue();
        assertThat(resolved.outcome()).isEqualTo(DossierOutcome.REFUSED);
    }
}
