package vn.gov.egov.signing;

import java.util.Objects;

/** The agency that signs: its code (which key) and its name (in a test certificate's subject). */
public record SigningAgency(String code, String name) {
    public SigningAgency {
        Objects.requireNonNull(code, "code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("Mã cơ quan ký: bắt buộc.");
        }
        name = name == null || name.isBlank() ? code : name.strip();
    }
}
