package vn.gov.egov.printing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One administrative paper. The national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc")
 * is always printed; everything else comes from here.
 *
 * @param authority    left header line 1, upper case, e.g. "UBND TỈNH LẠNG SƠN"
 * @param issuingUnit  left header line 2, bold, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" (nullable)
 * @param number       e.g. "Số: 000.00.10.H20-261127-0001" (nullable)
 * @param placeAndDate right, italic, e.g. "Lạng Sơn, ngày 27 tháng 11 năm 2026" (nullable); see {@link #placeAndDate(String, LocalDate)}
 * @param title        centred bold upper case, e.g. "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
 * @param subtitle     centred (nullable)
 * @param blocks       the body, in order
 * @param qrCode       nullable; drawn bottom-left with its caption
 * @param signatures   at the bottom, side by side
 */
public record Paper(String authority, String issuingUnit, String number, String placeAndDate, String title,
                    String subtitle, List<Block> blocks, QrCode qrCode, List<Signature> signatures) {

    public Paper {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(title, "title");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    /**
     * "Lạng Sơn, ngày 27 tháng 11 năm 2026". As NĐ 30/2020 (Appendix I) requires, days below 10 and the months
     * January and February take a leading zero: "ngày 05 tháng 02 năm 2027".
     */
    public static String placeAndDate(String place, LocalDate date) {
        int month = date.getMonthValue();
        return "%s, ngày %02d tháng %s năm %d".formatted(place, date.getDayOfMonth(),
                month <= 2 ? "0" + month : String.valueOf(month), date.getYear());
    }
}
