package vn.gov.egov.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.egov.calendar.WorkingCalendar;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;
import vn.gov.egov.printing.QrCode;
import vn.gov.egov.printing.Signature;
import vn.gov.egov.procedure.ProcessingTime;

/**
 * The one-stop desk's papers (forms 01–03 of Circular 01/2018/TT-VPCP, kept in the 2025 set): the receipt and
 * appointment, the supplement request and the refusal. Each carries the dossier code with a QR code of the public
 * look-up address.
 */
@Component
class DossierPapersPrinter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Who and what a paper is about, personal data already masked. */
    record Subject(String code, String agencyName, String procedureName, String applicantName, String maskedPersonalId,
                   String maskedPhone, String address, String businessName, ResultDelivery delivery, String officerName) {
    }

    private final OfficialPapers papers;
    private final String province;
    private final String place;
    private final String publicUrl;

    DossierPapersPrinter(OfficialPapers papers, @Value("${egov.province.name:UBND TỈNH LẠNG SƠN}") String province,
                         @Value("${egov.province.place:Lạng Sơn}") String place,
                         @Value("${egov.portal.public-url:http://localhost:8080}") String publicUrl) {
        this.papers = papers;
        this.province = province;
        this.place = place;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String lookUpAddress(String code) {
        return publicUrl + "/tra-cuu-ho-so?ma=" + code;
    }

    byte[] receipt(Subject s, List<DossierDocument> documents, ProcessingTime time, Instant receivedAt, Appointments.Due due) {
        List<Block> blocks = new ArrayList<>(applicant(s, "tiếp nhận hồ sơ của"));
        blocks.add(new Block.Field("Nội dung yêu cầu giải quyết", s.procedureName()));
        blocks.add(new Block.Heading("Thành phần hồ sơ"));
        blocks.add(documentTable(documents));
        blocks.add(new Block.Field("Số lượng hồ sơ", "01 (bộ)"));
        blocks.add(new Block.Field("Thời gian giải quyết hồ sơ theo quy định", describe(time)));
        blocks.add(new Block.Field("Thời gian nhận hồ sơ", TIME.format(receivedAt.atZone(WorkingCalendar.ZONE))));
        blocks.add(new Block.Field("Thời gian trả kết quả giải quyết hồ sơ", TIME.format(due.at().atZone(WorkingCalendar.ZONE))));
        blocks.add(new Block.Field("Đăng ký nhận kết quả", s.delivery().vietnameseName()));
        blocks.add(new Block.Paragraph("Tra cứu tình trạng hồ sơ bằng mã hồ sơ tại " + lookUpAddress(s.code())
                + " hoặc quét mã QR trên giấy này."));
        return papers.render(paper(s, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", receivedAt, blocks,
                List.of(new Signature("NGƯỜI NỘP HỒ SƠ", s.applicantName(), "(Ký và ghi rõ họ tên)"),
                        new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", s.officerName(), "(Ký và ghi rõ họ tên)"))));
    }

    byte[] supplementRequest(Subject s, List<MissingItem> missing, Instant at) {
        List<Block> blocks = new ArrayList<>(applicant(s, "tiếp nhận hồ sơ của"));
        blocks.add(new Block.Field("Nội dung yêu cầu giải quyết", s.procedureName()));
        blocks.add(new Block.Paragraph("Sau khi xem xét hồ sơ, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"));
        blocks.add(new Block.Items(missing.stream().map(m -> m.what() + ": " + m.why()).toList()));
        blocks.add(new Block.Paragraph("Thời hạn giải quyết hồ sơ được tính từ khi hồ sơ được bổ sung đầy đủ. Ông/Bà bổ sung hồ sơ "
                + "trực tuyến tại Cổng Dịch vụ công hoặc trực tiếp tại Bộ phận Một cửa. Trong quá trình hoàn thiện hồ sơ, nếu có "
                + "vướng mắc, Ông/Bà liên hệ Bộ phận Một cửa để được hướng dẫn."));
        return papers.render(paper(s, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", at, blocks,
                List.of(new Signature("NGƯỜI HƯỚNG DẪN", s.officerName(), "(Ký và ghi rõ họ tên)"))));
    }

    byte[] refusal(Subject s, List<String> reasons, Instant at) {
        List<Block> blocks = new ArrayList<>(applicant(s, "nhận được hồ sơ của"));
        blocks.add(new Block.Field("Nội dung yêu cầu giải quyết", s.procedureName()));
        blocks.add(new Block.Paragraph("Căn cứ quy định tại văn bản quy phạm pháp luật về thủ tục hành chính này, cơ quan không "
                + "tiếp nhận, giải quyết hồ sơ này với lý do sau:"));
        blocks.add(new Block.Items(reasons));
        blocks.add(new Block.Paragraph("Xin thông báo để Ông/Bà được biết và thực hiện."));
        return papers.render(paper(s, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", at, blocks,
                List.of(new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", s.officerName(), "(Ký và ghi rõ họ tên)"))));
    }

    /** Form 04: the apology and new appointment, when a dossier will be late. */
    byte[] apology(Subject s, String reason, LocalDate oldAppointment, LocalDate newAppointment, Instant at) {
        List<Block> blocks = new ArrayList<>(applicant(s, "tiếp nhận hồ sơ của"));
        blocks.add(new Block.Field("Nội dung yêu cầu giải quyết", s.procedureName()));
        blocks.add(new Block.Field("Thời gian hẹn trả kết quả", date(oldAppointment)));
        blocks.add(new Block.Paragraph("Tuy nhiên đến nay, cơ quan chưa trả kết quả giải quyết hồ sơ đúng hẹn. Lý do:"));
        blocks.add(new Block.Items(List.of(reason)));
        blocks.add(new Block.Paragraph("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi trân trọng xin lỗi Ông/Bà và hẹn trả "
                + "kết quả vào ngày " + date(newAppointment) + "."));
        return papers.render(paper(s, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", at, blocks,
                List.of(new Signature("THỦ TRƯỞNG CƠ QUAN", s.officerName(), "(Ký, ghi rõ họ tên và đóng dấu)"))));
    }

    private List<Block> applicant(Subject s, String verb) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Paragraph(s.agencyName() + " " + verb + ":"));
        blocks.add(new Block.Field("Ông/Bà", s.applicantName()));
        if (s.businessName() != null) {
            blocks.add(new Block.Field("Đại diện cho tổ chức", s.businessName()));
        }
        if (s.maskedPersonalId() != null) {
            blocks.add(new Block.Field("Số định danh cá nhân", s.maskedPersonalId()));
        }
        if (s.address() != null) {
            blocks.add(new Block.Field("Địa chỉ", s.address()));
        }
        if (s.maskedPhone() != null) {
            blocks.add(new Block.Field("Số điện thoại", s.maskedPhone()));
        }
        return blocks;
    }

    private static Block.Table documentTable(List<DossierDocument> documents) {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (DossierDocument d : documents) {
            rows.add(List.of(String.valueOf(n++), d.requiredDocument() == null ? d.fileName() : d.requiredDocument(),
                    "Bản điện tử (" + d.fileName() + ")", d.pages() == null ? "1" : String.valueOf(d.pages())));
        }
        return new Block.Table(List.of("STT", "Tên giấy tờ", "Hình thức", "Số trang"), rows);
    }

    private Paper paper(Subject s, String title, Instant at, List<Block> blocks, List<Signature> signatures) {
        LocalDate day = at.atZone(WorkingCalendar.ZONE).toLocalDate();
        return new Paper(province, s.agencyName().toUpperCase(java.util.Locale.forLanguageTag("vi")), "Mã hồ sơ: " + s.code(),
                "%s, ngày %02d tháng %02d năm %d".formatted(place, day.getDayOfMonth(), day.getMonthValue(), day.getYear()),
                title, null, blocks, new QrCode(lookUpAddress(s.code()), "Mã hồ sơ " + s.code()), signatures);
    }

    static String describe(ProcessingTime time) {
        return switch (time.unit()) {
            case WORKING_DAYS -> time.value() == 0 ? "Trong ngày làm việc" : time.value() + " ngày làm việc";
            case WORKING_HOURS -> time.value() + " giờ làm việc";
            case SAME_DAY -> "Trong ngày làm việc";
        };
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
