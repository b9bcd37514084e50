/**
 * One-stop processing (giải quyết hồ sơ): a received dossier starts its route's process instance (Flowable), each user
 * task becomes a step with a due time from the working-day calendar, officials work from their queues ("mine" and
 * "my unit's"), claim, assign, decide (forward, return to the previous step, request supplements, propose refusal;
 * approve or refuse at the approving step), comment and attach working papers; the control sheet (form 05) is
 * printed at any time; overdue steps alert the unit's head. Dossiers move through
 * {@link vn.gov.egov.dossier.DossierProgress}; routes come from {@link vn.gov.egov.route.Routes}.
 * <p>
 * Published: {@link vn.gov.egov.processing.DossierProcessing} (read the steps of a dossier) and the event
 * {@link vn.gov.egov.processing.StepOverdue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "One-stop processing")
package vn.gov.egov.processing;
