package vn.gov.egov.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Defines the catalogs and loads their reference data at start-up, each data set once: the built-in definitions
 * in {@code classpath:catalog/definitions/}, and an operator's own in {@code <data dir>/catalogs/} (a new catalog
 * without a code change). A data set already loaded is never re-applied, so operators' corrections stay.
 */
@Component
@Order(10)
class ReferenceDataLoader implements ApplicationRunner {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private final CatalogStore store;
    private final ApplyingChanges applying;
    private final EntryFiles files;
    private final AdminUnitDatasets adminUnits;
    private final ObjectMapper json;
    private final Path operatorDirectory;

    ReferenceDataLoader(CatalogStore store, ApplyingChanges applying, EntryFiles files, AdminUnitDatasets adminUnits,
                        ObjectMapper json, @Value("${egov.data-dir}") String dataDir) {
        this.store = store;
        this.applying = applying;
        this.files = files;
        this.adminUnits = adminUnits;
        this.json = json;
        this.operatorDirectory = Path.of(dataDir, "catalogs");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<Resource> definitions = new ArrayList<>(List.of(
                new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/definitions/*.json")));
        definitions.sort(java.util.Comparator.comparing(Resource::getFilename));
        int builtIn = definitions.size();
        if (Files.isDirectory(operatorDirectory)) {
            try (var paths = Files.list(operatorDirectory)) {
                paths.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> definitions.add(new FileSystemResource(p)));
            }
        }
        for (int i = 0; i < definitions.size(); i++) {
            load(definitions.get(i), i < builtIn);
        }
    }

    private void load(Resource file, boolean builtIn) throws IOException {
        JsonNode root = json.readTree(file.getContentAsString(StandardCharsets.UTF_8));
        CatalogDefinition definition = json.treeToValue(root, CatalogDefinition.class);
        List<RowError> errors = ManagingCatalogs.definitionErrors(definition);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Catalog definition " + file.getDescription() + " is invalid: " + errors);
        }
        var stored = store.catalog(definition.code());
        if (stored.isEmpty() || !stored.get().definition().equals(definition)) {
            store.saveDefinition(definition, builtIn);
            log.info("Catalog {} defined from {}", definition.code(), file.getDescription());
        }
        JsonNode datasets = root.get("datasets");
        if (datasets == null) {
            return;
        }
        for (JsonNode dataset : datasets) {
            loadDataset(definition, file, dataset);
        }
    }

    private void loadDataset(CatalogDefinition definition, Resource definitionFile, JsonNode dataset) throws IOException {
        String id = dataset.get("id").asString();
        String entriesFile = dataset.path("entries").asString(null);
        String successionsFile = dataset.path("successions").asString(null);
        String entriesText = entriesFile == null ? "" : definitionFile.createRelative(relative(entriesFile)).getContentAsString(StandardCharsets.UTF_8);
        String successionsText = successionsFile == null ? ""
                : definitionFile.createRelative(relative(successionsFile)).getContentAsString(StandardCharsets.UTF_8);
        String checksum = sha256(entriesText + "\u0000" + successionsText);
        var loaded = store.datasetChecksum(id);
        if (loaded.isPresent()) {
            if (!loaded.get().equals(checksum)) {
                log.warn("Data set {} of catalog {} changed since it was loaded; it is not re-applied (import it to apply changes)",
                        id, definition.code());
            }
            return;
        }
        String summary = dataset.path("summary").asString("Nạp dữ liệu tham chiếu " + id);
        ChangeSet change = switch (dataset.path("format").asString("entries")) {
            case "gso-admin-units-3-level" -> adminUnits.threeLevel(definition.code(), id, summary, entriesText,
                    java.time.LocalDate.parse(dataset.get("validFrom").asString()));
            case "gso-admin-units-2-level" -> adminUnits.twoLevel(definition.code(), id, summary, entriesText,
                    java.time.LocalDate.parse(dataset.get("validFrom").asString()), store.liveVersions(definition.code()));
            default -> entries(definition, id, summary, entriesText, successionsText);
        };
        ApplyingChanges.Result result = applying.apply(change, SYSTEM, false);
        store.datasetLoaded(id, checksum, result.changeId());
        log.info("Catalog {}: data set {} loaded ({} versions, {} successions)", definition.code(), id,
                result.versionsWritten(), result.successionsRecorded());
    }

    private ChangeSet entries(CatalogDefinition definition, String id, String summary, String entriesText, String successionsText) {
        EntryFiles.Parsed parsed = files.readCsv(definition, entriesText);
        if (!parsed.errors().isEmpty()) {
            throw new IllegalStateException("Data set " + id + " is invalid: " + parsed.errors());
        }
        List<ChangeSet.SuccessionRow> successions = new ArrayList<>();
        if (!successionsText.isBlank()) {
            List<CsvFormat.Record> records = CsvFormat.parse(successionsText);
            for (CsvFormat.Record r : records.subList(1, records.size())) {
                List<String> f = r.fields();
                successions.add(new ChangeSet.SuccessionRow(r.line(), f.get(0), f.get(1), f.get(2), f.size() > 3 ? f.get(3) : "false"));
            }
        }
        return new ChangeSet(definition.code(), ChangeSet.Kind.DATASET, summary, "Dữ liệu tham chiếu", id, parsed.rows(),
                List.of(), successions);
    }

    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
