package vn.gov.egov.result;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.Paper;
import vn.gov.egov.printing.QrCode;
import vn.gov.egov.printing.Signature;

/**
 * The paper of a result, laid out by the printing module: the issuing body's header, title, body, validity, QR code,
 * and the signature block with the empty field the agency's visible digital signature fills.
 */
final class ResultPaper {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ResultPaper() {
    }

    static String title(ResultIssue issue) {
        return issue.title() == null || issue.title().isBlank() ? issue.type().vietnameseName().toUpperCase(Locale.ROOT) : issue.title().strip();
    }

    static Paper of(ResultIssue issue, IssuingBody body, LocalDate issuedOn, String verificationUrl) {
        List<Block> blocks = new ArrayList<>();
        issue.bodyLines().stream().filter(line -> line != null && !line.isBlank()).map(Block.Paragraph::new).forEach(blocks::add);
        blocks.add(new Block.Field(issue.type() == ResultType.REFUSAL_NOTICE ? "Tổ chức, cá nhân nộp hồ sơ" : "Cấp cho", issue.applicantName()));
        blocks.add(new Block.Field("Thủ tục", issue.procedureName() + " (mã " + issue.procedureCode() + ")"));
        blocks.add(new Block.Field("Mã hồ sơ", issue.dossierCode()));
        issue.fields().forEach(field -> blocks.add(new Block.Field(field.label(), field.value())));
        if (issue.type() == ResultType.REFUSAL_NOTICE) {
            blocks.add(new Block.Heading("Lý do từ chối giải quyết"));
            blocks.add(new Block.Items(issue.refusalReasons()));
        } else {
            LocalDate from = issue.validFrom() != null ? issue.validFrom() : issuedOn;
            blocks.add(new Block.Field("Hiệu lực", issue.validUntil() == null
                    ? "từ ngày " + DAY.format(from) + ", không thời hạn"
                    : "từ ngày " + DAY.format(from) + " đến hết ngày " + DAY.format(issue.validUntil())));
        }
        blocks.add(new Block.Paragraph("Văn bản điện tử được ký số bởi " + issue.agencyName()
                + ". Kiểm tra tính xác thực bằng cách quét mã QR hoặc truy cập " + verificationUrl + "."));
        return new Paper(body.governingBody(), body.issuingBody(),
                issue.decisionNumber() == null || issue.decisionNumber().isBlank() ? "Số hồ sơ: " + issue.dossierCode() : "Số: " + issue.decisionNumber(),
                Paper.placeAndDate(body.place(), issuedOn), title(issue), issue.procedureName(), blocks,
                new QrCode(verificationUrl, "Quét để kiểm tra kết quả"),
                List.of(Signature.signedDigitally(body.signerBlock(issue.signer().title()), issue.signer().name())));
    }
}
