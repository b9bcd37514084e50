package vn.gov.egov.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.attachment.Upload;

/** Online submission and tracking over REST: citizens with a token of the province's SSO; the status look-up is public. */
@RestController
@Tag(name = "Hồ sơ", description = "Online submission, the applicant's dossiers and the public status look-up")
class DossierApiController {

    /** A document in a request: a new file (base64) or one of the applicant's stored documents. */
    /**
     * A document in a request: a new file — base64 in {@code content} (JSON body), or the name of a file part in
     * {@code file} (multipart body) — or one of the applicant's stored documents ({@code personalDocumentId}).
     */
    record DocumentBody(String requiredDocument, String fileName, String mediaType, String content, UUID personalDocumentId,
                        String file) {
    }

    record SubmissionBody(String procedureCode, String agencyCode, String businessTaxCode, JsonNode form,
                          List<DocumentBody> documents, String resultDelivery, String deliveryAddress) {
    }

    record SubmittedBody(String code, String id, DossierStatus status, String statusName, String statusUrl, String qrCodeUrl) {
    }

    record WithdrawalBody(String reason) {
    }

    record SupplementBody(JsonNode form, List<DocumentBody> documents) {
    }

    private final Dossiers dossiers;
    private final ObjectMapper json;
    private final long maxRequestSize;
    private final long maxFileSize;

    DossierApiController(Dossiers dossiers, ObjectMapper json,
                         @Value("${spring.servlet.multipart.max-request-size:30MB}") DataSize maxRequestSize,
                         @Value("${spring.servlet.multipart.max-file-size:25MB}") DataSize maxFileSize) {
        this.dossiers = dossiers;
        this.json = json;
        this.maxRequestSize = maxRequestSize.toBytes();
        this.maxFileSize = maxFileSize.toBytes();
    }

    @PostMapping(path = "/api/v1/dossiers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a dossier online (citizen token); the same Idempotency-Key gives the same dossier")
    ResponseEntity<SubmittedBody> submit(Authentication caller,
                                         @Parameter(description = "a fresh random key per dossier, reused on retries")
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @RequestBody SubmissionBody body) {
        if (body == null) {
            throw new SubmissionRefused(new Violation("body", "required", "Thiếu nội dung hồ sơ"));
        }
        DossierSubmission submission = new DossierSubmission(body.procedureCode(), body.agencyCode(), body.businessTaxCode(), body.form(),
                documents(body.documents()), delivery(body.resultDelivery()), body.deliveryAddress());
        return created(dossiers.submit(account(caller), key, submission));
    }

