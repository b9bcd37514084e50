package vn.gov.egov.payment;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.egov.attachment.CheckedFile;
import vn.gov.egov.attachment.DossierFiles;
import vn.gov.egov.attachment.Provenance;
import vn.gov.egov.attachment.StoredFile;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;
import vn.gov.egov.dossier.Dossiers;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;
import vn.gov.egov.printing.QrCode;
import vn.gov.egov.printing.Signature;
import vn.gov.egov.procedure.Fee;

/**
 * The electronic receipt of fees and charges (biên lai thu phí, lệ phí điện tử) as PDF, stored in the central
 * repository with the dossier's code.
 */
@Component
class ReceiptPrinter {

    static final String CHANNEL = "PAYMENT";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");

    private final OfficialPapers papers;
    private final DossierFiles files;
    private final SharedCatalogs catalogs;
    private final Dossiers dossiers;
    private final String province;
    private final String place;
    private final String publicUrl;

    ReceiptPrinter(OfficialPapers papers, DossierFiles files, SharedCatalogs catalogs, Dossiers dossiers,
                   @Value("${egov.province.name:UBND TỈNH LẠNG SƠN}") String province,
                   @Value("${egov.province.place:Lạng Sơn}") String place,
                   @Value("${egov.portal.public-url:http://localhost:8080}") String publicUrl) {
        this.papers = papers;
        this.files = files;
        this.catalogs = catalogs;
        this.dossiers = dossiers;
        this.province = province;
        this.place = place;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Prints and stores the receipt in the caller's transaction; returns the stored file. */
    StoredFile issue(Payment payment, String receiptNumber, String transactionId, Instant paidAt) {
        byte[] pdf = print(payment, receiptNumber, transactionId, paidAt);
        CheckedFile checked = files.check(new Upload("receipt", "bien-lai-" + payment.dossierCode() + ".pdf", "application/pdf", pdf));
        return files.store(checked, new Provenance(CHANNEL, payment.dossierCode(), "paygov"));
    }

    byte[] print(Payment payment, String receiptNumber, String transactionId, Instant paidAt) {
        LocalDate day = paidAt.atZone(WorkingCalendar.ZONE).toLocalDate();
        String agency = catalogs.entry("agencies", payment.agencyCode(), day).map(CatalogEntry::name).orElse(payment.agencyCode());
        String payer = dossiers.contactOf(payment.dossierCode()).map(Dossiers.ApplicantContact::name).orElse("");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Field("Người nộp", payer));
        blocks.add(new Block.Field("Mã hồ sơ", payment.dossierCode()));
        blocks.add(new Block.Field("Thủ tục hành chính", payment.procedureName() + " (" + payment.procedureCode() + ")"));
        blocks.add(new Block.Heading("Các khoản thu"));
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Fee fee : payment.fees()) {
            rows.add(List.of(String.valueOf(n++), fee.name(), vnd(fee.amount()), fee.note() == null ? "" : fee.note()));
        }
        blocks.add(new Block.Table(List.of("STT", "Khoản thu", "Số tiền (đồng)", "Ghi chú"), rows));
        blocks.add(new Block.Field("Tổng cộng", vnd(payment.amount()) + " đồng"));
        blocks.add(new Block.Field("Hình thức thanh toán", "Trực tuyến qua Nền tảng thanh toán PayGov"));
        blocks.add(new Block.Field("Mã giao dịch PayGov", transactionId));
        blocks.add(new Block.Field("Thời điểm thanh toán", TIME.format(paidAt.atZone(WorkingCalendar.ZONE))));
        blocks.add(new Block.Paragraph("Biên lai điện tử do hệ thống phát hành sau khi PayGov xác nhận giao dịch; "
                + "tra cứu hồ sơ tại " + lookUp(payment.dossierCode()) + "."));
        return papers.render(new Paper(province, agency.toUpperCase(Locale.forLanguageTag("vi")), "Số: " + receiptNumber,
                Paper.placeAndDate(place, day), "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ", "(Liên giao người nộp)", blocks,
                new QrCode(lookUp(payment.dossierCode()), "Mã hồ sơ " + payment.dossierCode()),
                List.of(new Signature("NGƯỜI NỘP TIỀN", payer, null),
                        new Signature("ĐƠN VỊ THU", agency, "(Biên lai điện tử)"))));
    }

    private String lookUp(String code) {
        return publicUrl + "/tra-cuu-ho-so?ma=" + code;
    }

    static String vnd(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount);
    }
}
