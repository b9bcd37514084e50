package vn.gov.egov.identity;

/** The roles an official's position can carry; a position is always a role in a unit of an agency. */
public enum Role {
    ONE_STOP_OFFICER("Cán bộ một cửa"),
    SPECIALIST("Chuyên viên"),
    DIVISION_HEAD("Lãnh đạo phòng"),
    AGENCY_LEADER("Lãnh đạo cơ quan"),
    CLERK("Văn thư"),
    AGENCY_ADMIN("Quản trị cơ quan"),
    PROVINCE_ADMIN("Quản trị tỉnh"),
    LGSP_OPERATOR("Vận hành LGSP"),
    AUDITOR("Kiểm toán nhật ký");

    private final String vietnameseName;

    Role(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