    @PostMapping(path = "/api/v1/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a dossier online with its files as parts (part 'submission' JSON; each document names its part in 'file')",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = SubmissionParts.class))))
    ResponseEntity<SubmittedBody> submitMultipart(Authentication caller,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                  HttpServletRequest request) throws java.io.IOException, ServletException {
        // read here, not by the multipart resolver (lazy): one pass over the bytes with a fast boundary search
        Map<String, MultipartBody.FormPart> parts;
        try {
            parts = MultipartBody.read(request, maxRequestSize, maxFileSize);
        } catch (MultipartException e) {
            if (e instanceof MaxUploadSizeExceededException) {
                throw e; // 413
            }
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Nội dung yêu cầu không phải multipart/form-data hợp lệ (ranh giới giữa các phần tệp sai hoặc thiếu)", e);
        }
        MultipartBody.FormPart submissionPart = parts.get("submission");
        if (submissionPart == null) {
            throw new MissingServletRequestPartException("submission");
        }
        SubmissionBody body;
        try {
            body = json.readValue(submissionPart.content(), SubmissionBody.class);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("Unreadable part 'submission': " + e.getOriginalMessage(), e,
                    new ServletServerHttpRequest(request));
        }
        if (body == null) {
            throw new SubmissionRefused(new Violation("body", "required", "Thiếu nội dung hồ sơ"));
        }
        List<AttachedDocument> documents = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<DocumentBody> bodies = body.documents() == null ? List.of() : body.documents();
        for (int i = 0; i < bodies.size(); i++) {
            DocumentBody b = bodies.get(i);
            if (b == null || b.file() == null) {
                documents.addAll(documents(b == null ? java.util.Collections.singletonList(null) : List.of(b)));
                continue;
            }
            MultipartBody.FormPart part = parts.get(b.file());
            if (part == null || part.fileName() == null) {
                violations.add(new Violation("documents[%d].file".formatted(i), "required",
                        "Giấy tờ '%s': không có phần tệp tên '%s' trong yêu cầu".formatted(name(b, i), b.file())));
                continue;
            }
            documents.add(new AttachedDocument(b.requiredDocument(), new Upload(b.requiredDocument() == null ? "documents[" + i + "]"
                    : b.requiredDocument(), b.fileName() != null ? b.fileName() : part.fileName(),
                    b.mediaType() != null ? b.mediaType() : part.contentType(), part.content()), null));
        }
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        return created(dossiers.submit(account(caller), key, new DossierSubmission(body.procedureCode(), body.agencyCode(),
                body.businessTaxCode(), body.form(), documents, delivery(body.resultDelivery()), body.deliveryAddress())));
    }

    /** The multipart request as the API documentation shows it: the submission JSON and any number of file parts. */
    record SubmissionParts(SubmissionBody submission,
                           @Schema(description = "one part per new file, named as the document's 'file' says", type = "string",
                                   format = "binary") String file) {
    }

    private ResponseEntity<SubmittedBody> created(Dossiers.Submitted submitted) {
        String code = submitted.code().toString();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/my/dossiers/" + code))
                .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
                .body(new SubmittedBody(code, submitted.id().toString(), submitted.status(), submitted.status().vietnameseName(),
                        "/api/v1/dossiers/" + code + "/status", "/tra-cuu-ho-so/" + code + "/qr.png"));
    }

    @GetMapping("/api/v1/dossiers/{code}/status")
    @Operation(summary = "Public status look-up by dossier code: status, agency and dates, nothing personal")
    PublicStatus status(@PathVariable String code) {
        return dossiers.publicStatus(code).orElseThrow(() -> new UnknownDossier(code));
    }

    @GetMapping("/api/v1/my/dossiers")
    @Operation(summary = "The caller's dossiers (own and for the businesses they represent), newest first")
    List<DossierSummary> mine(Authentication caller, @RequestParam(defaultValue = "100") int limit) {
        return dossiers.ofApplicant(account(caller), limit);
    }

    @GetMapping("/api/v1/my/dossiers/{code}")
    @Operation(summary = "One of the caller's dossiers with its documents, papers and timeline")
    DossierDetail mine(Authentication caller, @PathVariable String code) {
        return dossiers.ofApplicant(account(caller), code).orElseThrow(() -> new UnknownDossier(code));
    }

    @GetMapping("/api/v1/my/dossiers/{code}/files/{sha256}")
    @Operation(summary = "A document or paper (PDF) of one of the caller's dossiers")
    ResponseEntity<byte[]> file(Authentication caller, @PathVariable String code, @PathVariable String sha256) {
        byte[] content = dossiers.content(account(caller), code, sha256).orElseThrow(() -> new UnknownDossier(code));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(content);
    }

    @PostMapping("/api/v1/my/dossiers/{code}/withdrawal")
    @Operation(summary = "Withdraw a dossier not yet received")
    ResponseEntity<Void> withdraw(Authentication caller, @PathVariable String code, @RequestBody(required = false) WithdrawalBody body) {
        dossiers.withdraw(account(caller), code, body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/my/dossiers/{code}/supplement")
    @Operation(summary = "Complete a dossier sent back for supplements; it returns to the reception queue")
    ResponseEntity<Void> supplement(Authentication caller, @PathVariable String code, @RequestBody SupplementBody body) {
        dossiers.supplement(account(caller), code, body.form(), documents(body.documents()));
        return ResponseEntity.noContent().build();
    }

    static UUID account(Authentication caller) {
        try {
            return UUID.fromString(caller.getName());
        } catch (IllegalArgumentException e) {
            throw new DossierActionRefused("not-permitted", "Chỉ công dân, doanh nghiệp đăng nhập bằng VNeID mới nộp và theo dõi hồ sơ được");
        }
    }

    static List<AttachedDocument> documents(List<DocumentBody> bodies) {
        List<AttachedDocument> documents = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        if (bodies == null) {
            return documents;
        }
        for (int i = 0; i < bodies.size(); i++) {
            DocumentBody b = bodies.get(i);
            if (b == null) {
                violations.add(new Violation("documents[%d]".formatted(i), "required", "Giấy tờ thứ %d trống".formatted(i + 1)));
                continue;
            }
            if (b.personalDocumentId() != null && b.content() == null) {
                documents.add(AttachedDocument.fromPersonalStore(b.requiredDocument(), b.personalDocumentId()));
                continue;
            }
            if (b.content() == null) {
                violations.add(new Violation("documents[%d].content".formatted(i), "required",
                        "Giấy tờ '%s': thiếu nội dung tệp (content, base64) hoặc personalDocumentId".formatted(name(b, i))));
                continue;
            }
            try {
                byte[] content = Base64.getMimeDecoder().decode(b.content());
                documents.add(new AttachedDocument(b.requiredDocument(), new Upload(b.requiredDocument() == null ? "documents[" + i + "]"
                        : b.requiredDocument(), b.fileName(), b.mediaType(), content), b.personalDocumentId()));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("documents[%d].content".formatted(i), "base64",
                        "Giấy tờ '%s': nội dung tệp không phải base64 hợp lệ".formatted(name(b, i))));
            }
        }
        if (!violations.isEmpty()) {
            throw new SubmissionRefused(violations);
        }
        return documents;
    }

    private static String name(DocumentBody b, int i) {
        return b.fileName() != null ? b.fileName() : b.requiredDocument() != null ? b.requiredDocument() : "thứ " + (i + 1);
    }

    static ResultDelivery delivery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ResultDelivery.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SubmissionRefused(new Violation("resultDelivery", "enum",
                    "Cách nhận kết quả '%s' không hợp lệ; chọn ONLINE, AT_DESK hoặc BY_POST".formatted(text)));
        }
    }
}
