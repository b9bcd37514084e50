package vn.gov.egov.procedure;

import java.time.LocalDate;
import java.util.List;

public record ProcedurePage(LocalDate asOf, long total, int page, int size, List<ProcedureSummary> items) {
}
