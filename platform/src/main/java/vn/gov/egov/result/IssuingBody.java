package vn.gov.egov.result;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.gov.egov.catalog.CatalogEntry;
import vn.gov.egov.catalog.SharedCatalogs;

/**
 * The header of a result as NĐ 30/2020 (Appendix I) lays it out, from the "agencies" catalog as of the issue date:
 * the governing body (tên cơ quan chủ quản, abbreviated "UBND TỈNH LẠNG SƠN") over the issuing body (bold), the place
 * of the "…, ngày … tháng … năm …" line from the issuing body's locality, and the signer's title with "KT." / "TM."
 * when a deputy signs for the head or a leader for a people's committee.
 *
 * @param governingBody left header line 1 (blank for a people's committee, which names no governing body)
 * @param issuingBody   left header line 2, e.g. "SỞ TƯ PHÁP", "ỦY BAN NHÂN DÂN\nXÃ ĐOÀN KẾT"
 * @param place         e.g. "Lạng Sơn", "Đoàn Kết"
 * @param kind          the catalog's kind (province-committee, department, division, commune-committee…), or null
 */
record IssuingBody(String governingBody, String issuingBody, String place, String kind) {

    static final String CATALOG = "agencies";
    private static final String COMMITTEE = "Ủy ban nhân dân";
    /** Type words that start an administrative unit's name and are left out of the place name (NĐ 30/2020). */
    private static final List<String> UNIT_TYPES = List.of("Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Tỉnh", "Huyện",
            "Quận", "Xã", "Phường");

    /**
     * The issuing body as the catalog knew it on {@code on}; an agency the catalog does not know keeps the former
     * header: the province ({@code authority}), the agency's name and the province's place.
     */
    static IssuingBody of(SharedCatalogs catalogs, String agencyCode, String agencyName, LocalDate on, String authority,
                          String provincePlace) {
        Optional<CatalogEntry> found = catalogs.entry(CATALOG, agencyCode, on);
        if (found.isEmpty()) {
            return new IssuingBody(authority, upper(agencyName), provincePlace, null);
        }
        CatalogEntry agency = found.get();
        CatalogEntry parent = agency.parentCode() == null ? null : catalogs.entry(CATALOG, agency.parentCode(), on).orElse(null);
        String kind = agency.attribute("kind");
        String governing;
        String issuing;
        if (kind != null && kind.endsWith("-committee")) {
            // a people's committee is named in full on two lines, without a governing body
            governing = "";
            issuing = committee(agency.name());
        } else {
            governing = parent == null ? authority : abbreviated(parent.name());
            issuing = upper(withoutLocality(agency.name(), parent));
        }
        return new IssuingBody(governing, issuing, place(catalogs, agency, on).orElse(provincePlace), kind);
    }

    /** "Ủy ban nhân dân xã Đoàn Kết" → "ỦY BAN NHÂN DÂN\nXÃ ĐOÀN KẾT". */
    private static String committee(String name) {
        if (startsWithIgnoringCase(name, COMMITTEE)) {
            return upper(COMMITTEE) + "\n" + upper(name.substring(COMMITTEE.length()).strip());
        }
        return upper(name);
    }

    /** "Ủy ban nhân dân huyện Tràng Định" → "UBND HUYỆN TRÀNG ĐỊNH" (the governing body may be abbreviated). */
    private static String abbreviated(String name) {
        if (startsWithIgnoringCase(name, COMMITTEE)) {
            return "UBND " + upper(name.substring(COMMITTEE.length()).strip());
        }
        return upper(name);
    }

    /**
     * "Phòng Tư pháp thành phố Lạng Sơn" under "Ủy ban nhân dân thành phố Lạng Sơn" → "Phòng Tư pháp": the locality
     * is already in the governing body's line.
     */
    private static String withoutLocality(String name, CatalogEntry parent) {
        if (parent == null || !startsWithIgnoringCase(parent.name(), COMMITTEE)) {
            return name;
        }
        String locality = parent.name().substring(COMMITTEE.length()).strip();
        if (!locality.isEmpty() && name.length() > locality.length()
                && name.toLowerCase(Locale.ROOT).endsWith(" " + locality.toLowerCase(Locale.ROOT))) {
            return name.substring(0, name.length() - locality.length()).strip();
        }
        return name;
    }

    /** The locality of the agency, or of the nearest body above it that has one: "Xã Đoàn Kết" → "Đoàn Kết". */
    private static Optional<String> place(SharedCatalogs catalogs, CatalogEntry agency, LocalDate on) {
        Set<String> seen = new HashSet<>();
        for (CatalogEntry at = agency; at != null && seen.add(at.code());
             at = at.parentCode() == null ? null : catalogs.entry(CATALOG, at.parentCode(), on).orElse(null)) {
            String unit = at.attribute("admin_unit_code");
            if (unit != null && !unit.isBlank()) {
                Optional<String> name = catalogs.entry("admin-units", unit, on).map(CatalogEntry::name);
                if (name.isPresent()) {
                    return name.map(IssuingBody::withoutUnitType);
                }
            }
        }
        return Optional.empty();
    }

    static String withoutUnitType(String unitName) {
        String name = unitName.strip();
        for (String type : UNIT_TYPES) {
            if (startsWithIgnoringCase(name, type + " ")) {
                return name.substring(type.length()).strip();
            }
        }
        return name;
    }

    /**
     * The signer's title over their name: "Phó Giám đốc" signs "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"; for a people's committee
     * the leader signs on its behalf: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" (and "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" for a deputy).
     * A title that names no position (e.g. "Lãnh đạo cơ quan") is printed as it is.
     */
    String signerBlock(String title) {
        String position = title.strip();
        StringBuilder block = new StringBuilder();
        if (kind != null && kind.endsWith("-committee")
                && (startsWithIgnoringCase(position, "Chủ tịch") || startsWithIgnoringCase(position, "Phó Chủ tịch"))) {
            block.append("TM. ").append(upper(COMMITTEE)).append('\n');
        }
        if (startsWithIgnoringCase(position, "Phó ") && position.length() > 4) {
            block.append("KT. ").append(upper(position.substring(4).strip())).append('\n');
        }
        return block.append(upper(position)).toString();
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text != null && text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String upper(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }
}
