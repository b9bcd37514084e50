package vn.gov.egov.procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.egov.catalog.SharedCatalogs;

/**
 * Imports procedure records: every record is validated on its own (fields and agencies against the shared
 * catalogs, enums, non-negative times and fees); the valid ones are applied together in one transaction and the
 * invalid ones are reported by code and field. A changed procedure gets a new version and the old one ends.
 */
@Service
class ImportingProcedures {

    static final String FIELDS = "procedure-fields";
    static final String AGENCIES = "agencies";
    private static final Pattern CODE = Pattern.compile("[0-9]\\.[0-9]{6}(\\.[0-9A-Z.]+)?");

    private final ProcedureStore store;
    private final SharedCatalogs catalogs;
    private final TransactionTemplate transaction;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    ImportingProcedures(ProcedureStore store, SharedCatalogs catalogs, TransactionTemplate transaction) {
        this(store, catalogs, transaction, Clock.system(ProcedureReading.VIETNAM));
    }

    ImportingProcedures(ProcedureStore store, SharedCatalogs catalogs, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.catalogs = catalogs;
        this.transaction = transaction;
        this.clock = clock;
    }

    SyncResult importRecords(String source, List<NationalProcedureRecord> records) {
        LocalDate today = LocalDate.now(clock);
        List<RecordError> errors = new ArrayList<>();
        Map<String, Procedure> valid = new LinkedHashMap<>();
        for (NationalProcedureRecord record : records) {
            List<RecordError> found = new ArrayList<>();
            Procedure procedure = validate(record, today, found);
            if (procedure != null && valid.containsKey(procedure.code())) {
                found.add(new RecordError(procedure.code(), "code", "duplicate", "Mã thủ tục xuất hiện hai lần trong cùng một lần nhập"));
            }
            if (found.isEmpty()) {
                valid.put(procedure.code(), procedure);
            } else {
                errors.addAll(found);
            }
        }
        int[] counts = transaction.execute(status -> apply(valid.values(), today));
        return new SyncResult(source, records.size(), counts[0], counts[1], counts[2], List.copyOf(errors));
    }

    /** created, updated, unchanged. */
    private int[] apply(Iterable<Procedure> procedures, LocalDate today) {
        store.lock();
        int[] counts = new int[3];
        for (Procedure p : procedures) {
            String hash = contentHash(p);
            Optional<ProcedureStore.Stored> latest = store.latest(p.code());
            if (latest.isEmpty()) {
                store.insert(p, hash, searchText(p));
                counts[0]++;
                continue;
            }
            Procedure current = latest.get().procedure();
            if (latest.get().contentHash().equals(hash)) {
                if (java.util.Objects.equals(current.validTo(), p.validTo())) {
                    counts[2]++;
                } else {
                    store.end(p.code(), current.validFrom(), p.validTo());
                    counts[1]++;
                }
                continue;
            }
            // the new content applies from its own start if that is later, otherwise from the day it arrived
            LocalDate from = p.validFrom().isAfter(current.validFrom()) ? p.validFrom() : today;
            Procedure next = new Procedure(p.code(), p.sampleCode(), p.name(), p.fieldCode(), p.level(), p.competentAgency(),
                    p.implementingAgencies(), p.channels(), p.onlineLevel(), p.documents(), p.processingTime(), p.fees(),
                    p.resultType(), p.conditions(), p.legalBasis(), p.publishingDecision(), from, p.validTo(), p.demonstration());
            if (!from.isAfter(current.validFrom())) {
                // changed twice on one day: the day's version is replaced (one version per day)
                store.delete(p.code(), current.validFrom());
                next = withStart(next, current.validFrom());
            } else {
                store.end(p.code(), current.validFrom(), from);
            }
            store.insert(next, hash, searchText(next));
            counts[1]++;
        }
        return counts;
    }

