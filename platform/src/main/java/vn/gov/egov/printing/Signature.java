package vn.gov.egov.printing;

/** A signature block, e.g. "NGƯỜI TIẾP NHẬN", "(Ký, ghi rõ họ tên)", "Nguyễn Văn A". Note and name are nullable. */
public record Signature(String role, String name, String note) {
}
