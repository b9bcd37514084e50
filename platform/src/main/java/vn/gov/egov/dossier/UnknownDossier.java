package vn.gov.egov.dossier;

/** No dossier with this code (or id) — or none the caller may see, which is answered the same way. */
public class UnknownDossier extends RuntimeException {

    public UnknownDossier(String code) {
        super("Không tìm thấy hồ sơ có mã '%s'".formatted(code));
    }
}
