/**
 * Digital signatures of agencies: each agency signs with its own certificate and key (PAdES for PDF). In development,
 * tests and demonstrations a test certificate authority ("CA thử nghiệm — không có giá trị pháp lý") issues them at
 * first need; in production the keys are PKCS#12 files or PKCS#11 tokens named by configuration
 * ({@code egov.signing.*}), and the platform refuses to start on the test CA unless that is explicitly allowed.
 * <p>
 * API: {@link vn.gov.egov.signing.PdfSigning} ({@link vn.gov.egov.signing.SigningAgency},
 * {@link vn.gov.egov.signing.SignerDetails}, {@link vn.gov.egov.signing.SignedPdf},
 * {@link vn.gov.egov.signing.PdfValidation}, {@link vn.gov.egov.signing.SigningRefused}); everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Digital signatures")
package vn.gov.egov.signing;
