package vn.gov.egov.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an administrator does to the catalogs: import a file, edit or retire an entry, define a new catalog. */
@Service
class ManagingCatalogs {

    enum Format { CSV, JSON }

    record EntryEdit(String name, String nameEn, String parentCode, String effectiveFrom, String validTo,
                     Map<String, String> attributes, String reason) {
    }

    private static final Pattern CATALOG_CODE = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    private final CatalogStore store;
    private final ApplyingChanges applying;
    private final EntryFiles files;

    ManagingCatalogs(CatalogStore store, ApplyingChanges applying, EntryFiles files) {
        this.store = store;
        this.applying = applying;
        this.files = files;
    }

    ApplyingChanges.Result importFile(String catalog, Format format, String content, String fileName, String reason,
                                      boolean dryRun, String actor) {
        CatalogDefinition definition = definition(catalog);
        EntryFiles.Parsed parsed = format == Format.CSV ? files.readCsv(definition, content) : files.readJson(content);
        if (!parsed.errors().isEmpty()) {
            throw new CatalogProblems.ChangeRefused(catalog, parsed.errors());
        }
        String summary = "Nhập %d dòng từ tệp %s".formatted(parsed.rows().size(), fileName == null ? format.name() : fileName);
        return applying.apply(ChangeSet.of(catalog, ChangeSet.Kind.IMPORT, summary, reason, fileName, parsed.rows()), actor, dryRun);
    }

    /** A new version of an entry (or a new entry) from {@code effectiveFrom}; earlier versions stay as they were. */
    ApplyingChanges.Result edit(String catalog, String code, EntryEdit edit, String actor) {
        definition(catalog);
        List<RowError> missing = new ArrayList<>();
        if (ChangeSetValidator.trim(edit.reason()) == null) {
            missing.add(RowError.of(null, "reason", "required", "Cần ghi lý do thay đổi"));
        }
        if (!missing.isEmpty()) {
            throw new CatalogProblems.ChangeRefused(catalog, missing);
        }
        String validTo = edit.validTo();
        if (ChangeSetValidator.trim(validTo) == null) {
            validTo = following(catalog, code, edit.effectiveFrom());
        }
        EntryRow row = new EntryRow(1, code, edit.name(), edit.nameEn(), edit.parentCode(), edit.effectiveFrom(), validTo,
                edit.attributes() == null ? Map.of() : new LinkedHashMap<>(edit.attributes()));
        String summary = "Sửa mục %s từ ngày %s".formatted(code, edit.effectiveFrom());
        return applying.apply(ChangeSet.of(catalog, ChangeSet.Kind.EDIT, summary, edit.reason(), null, List.of(row)), actor, false);
    }

    ApplyingChanges.Result retire(String catalog, String code, LocalDate on, String reason, String actor) {
        definition(catalog);
        if (ChangeSetValidator.trim(reason) == null) {
            throw new CatalogProblems.ChangeRefused(catalog, List.of(RowError.of(null, "reason", "required", "Cần ghi lý do kết thúc hiệu lực")));
        }
        ChangeSet change = new ChangeSet(catalog, ChangeSet.Kind.RETIRE, "Kết thúc hiệu lực mục %s từ ngày %s".formatted(code, on),
                reason, null, List.of(), List.of(new ChangeSet.Retirement(1, code, on)), List.of());
        return applying.apply(change, actor, false);
    }

    @Transactional
    CatalogDefinition define(CatalogDefinition definition, String actor) {
        List<RowError> errors = definitionErrors(definition);
        if (!errors.isEmpty()) {
            throw new CatalogProblems.ChangeRefused(definition.code() == null ? "?" : definition.code(), errors);
        }
        var existing = store.catalog(definition.code());
        if (existing.isPresent() && existing.get().builtIn()) {
            throw CatalogProblems.problem(HttpStatus.CONFLICT, "built-in-catalog", "Danh mục hệ thống",
                    "Danh mục '%s' do hệ thống định nghĩa, không sửa định nghĩa qua API".formatted(definition.code()));
        }
        store.saveDefinition(definition, false);
        store.recordChange(definition.code(), ChangeSet.Kind.EDIT, "Định nghĩa danh mục " + definition.code(), List.of(),
                "Khai báo/cập nhật định nghĩa danh mục", null, actor);
        return definition;
    }

    static List<RowError> definitionErrors(CatalogDefinition d) {
        List<RowError> errors = new ArrayList<>();
        if (d.code() == null || !CATALOG_CODE.matcher(d.code()).matches()) {
            errors.add(RowError.of(null, "code", "pattern", "Mã danh mục phải theo mẫu " + CATALOG_CODE.pattern()));
        }
        if (ChangeSetValidator.trim(d.name()) == null) {
            errors.add(RowError.of(null, "name", "required", "Thiếu tên danh mục"));
        }
        if (d.codePattern() != null) {
            try {
                Pattern.compile(d.codePattern());
            } catch (PatternSyntaxException e) {
                errors.add(RowError.of(null, "codePattern", "regex", "Mẫu mã không phải biểu thức chính quy hợp lệ: " + e.getDescription()));
            }
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (AttributeDefinition a : d.attributes()) {
            if (a.name() == null || !a.name().matches("[a-z][a-z0-9_]{0,62}")) {
                errors.add(RowError.of(null, "attributes", "pattern", "Tên thuộc tính '%s' phải theo mẫu [a-z][a-z0-9_]*".formatted(a.name())));
            } else if (EntryFiles.FIXED_COLUMNS.contains(a.name()) || !names.add(a.name())) {
                errors.add(RowError.of(null, "attributes", "duplicate", "Thuộc tính '%s' trùng tên".formatted(a.name())));
            }
            if (a.type() == AttributeDefinition.Type.ENUM && a.values().isEmpty()) {
                errors.add(RowError.of(null, "attributes", "enum", "Thuộc tính '%s' kiểu ENUM cần danh sách giá trị".formatted(a.name())));
            }
            if (a.type() == AttributeDefinition.Type.REFERENCE && a.referenceCatalog() == null) {
                errors.add(RowError.of(null, "attributes", "reference", "Thuộc tính '%s' kiểu REFERENCE cần referenceCatalog".formatted(a.name())));
            }
            if (a.pattern() != null) {
                try {
                    Pattern.compile(a.pattern());
                } catch (PatternSyntaxException e) {
                    errors.add(RowError.of(null, "attributes", "regex", "Mẫu của thuộc tính '%s' không hợp lệ".formatted(a.name())));
                }
            }
        }
        return errors;
    }

    /** An edit lasts until the entry's next version starts, so that a later version already planned is kept. */
    private String following(String catalog, String code, String effectiveFrom) {
        LocalDate from;
        try {
            from = LocalDate.parse(ChangeSetValidator.trim(effectiveFrom));
        } catch (RuntimeException e) {
            return null;
        }
        return store.history(catalog, code).stream()
                .filter(v -> v.supersededBy() == null)
                .map(CatalogStore.VersionRecord::entry)
                .filter(e -> e.isValidOn(from))
                .findFirst()
                .map(e -> e.validTo() == null ? null : e.validTo().toString())
                .orElse(null);
    }

    private CatalogDefinition definition(String catalog) {
        return store.catalog(catalog).orElseThrow(() -> CatalogProblems.unknownCatalog(catalog)).definition();
    }
}
