package vn.gov.egov.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import vn.gov.egov.procedure.Fee;

/** The platform's side of PayGov's formats: the checksum, the daily file, and the reconciliation's CSV. */
class PaygovFormatTest {

    @Test
    void theChecksumIsHmacSha256OfTheSortedNonEmptyFieldsWithoutTheHash() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("order_id", "x");
        fields.put("amount", "200000");
        fields.put("locale", "");
        fields.put("secure_hash", "whatever");
        assertThat(PaygovSignature.canonical(fields)).isEqualTo("amount=200000&order_id=x");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("k".getBytes(), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("amount=200000&order_id=x".getBytes()));
        assertThat(PaygovSignature.sign(fields, "k")).isEqualTo(expected);
        fields.put("secure_hash", expected.toUpperCase());
        assertThat(PaygovSignature.verify(fields, "k")).isTrue();
        assertThat(PaygovSignature.verify(fields, "other")).isFalse();
        fields.put("amount", "200001");
        assertThat(PaygovSignature.verify(fields, "k")).isFalse();
    }

    @Test
    void theDailyFileIsReadWithQuotedCellsAndRefusedWhenMalformed() {
        List<PaygovClient.Transaction> rows = PaygovClient.parse("""
                transaction_id,order_id,amount,status,paid_at
                PG1,"a,b",200000,SUCCESS,2026-11-27T10:00:00+07:00
                """);
        assertThat(rows).singleElement().satisfies(t -> {
            assertThat(t.orderId()).isEqualTo("a,b");
            assertThat(t.amount()).isEqualTo(200_000);
            assertThat(t.paidAt()).isEqualTo(Instant.parse("2026-11-27T03:00:00Z"));
        });
        assertThatThrownBy(() -> PaygovClient.parse("id,order\n")).isInstanceOf(PaygovClient.Unavailable.class)
                .hasMessageContaining("tiêu đề");
        assertThatThrownBy(() -> PaygovClient.parse("transaction_id,order_id,amount,status,paid_at\nPG1,x,12.5,SUCCESS,2026-11-27T10:00:00+07:00\n"))
                .isInstanceOf(PaygovClient.Unavailable.class).hasMessageContaining("dòng 2");
    }

    @Test
    void theReportCsvKeepsCommasAndDefusesFormulas() {
        Reconciling.Report report = new Reconciling.Report(UUID.randomUUID(), java.time.LocalDate.of(2026, 11, 27), Instant.now(), "admin",
                1, 0, 1, "00", List.of(new Reconciling.Item(Reconciling.Kind.PAID_AT_PAYGOV_ONLY, "=cmd()", "PG1", null, 5L, null,
                "SUCCESS", null)));
        String csv = Reconciling.csv(report);
        assertThat(csv).startsWith("\uFEFFkind,");
        assertThat(csv).contains("PAID_AT_PAYGOV_ONLY,\"Đã thanh toán tại PayGov, chưa ghi nhận trên hệ thống\",'=cmd(),PG1,,5,,SUCCESS,");
        assertThat(Payment.total(List.of(new Fee("a", 1000, null), new Fee("b", 500, "x")))).isEqualTo(1500);
    }
}
