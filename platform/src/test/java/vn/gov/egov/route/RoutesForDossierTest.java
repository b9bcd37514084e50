package vn.gov.egov.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.gov.egov.identity.Role;

class RoutesForDossierTest extends RouteTestSupport {

    @Autowired
    Routes routes;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProcedureWithoutRouteGetsTheSingleAgencyTemplateDeployedAsVersionOne() {
        // 1.000001: 10 working days at the Department of Justice
        RouteVersion route = routes.forDossier("1.000001", "SO-TP");

        assertThat(route.version()).isEqualTo(1);
        assertThat(route.agencyCode()).isNull();
        assertThat(route.generated()).isTrue();
        assertThat(route.publishedBy()).isEqualTo("system");
        assertThat(route.steps()).extracting(RouteStep::kind).containsExactly(StepKind.RECEIVE, StepKind.APPRAISE,
                StepKind.REVIEW, StepKind.APPROVE, StepKind.ISSUE, StepKind.RETURN);
        assertThat(route.steps()).extracting(RouteStep::role).containsExactly(Role.ONE_STOP_OFFICER, Role.SPECIALIST,
                Role.DIVISION_HEAD, Role.AGENCY_LEADER, Role.CLERK, Role.ONE_STOP_OFFICER);
        assertThat(route.steps().get(0).workingTime()).isEqualTo(Duration.ofHours(4));
        assertThat(route.totalTime()).isEqualTo(Duration.ofHours(80));
        assertThat(route.steps().stream().map(RouteStep::workingTime).reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofHours(80));
        assertThat(repository.createProcessDefinitionQuery().processDefinitionId(route.processDefinitionId()).count()).isEqualTo(1);

        // the same version again, and by its definition (what a dossier's process instance is bound to)
        assertThat(routes.forDossier("1.000001", "SO-TP").id()).isEqualTo(route.id());
        assertThat(routes.forDossier("1.000001", null).id()).isEqualTo(route.id());
        assertThat(routes.byProcessDefinition(route.processDefinitionId())).contains(route);
        assertThat(routes.version(route.id())).contains(route);

        // the deployed process gives the first step to the receiving agency's one-stop desk
        ProcessInstance instance = runtime.startProcessInstanceById(route.processDefinitionId(),
                Map.of("receivingAgency", "SO-TP", "procedureCode", "1.000001"));
        Task first = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(first.getTaskDefinitionKey()).isEqualTo(route.steps().get(0).activityId());
        assertThat(tasks.getIdentityLinksForTask(first.getId())).extracting(IdentityLink::getGroupId)
                .contains("ONE_STOP_OFFICER@SO-TP");
        runtime.deleteProcessInstance(instance.getId(), "test");
    }

    @Test
    void eightCallersAtOncePublishOneVersion() throws Exception {
        // 1.000014: transfer of land use rights, 10 working days
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RouteVersion>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return routes.forDossier("1.000014", "SO-NNMT");
                }));
            }
            start.countDown();
            List<RouteVersion> versions = new ArrayList<>();
            for (Future<RouteVersion> result : results) {
                versions.add(result.get());
            }
            assertThat(versions).extracting(RouteVersion::id).containsOnly(versions.get(0).id());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from route_version v join route r on r.id = v.route_id where r.procedure_code = '1.000014'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(GeneratingBpmn.processKey("1.000014", null)).count())
                .isEqualTo(1);
    }

    @Test
    void sameDayProceduresGetOneWorkingDay() {
        // 1.000003: birth registration, settled the same day
        RouteVersion route = routes.forDossier("1.000003", "UBND-05977");
        assertThat(route.totalTime()).isEqualTo(Duration.ofHours(8));
        assertThat(route.steps()).allSatisfy(step -> assertThat(step.workingTime()).isPositive());
    }

    @Test
    void anUnknownProcedureIsRefused() {
        assertThatThrownBy(() -> routes.forDossier("9.999999", "SO-TP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9.999999");
    }
}
