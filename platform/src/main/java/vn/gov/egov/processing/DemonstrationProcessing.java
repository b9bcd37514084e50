package vn.gov.egov.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.gov.egov.dossier.DossierProgress;

/**
 * In the demonstration only: the demonstration dossiers the desk received start their routes (through the usual
 * event); a moment later this moves some of them on, so that the queues show dossiers at various steps: the first
 * stays at the desk, the second waits for a specialist, the third for the division head. Acts as the demonstration
 * officials ({@code stp.*}, {@code sxd.*}, {@code dongkinh.*}); a dossier already moved is left as it is.
 */
@Component
@Order(80) // after the demonstration dossiers (70)
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
class DemonstrationProcessing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemonstrationProcessing.class);
    private static final Map<String, String> PREFIX = Map.of("SO-TP", "stp", "SO-XD", "sxd", "UBND-05977", "dongkinh");
    private static final Map<String, String> SPECIALIST = Map.of("SO-TP", "stp.chuyenvien", "SO-XD", "sxd.chuyenvien",
            "UBND-05977", "dongkinh.congchuc");

    private final JdbcClient jdbc;
    private final ProcessingStore store;
    private final WorkingOnTasks work;
    private final DossierProgress progress;

    DemonstrationProcessing(JdbcClient jdbc, ProcessingStore store, WorkingOnTasks work, DossierProgress progress) {
        this.jdbc = jdbc;
        this.store = store;
        this.work = work;
        this.progress = progress;
    }

    @Override
    public void run(ApplicationArguments args) {
        Thread thread = new Thread(this::advance, "demonstration-processing");
        thread.setDaemon(true);
        thread.start();
    }

    private void advance() {
        try {
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            List<ProcessingStore.ProcessedDossier> dossiers = List.of();
            while (Instant.now().isBefore(until)) {
                dossiers = demonstration();
                if (dossiers.size() >= 3) {
                    break;
                }
                Thread.sleep(2000);
            }
            for (int i = 0; i < dossiers.size(); i++) {
                ProcessingStore.ProcessedDossier d = dossiers.get(i);
                List<ProcessingStep> steps = store.steps(d.dossierId());
                if (steps.size() != 1 || steps.get(0).assignee() != null || i == 0 || !PREFIX.containsKey(d.receivingAgency())) {
                    continue;
                }
                String desk = PREFIX.get(d.receivingAgency()) + ".motcua";
                ProcessingStep receive = steps.get(0);
                work.claim(desk, receive.id());
                work.decide(desk, receive.id(), new WorkingOnTasks.DecisionRequest("FORWARD", null, null, null,
                        "Hồ sơ đầy đủ, chuyển thụ lý (trình diễn)"));
                if (i >= 2) {
                    ProcessingStep appraise = store.openSteps(d.dossierId()).get(0);
                    String specialist = SPECIALIST.get(d.receivingAgency());
                    work.claim(specialist, appraise.id());
                    work.comment(specialist, d.code(), "Đã kiểm tra điều kiện, đề nghị cấp (trình diễn)");
                    work.decide(specialist, appraise.id(), new WorkingOnTasks.DecisionRequest("FORWARD", null, null, null, null));
                }
            }
            log.info("Demonstration dossiers in processing: {}", dossiers.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the demonstration runs without them rather than not at all; the log says why
            log.warn("Demonstration processing not advanced: {}", e.getMessage());
        }
    }

    private List<ProcessingStore.ProcessedDossier> demonstration() {
        return jdbc.sql("select dossier_id from processing_dossier order by dossier_code").query(java.util.UUID.class).list().stream()
                .filter(id -> progress.detail(id).map(x -> x.summary().demonstration()).orElse(false))
                .map(id -> store.dossier(id).orElseThrow()).toList();
    }
}
