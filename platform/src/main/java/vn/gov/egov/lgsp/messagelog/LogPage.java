package vn.gov.egov.lgsp.messagelog;

import java.util.List;

/** One page of search results, newest first; {@code hasMore} when a next page exists. */
public record LogPage(List<LogRecord> records, int page, int size, boolean hasMore) {
}
