package vn.gov.egov.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.gov.egov.attachment.Upload;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;

/**
 * Demonstration profile only: dossiers in every state of reception, at the one-stop desks of the demonstration
 * officials (Department of Justice, Department of Construction, Đông Kinh ward), from every channel, for the simulated
 * VNeID identities and for residents who come to the desk in person. Their papers are rendered PDFs marked as
 * demonstration. Created once, when there are no demonstration dossiers yet.
 */
@Component
@Order(70) // after the demonstration procedures (50), forms (60) and officials
@ConditionalOnProperty(name = "egov.demo.enabled", havingValue = "true")
class DemonstrationDossiers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemonstrationDossiers.class);

    private record Person(String personalId, String name, String phone, String email, String address) {
    }

    private static final Person AN = new Person("020085999001", "Nguyễn Văn An", "0912999001", "nguyenvanan@vneid-mophong.example",
            "Số 12, ngõ 3 phố Mô Phỏng, Phường Đông Kinh, tỉnh Lạng Sơn");
    private static final Person BICH = new Person("020192999002", "Hoàng Thị Bích", "0912999002", null,
            "Phường Đông Kinh, tỉnh Lạng Sơn");
    private static final Person CUONG = new Person("020078999003", "Lương Văn Cường", "0912999003", null, "tỉnh Lạng Sơn");
    private static final Person DESK_ONLY = new Person("020041999014", "Lương Văn Sinh", null, null, "tỉnh Lạng Sơn");
    private static final Person DESK_ONLY_2 = new Person("020145999013", "Hoàng Thị Nhung", null, null, "tỉnh Lạng Sơn");

    private final ReceivingDossiers reception;
    private final DossierStore store;
    private final DossierWriting writing;
    private final OfficialPapers papers;
    private final ObjectMapper json;
    private final JdbcClient jdbc;

    DemonstrationDossiers(ReceivingDossiers reception, DossierStore store, DossierWriting writing, OfficialPapers papers,
                          ObjectMapper json, JdbcClient jdbc) {
        this.reception = reception;
        this.store = store;
        this.writing = writing;
        this.papers = papers;
        this.json = json;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from dossier where demonstration)").query(Boolean.class).single()) {
            return;
        }
        try {
            create();
        } catch (RuntimeException e) {
            // the demonstration starts without them rather than not at all; the log says why
            log.warn("Demonstration dossiers not created: {}", e.getMessage());
        }
    }

    private void create() {
        String tp = "stp.motcua";
        // Department of Justice: criminal-record certificates in every state
        String waiting = online(AN, "1.000001", null, criminalRecordForm(AN, "Bổ sung hồ sơ xin việc"), ResultDelivery.ONLINE);
        String received = online(BICH, "1.000001", null, criminalRecordForm(BICH, "Đi du học"), ResultDelivery.BY_POST);
        reception.accept(tp, received);
        String sentBack = online(AN, "1.000001", null, criminalRecordForm(AN, "Bổ sung hồ sơ nhập học"), ResultDelivery.AT_DESK);
        reception.requestSupplement(tp, sentBack, List.of(new MissingItem("Căn cước công dân hoặc hộ chiếu",
                "Bản chụp bị mờ, không đọc được số định danh; đề nghị chụp lại rõ nét cả hai mặt")));
        String refused = online(CUONG, "1.000001", null, criminalRecordForm(CUONG, "Xác minh lý lịch"), ResultDelivery.ONLINE);
        reception.refuse(tp, refused, List.of("Người yêu cầu đề nghị cấp Phiếu cho người khác mà không có văn bản ủy quyền theo quy định"));
        String withdrawn = online(CUONG, "1.000001", null, criminalRecordForm(CUONG, "Bổ sung hồ sơ"), ResultDelivery.ONLINE);
        withdraw(withdrawn, "Nộp nhầm thủ tục");
        String inPerson = register(DossierChannel.IN_PERSON, null, DESK_ONLY, "1.000001", null, tp, ResultDelivery.AT_DESK);
        reception.accept(tp, inPerson);
        // Department of Construction: a construction permit waiting, one received
        String xd = "sxd.motcua";
        online(BICH, "1.000011", null, constructionPermitForm(BICH, "Nhà ở kết hợp cửa hàng", 4, 15.6), ResultDelivery.AT_DESK);
        reception.accept(xd, online(AN, "1.000011", null, constructionPermitForm(AN, "Nhà ở riêng lẻ", 3, 12.0), ResultDelivery.ONLINE));
        // Đông Kinh ward: birth registration, a certified copy, a resident at the desk
        String ward = "dongkinh.motcua";
        online(BICH, "1.000007", "UBND-05977", maritalStatusForm(BICH), ResultDelivery.ONLINE);
        reception.accept(ward, register(DossierChannel.IN_PERSON, null, DESK_ONLY_2, "1.000008", "UBND-05977", ward, ResultDelivery.AT_DESK));
        log.info("Demonstration dossiers created (waiting {}, received {}, sent back {}, refused {}, withdrawn {})",
                waiting, received, sentBack, refused, withdrawn);
    }

    private String online(Person p, String procedure, String agency, Map<String, Object> form, ResultDelivery delivery) {
        return register(DossierChannel.OWN_PORTAL, form, p, procedure, agency, p.name(), delivery);
    }

    private String register(DossierChannel channel, Map<String, Object> form, Person p, String procedure, String agency,
                            String registeredBy, ResultDelivery delivery) {
        List<AttachedDocument> documents = List.of(
                AttachedDocument.uploaded(null, new Upload("demo", "ban-chup-giay-to.pdf", "application/pdf",
                        scannedPaper(p, procedure))));
        IncomingDossier in = new IncomingDossier(channel, null, procedure, agency, null, p.name(), p.personalId(), p.phone(), p.email(),
                p.address(), null, null, form == null ? null : json.valueToTree(form), documents, delivery,
                delivery == ResultDelivery.BY_POST ? p.address() : null, registeredBy,
                Instant.now().minus(Duration.ofHours(2)));
        return reception.register(in, true).code().toString();
    }

    private void withdraw(String code, String reason) {
        DossierRecord d = store.byCode(code).orElseThrow();
        Instant now = Instant.now();
        store.close(d.id(), DossierStatus.WITHDRAWN, now);
        writing.step(d, now, "WITHDRAWN", DossierStatus.WITHDRAWN, d.applicantName(), "citizen", "Người nộp rút hồ sơ: " + reason, null);
        writing.publish(d, DossierStatus.WITHDRAWN, d.status(), "WITHDRAWN", now, null, reason);
    }

    private byte[] scannedPaper(Person p, String procedure) {
        return papers.render(new Paper("TRÌNH DIỄN", null, null, null, "BẢN CHỤP GIẤY TỜ (DỮ LIỆU TRÌNH DIỄN)", "Thủ tục " + procedure,
                List.of(new Block.Paragraph("Tệp này là dữ liệu trình diễn do nền tảng tạo ra, không phải giấy tờ thật."),
                        new Block.Field("Người nộp", p.name()), new Block.Field("Mã ngẫu nhiên", java.util.UUID.randomUUID().toString())),
                null, List.of()));
    }

    private static Map<String, Object> criminalRecordForm(Person p, String purpose) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("hoTen", p.name());
        form.put("soDinhDanh", p.personalId());
        form.put("ngaySinh", birthDate(p.personalId()));
        form.put("gioiTinh", p.personalId().charAt(3) == '1' || p.personalId().charAt(3) == '3' ? "Nữ" : "Nam");
        form.put("noiThuongTru", p.address());
        form.put("dienThoai", p.phone() == null ? "0912000000" : p.phone());
        form.put("loaiPhieu", 1);
        form.put("mucDichSuDung", purpose);
        form.put("soLuongPhieu", 1);
        return form;
    }

    /** The application for a construction permit (1.000011) of a person building their own house. */
    private static Map<String, Object> constructionPermitForm(Person p, String building, int floors, double height) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("tenChuDauTu", p.name());
        form.put("nguoiDaiDien", p.name());
        form.put("diaChiLienHe", p.address());
        form.put("dienThoai", p.phone() == null ? "0912000000" : p.phone());
        form.put("tenCongTrinh", building);
        form.put("loaiCongTrinh", "DAN_DUNG");
        form.put("capCongTrinh", "III");
        form.put("diaDiemXayDung", "Thửa đất số 112, tờ bản đồ số 15, phường Đông Kinh, tỉnh Lạng Sơn");
        form.put("dienTichXayDung", 96.5);
        form.put("tongDienTichSan", 96.5 * floors);
        form.put("chieuCao", height);
        form.put("soTang", floors);
        form.put("thoiGianHoanThanh", 10);
        return form;
    }

    /** The declaration for a certificate of marital status (1.000007), asked to register a marriage. */
    private static Map<String, Object> maritalStatusForm(Person p) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("hoTen", p.name());
        form.put("soDinhDanh", p.personalId());
        form.put("ngaySinh", birthDate(p.personalId()));
        form.put("gioiTinh", p.personalId().charAt(3) == '1' || p.personalId().charAt(3) == '3' ? "Nữ" : "Nam");
        form.put("danToc", "Tày");
        form.put("noiCuTru", p.address());
        form.put("tinhTrangHonNhan", "CHUA_KET_HON");
        form.put("mucDichSuDung", "KET_HON");
        form.put("hoTenNguoiDuKienKetHon", "Hoàng Văn Dũng");
        form.put("noiDuKienDangKyKetHon", "Ủy ban nhân dân phường Đông Kinh, tỉnh Lạng Sơn");
        form.put("soLuongBanCap", 1);
        return form;
    }

    /** A plausible birth date in the year the personal identification number encodes (the day is not encoded). */
    private static String birthDate(String personalId) {
        int century = personalId.charAt(3) - '0' < 2 ? 1900 : 2000;
        return "%d-06-15".formatted(century + Integer.parseInt(personalId.substring(4, 6)));
    }
}
