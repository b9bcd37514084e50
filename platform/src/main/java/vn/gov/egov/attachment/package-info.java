/**
 * The central dossier repository and the personal document store. Every file of every dossier, whichever channel it
 * came from, is checked by its content (type, size, pages, malware) and stored once by its SHA-256 hash in the
 * caller's transaction, with a reference row per use saying where it came from. Citizens and businesses keep their
 * results and digitized papers in their personal document store ("kho quản lý dữ liệu điện tử của tổ chức, cá nhân")
 * to reuse them.
 * <p>
 * API: {@link vn.gov.egov.attachment.DossierFiles} ({@link vn.gov.egov.attachment.Upload},
 * {@link vn.gov.egov.attachment.CheckedFile}, {@link vn.gov.egov.attachment.StoredFile},
 * {@link vn.gov.egov.attachment.Provenance}, {@link vn.gov.egov.attachment.MediaKind},
 * {@link vn.gov.egov.attachment.RejectedFile}) and {@link vn.gov.egov.attachment.PersonalDocumentStore}
 * ({@link vn.gov.egov.attachment.DocumentOwner}, {@link vn.gov.egov.attachment.PersonalDocument},
 * {@link vn.gov.egov.attachment.PersonalDocumentKind}); everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossier files and personal documents")
package vn.gov.egov.attachment;
