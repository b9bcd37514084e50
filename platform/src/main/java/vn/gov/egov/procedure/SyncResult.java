package vn.gov.egov.procedure;

import java.util.List;

/** What an import did: records received, versions created for new procedures, changed procedures, unchanged, refused. */
record SyncResult(String source, int received, int created, int updated, int unchanged, List<RecordError> errors) {
}
