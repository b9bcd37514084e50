package vn.gov.egov.dossier;

import java.time.Instant;

/**
 * A paper the platform issued for the dossier, as PDF in the central repository.
 *
 * @param kind {@code FORM} (đơn / tờ khai), {@code RECEIPT} (giấy tiếp nhận và hẹn trả kết quả),
 *             {@code SUPPLEMENT_REQUEST} (phiếu yêu cầu bổ sung), {@code REFUSAL} (phiếu từ chối)
 */
public record DossierPaper(String kind, int round, String sha256, Instant issuedAt, String issuedBy) {

    public String vietnameseName() {
        return switch (kind) {
            case "FORM" -> "Đơn, tờ khai";
            case "RECEIPT" -> "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
            case "SUPPLEMENT_REQUEST" -> "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
            case "REFUSAL" -> "Phiếu từ chối tiếp nhận giải quyết hồ sơ";
            default -> kind;
        };
    }
}
