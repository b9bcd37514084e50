package vn.gov.egov.printing;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One paper of each kind the life of a dossier prints (issue 5, "Speed"): the filled form and the receipt at the
 * acceptance, the result at the approval, shaped like those of {@code FormPapers}, {@code DossierPapersPrinter} and
 * {@code ResultPaper}. In the printing package to reach the renderer without Spring.
 * {@code bench/run-jmh.sh PaperBenchmark} (wall time), or the CPU time of the rendering thread, which a shared machine
 * disturbs less: {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" vn.gov.egov.printing.PaperBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class PaperBenchmark {

    @Param({"form", "receipt", "result"})
    public String kind;

    private final PdfOfficialPapers papers = new PdfOfficialPapers();
    private Paper paper;

    @Setup
    public void setUp() {
        paper = switch (kind) {
            case "form" -> form();
            case "receipt" -> receipt();
            case "result" -> result();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @Benchmark
    public byte[] render() {
        return papers.render(paper);
    }

    /** Thread CPU time per paper of each kind after a warm-up, three rounds: [warm-up papers] [measured papers]. */
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        PdfOfficialPapers papers = new PdfOfficialPapers();
        List<Paper> kinds = List.of(form(), receipt(), result());
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        for (int i = 0; i < warmUp; i++) {
            kinds.forEach(papers::render);
        }
        for (int round = 1; round <= 3; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            double all = 0;
            for (int k = 0; k < kinds.size(); k++) {
                long start = threads.getCurrentThreadCpuTime();
                int bytes = 0;
                for (int i = 0; i < runs; i++) {
                    bytes = papers.render(kinds.get(k)).length;
                }
                double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / runs;
                all += ms;
                line.append(String.format(" %s %.2f ms CPU (%d bytes);", List.of("form", "receipt", "result").get(k), ms, bytes));
            }
            System.out.println(line.append(String.format(" the three: %.2f ms", all)));
        }
    }

    static Paper form() {
        String code = "000.00.10.H20-261127-0042";
        return new Paper("", null, "Mã hồ sơ: " + code, Paper.placeAndDate("Lạng Sơn", LocalDate.of(2026, 11, 27)),
                "TỜ KHAI ĐĂNG KÝ KHAI SINH", "(Biểu mẫu điện tử thủ tục 1.000001, phiên bản 3)", List.of(
                new Block.Heading("Thông tin người yêu cầu"),
                new Block.Field("Họ, chữ đệm, tên", "Nguyễn Thị Thùy Dương"),
                new Block.Field("Số định danh cá nhân", "0010*******45"),
                new Block.Field("Nơi cư trú", "Số 12 đường Trần Đăng Ninh, phường Tam Thanh, thành phố Lạng Sơn, tỉnh Lạng Sơn"),
                new Block.Field("Quan hệ với người được khai sinh", "Mẹ"),
                new Block.Heading("Thông tin người được khai sinh"),
                new Block.Field("Họ, chữ đệm, tên", "Hoàng Minh Khôi"),
                new Block.Field("Ngày, tháng, năm sinh", "21/11/2026"),
                new Block.Field("Giới tính", "Nam"),
                new Block.Field("Dân tộc", "Tày"),
                new Block.Field("Quốc tịch", "Việt Nam"),
                new Block.Field("Nơi sinh", "Bệnh viện Đa khoa tỉnh Lạng Sơn, phường Đông Kinh, thành phố Lạng Sơn"),
                new Block.Field("Quê quán", "xã Hữu Lũng, huyện Hữu Lũng, tỉnh Lạng Sơn"),
                new Block.Heading("Thông tin cha, mẹ"),
                new Block.Field("Họ, chữ đệm, tên người cha", "Hoàng Văn Đức"),
                new Block.Field("Họ, chữ đệm, tên người mẹ", "Nguyễn Thị Thùy Dương"),
                new Block.Paragraph("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa "
                        + "thuận nhất trí của các bên liên quan theo quy định pháp luật.")),
                new QrCode(code, "Mã hồ sơ " + code),
                List.of(new Signature("NGƯỜI KHAI", "Nguyễn Thị Thùy Dương", "(Ký, ghi rõ họ tên)")));
    }

    static Paper receipt() {
        String code = "000.00.10.H20-261127-0042";
        String lookUp = "http://localhost:8080/tra-cuu-ho-so?ma=" + code;
        return new Paper("UBND TỈNH LẠNG SƠN", "SỞ TƯ PHÁP TỈNH LẠNG SƠN", "Mã hồ sơ: " + code,
                "Lạng Sơn, ngày 27 tháng 11 năm 2026", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", null, List.of(
                new Block.Paragraph("Sở Tư pháp tỉnh Lạng Sơn tiếp nhận hồ sơ của:"),
                new Block.Field("Ông/Bà", "Nguyễn Thị Thùy Dương"),
                new Block.Field("Số định danh cá nhân", "0010*******45"),
                new Block.Field("Địa chỉ", "Số 12 đường Trần Đăng Ninh, phường Tam Thanh, thành phố Lạng Sơn, tỉnh Lạng Sơn"),
                new Block.Field("Số điện thoại", "09******78"),
                new Block.Field("Nội dung yêu cầu giải quyết", "Đăng ký khai sinh"),
                new Block.Heading("Thành phần hồ sơ"),
                new Block.Table(List.of("STT", "Tên giấy tờ", "Hình thức", "Số trang"), List.of(
                        List.of("1", "Tờ khai đăng ký khai sinh", "Bản điện tử (to-khai.pdf)", "1"),
                        List.of("2", "Giấy chứng sinh", "Bản điện tử (giay-chung-sinh.pdf)", "2"),
                        List.of("3", "Giấy chứng nhận kết hôn của cha, mẹ", "Bản điện tử (ket-hon.pdf)", "1"))),
                new Block.Field("Số lượng hồ sơ", "01 (bộ)"),
                new Block.Field("Thời gian giải quyết hồ sơ theo quy định", "10 ngày làm việc"),
                new Block.Field("Thời gian nhận hồ sơ", "09 giờ 41 phút, ngày 27/11/2026"),
                new Block.Field("Thời gian trả kết quả giải quyết hồ sơ", "09 giờ 41 phút, ngày 11/12/2026"),
                new Block.Field("Đăng ký nhận kết quả", "Tại bộ phận một cửa"),
                new Block.Paragraph("Tra cứu tình trạng hồ sơ bằng mã hồ sơ tại " + lookUp + " hoặc quét mã QR trên giấy này.")),
                new QrCode(lookUp, "Mã hồ sơ " + code),
                List.of(new Signature("NGƯỜI NỘP HỒ SƠ", "Nguyễn Thị Thùy Dương", "(Ký và ghi rõ họ tên)"),
                        new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Văn Tiếp", "(Ký và ghi rõ họ tên)")));
    }

    static Paper result() {
        String url = "http://localhost:8080/verify/6f1c2b7e-4d0a-4c55-9a51-0b1f3f5e2a11";
        return new Paper("UBND TỈNH LẠNG SƠN", "SỞ TƯ PHÁP TỈNH LẠNG SƠN", "Số: 125/QĐ-STP",
                "Lạng Sơn, ngày 27 tháng 11 năm 2026", "GIẤY KHAI SINH", "Đăng ký khai sinh", List.of(
                new Block.Paragraph("Căn cứ hồ sơ đề nghị và kết quả thẩm định, Sở Tư pháp cấp giấy này."),
                new Block.Field("Cấp cho", "Nguyễn Thị Thùy Dương"),
                new Block.Field("Thủ tục", "Đăng ký khai sinh (mã 1.000001)"),
                new Block.Field("Mã hồ sơ", "000.00.10.H20-261127-0042"),
                new Block.Field("Hiệu lực", "từ ngày 27/11/2026, không thời hạn"),
                new Block.Paragraph("Văn bản điện tử được ký số bởi Sở Tư pháp tỉnh Lạng Sơn. Kiểm tra tính xác thực bằng "
                        + "cách quét mã QR hoặc truy cập " + url + ".")),
                new QrCode(url, "Quét để kiểm tra kết quả"),
                List.of(Signature.signedDigitally("GIÁM ĐỐC", "Trần Quốc Toản"))); // with the empty field the visible signature fills
    }
}
