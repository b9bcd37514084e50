package vn.gov.egov.payment;

/** Where a dossier's payment request stands. */
public enum PaymentState {
    /** Requested, not paid yet. */
    REQUESTED("Chờ thanh toán"),
    /** The citizen was sent to PayGov; no verified answer yet. */
    PENDING("Đang thanh toán"),
    /** Paid: PayGov's signed notification or status answer said so; the receipt is issued. */
    PAID("Đã thanh toán"),
    /** PayGov said the transaction failed or was cancelled; the citizen may pay again. */
    FAILED("Thanh toán không thành công"),
    /** Replaced by an adjusted request, or no longer due. */
    CANCELLED("Đã hủy");

    private final String vietnameseName;

    PaymentState(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    /** The citizen may (still, or again) pay online. */
    public boolean payable() {
        return this == REQUESTED || this == PENDING || this == FAILED;
    }
}
