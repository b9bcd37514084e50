package vn.gov.egov.calendar;

/** An announcement as an administrator typed it (API body or page form), not yet checked. */
record AnnouncementDraft(String date, String kind, String reason, String decisionNumber) {
}