    private static Procedure withStart(Procedure p, LocalDate from) {
        return new Procedure(p.code(), p.sampleCode(), p.name(), p.fieldCode(), p.level(), p.competentAgency(),
                p.implementingAgencies(), p.channels(), p.onlineLevel(), p.documents(), p.processingTime(), p.fees(),
                p.resultType(), p.conditions(), p.legalBasis(), p.publishingDecision(), from, p.validTo(), p.demonstration());
    }

    private Procedure validate(NationalProcedureRecord r, LocalDate today, List<RecordError> errors) {
        String code = r.code() == null ? "" : r.code().strip();
        if (code.isEmpty()) {
            errors.add(new RecordError("", "code", "required", "Thiếu mã thủ tục"));
        } else if (!CODE.matcher(code).matches()) {
            errors.add(new RecordError(code, "code", "pattern", "Mã thủ tục '%s' không đúng dạng 1.001234".formatted(code)));
        }
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new RecordError(code, "name", "required", "Thiếu tên thủ tục"));
        }
        if (r.fieldCode() == null || catalogs.entry(FIELDS, r.fieldCode(), today).isEmpty()) {
            errors.add(new RecordError(code, "fieldCode", "unknown-field",
                    "Lĩnh vực '%s' không có trong danh mục lĩnh vực thủ tục ngày %s".formatted(r.fieldCode(), today)));
        }
        ProcedureLevel level = enumValue(ProcedureLevel.class, r.level(), code, "level", errors);
        if (r.competentAgency() == null || catalogs.versions(AGENCIES, r.competentAgency()).isEmpty()) {
            errors.add(unknownAgency(code, "competentAgency", r.competentAgency()));
        }
        List<String> implementing = r.implementingAgencies() == null ? List.of() : r.implementingAgencies();
        if (implementing.isEmpty()) {
            errors.add(new RecordError(code, "implementingAgencies", "required", "Thiếu cơ quan thực hiện"));
        }
        for (String agency : implementing) {
            if (agency == null || catalogs.versions(AGENCIES, agency).isEmpty()) {
                errors.add(unknownAgency(code, "implementingAgencies", agency));
            }
        }
        List<Channel> channels = new ArrayList<>();
        if (r.channels() == null || r.channels().isEmpty()) {
            errors.add(new RecordError(code, "channels", "required", "Thiếu cách thức thực hiện"));
        } else {
            r.channels().forEach(c -> Optional.ofNullable(enumValue(Channel.class, c, code, "channels", errors)).ifPresent(channels::add));
        }
        OnlineLevel online = enumValue(OnlineLevel.class, r.onlineLevel(), code, "onlineLevel", errors);
        if (online != null && online != OnlineLevel.NONE && !channels.isEmpty() && !channels.contains(Channel.ONLINE)) {
            errors.add(new RecordError(code, "onlineLevel", "needs-online-channel",
                    "Thủ tục trực tuyến (%s) phải có cách thức nộp trực tuyến".formatted(online)));
        }
        ProcessingTime time = null;
        NationalProcedureRecord.Time t = r.processingTime();
        if (t == null || t.value() == null) {
            errors.add(new RecordError(code, "processingTime", "required", "Thiếu thời hạn giải quyết"));
        } else if (t.value() < 0) {
            errors.add(new RecordError(code, "processingTime", "non-negative", "Thời hạn giải quyết không được âm: %d".formatted(t.value())));
        } else {
            ProcessingTime.Unit unit = t.unit() == null ? ProcessingTime.Unit.WORKING_DAYS
                    : enumValue(ProcessingTime.Unit.class, t.unit(), code, "processingTime.unit", errors);
            time = unit == null ? null : new ProcessingTime(t.value(), unit);
        }
        List<Fee> fees = new ArrayList<>();
        for (NationalProcedureRecord.FeeItem f : r.fees() == null ? List.<NationalProcedureRecord.FeeItem>of() : r.fees()) {
            if (f.name() == null || f.name().isBlank()) {
                errors.add(new RecordError(code, "fees.name", "required", "Thiếu tên phí, lệ phí"));
            } else if (f.amount() == null || f.amount() < 0) {
                errors.add(new RecordError(code, "fees.amount", "non-negative",
                        "Mức phí '%s' phải là số đồng không âm, không phải %s".formatted(f.name(), f.amount())));
            } else {
                fees.add(new Fee(f.name().strip(), f.amount(), f.note()));
            }
        }
        List<RequiredDocument> documents = new ArrayList<>();
        for (NationalProcedureRecord.Document d : r.documents() == null ? List.<NationalProcedureRecord.Document>of() : r.documents()) {
            int originals = d.originals() == null ? 0 : d.originals();
            int copies = d.copies() == null ? 0 : d.copies();
            if (d.name() == null || d.name().isBlank()) {
                errors.add(new RecordError(code, "documents.name", "required", "Thiếu tên thành phần hồ sơ"));
            } else if (originals < 0 || copies < 0) {
                errors.add(new RecordError(code, "documents.count", "non-negative", "Số bản của '%s' không được âm".formatted(d.name())));
            } else {
                documents.add(new RequiredDocument(d.name().strip(), originals, copies, d.formTemplate()));
            }
        }
        LocalDate from = date(r.validFrom(), code, "validFrom", true, errors);
        LocalDate to = date(r.validTo(), code, "validTo", false, errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new RecordError(code, "validTo", "after-valid-from", "Ngày hết hiệu lực phải sau ngày có hiệu lực"));
        }
        if (level == ProcedureLevel.DISTRICT && (to == null || to.isAfter(ProcedureLevel.DISTRICTS_ABOLISHED))) {
            errors.add(new RecordError(code, "level", "district-abolished",
                    "Cấp huyện chấm dứt từ ngày 01/07/2025: thủ tục cấp huyện phải hết hiệu lực chậm nhất ngày đó"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Procedure(code, Boolean.TRUE.equals(r.sampleCode()), r.name().strip(), r.fieldCode(), level, r.competentAgency(),
                implementing, channels, online, documents, time, fees, r.resultType(), r.conditions(), r.legalBasis(),
                r.publishingDecision(), from, to, Boolean.TRUE.equals(r.demonstration()));
    }

    private static RecordError unknownAgency(String code, String field, String agency) {
        return new RecordError(code, field, "unknown-agency", "Cơ quan '%s' không có trong danh mục cơ quan".formatted(agency));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String code, String field, List<RecordError> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new RecordError(code, field, "enum", "Giá trị '%s' của %s phải là một trong %s"
                    .formatted(value, field, java.util.Arrays.toString(type.getEnumConstants()))));
            return null;
        }
    }

    private static LocalDate date(String text, String code, String field, boolean required, List<RecordError> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new RecordError(code, field, "required", "Thiếu %s".formatted(field)));
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new RecordError(code, field, "date-format", "%s phải là ngày dạng YYYY-MM-DD, không phải '%s'".formatted(field, text)));
            return null;
        }
    }

    static String searchText(Procedure p) {
        return String.join(" ", FoldedText.fold(p.code()), FoldedText.fold(p.name()), FoldedText.fold(p.resultType())).trim();
    }

    /** What the procedure says, without its validity dates: equal hashes mean nothing changed. */
    static String contentHash(Procedure p) {
        Procedure content = withStart(p, LocalDate.EPOCH);
        String json = ProcedureStore.JSON.writeValueAsString(new Procedure(content.code(), content.sampleCode(), content.name(),
                content.fieldCode(), content.level(), content.competentAgency(), content.implementingAgencies(), content.channels(),
                content.onlineLevel(), content.documents(), content.processingTime(), content.fees(), content.resultType(),
                content.conditions(), content.legalBasis(), content.publishingDecision(), LocalDate.EPOCH, null, content.demonstration()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
