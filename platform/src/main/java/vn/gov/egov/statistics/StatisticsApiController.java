package vn.gov.egov.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public statistics: aggregates only, as agencies must publish how they keep their deadlines. */
@RestController
@Tag(name = "Thống kê", description = "One-stop statistics per agency, field or procedure (public, aggregates only)")
class StatisticsApiController {

    private final DossierStatistics statistics;

    StatisticsApiController(DossierStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/statistics/dossiers")
    @Operation(summary = "Dossier counts of a period per agency, field or procedure, with the inputs of Decision 766/QĐ-TTg",
            description = "to handle = received in the period + carried over; late rate = (late in progress + late resolved) / to handle;"
                    + " on-time rate = 100 - late rate. Days are counted in Vietnam time (UTC+7), both ends included; the period is at"
                    + " most five years. In progress and overdue are judged at the end of 'to' (or now, if that is still to come).")
    @ApiResponse(responseCode = "200", description = "the counts")
    @ApiResponse(responseCode = "400", description = "a missing or unreadable date, or an unknown groupBy; 'parameter' names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "'to' before 'from', or a period of five years or more; 'parameter' names it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    StatisticsReport dossiers(@Parameter(description = "first day, YYYY-MM-DD", required = true) @RequestParam(required = false) String from,
                              @Parameter(description = "last day (included), YYYY-MM-DD", required = true) @RequestParam(required = false) String to,
                              @Parameter(description = "agency (default), field or procedure",
                                      schema = @Schema(allowableValues = {"agency", "field", "procedure"}))
                              @RequestParam(required = false) String groupBy) {
        StatisticsQuery query = StatisticsQuery.parse(from, to, groupBy);
        return statistics.report(query.from(), query.to(), query.groupBy());
    }
}
