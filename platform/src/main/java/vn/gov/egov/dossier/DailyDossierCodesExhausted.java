package vn.gov.egov.dossier;

import java.time.LocalDate;

/** The day's four-digit sequence of an agency is used up: no further code can be issued that day. */
public class DailyDossierCodesExhausted extends IllegalStateException {

    public DailyDossierCodesExhausted(String agencyCode, LocalDate day) {
        super("Cơ quan %s đã cấp hết %d mã hồ sơ của ngày %s (số thứ tự chỉ có 4 chữ số); không cấp thêm mã trong ngày này"
                .formatted(agencyCode, DossierCode.MAX_SEQUENCE, day));
    }
}
