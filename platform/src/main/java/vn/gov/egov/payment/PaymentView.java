package vn.gov.egov.payment;

import java.time.Instant;
import java.util.List;
import vn.gov.egov.procedure.Fee;

/** A payment as pages and the API show it: amounts in whole đồng, and formatted the Vietnamese way. */
record PaymentView(String id, String dossierCode, PaymentState state, String stateName, long amount, String amountText,
                   List<FeeLine> fees, Instant requestedAt, String requestedBy, Instant paidAt, String transactionId,
                   String confirmedBy, String receiptNumber, boolean payable, boolean receipt) {

    record FeeLine(String name, long amount, String amountText, String note) {
    }

    static PaymentView of(Payment p) {
        return new PaymentView(p.id().toString(), p.dossierCode(), p.state(), p.state().vietnameseName(), p.amount(),
                ReceiptPrinter.vnd(p.amount()) + " đồng",
                p.fees().stream().map(PaymentView::line).toList(), p.requestedAt(), p.requestedBy(), p.paidAt(), p.transactionId(),
                p.confirmedBy(), p.receiptNumber(), p.state().payable(), p.state() == PaymentState.PAID && p.receiptSha256() != null);
    }

    private static FeeLine line(Fee fee) {
        return new FeeLine(fee.name(), fee.amount(), ReceiptPrinter.vnd(fee.amount()) + " đồng", fee.note());
    }
}
