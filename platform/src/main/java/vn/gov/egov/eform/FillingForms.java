package vn.gov.egov.eform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.gov.egov.businessregistry.BusinessRegistry;
import vn.gov.egov.businessregistry.BusinessRegistryUnavailable;
import vn.gov.egov.businessregistry.Enterprise;
import vn.gov.egov.businessregistry.LegalRepresentative;
import vn.gov.egov.identity.Citizens;
import vn.gov.egov.identity.Citizens.CitizenProfile;
import vn.gov.egov.personaldata.InvalidPersonalData;
import vn.gov.egov.personaldata.PersonalIdentificationNumber;
import vn.gov.egov.personaldata.Sex;
import vn.gov.egov.population.PopulationDatabase;
import vn.gov.egov.population.PopulationDatabaseUnavailable;
import vn.gov.egov.population.Resident;

/**
 * Pre-fill from what the state already knows (the citizen's VNeID profile first, the national population database for
 * what it lacks and for the permanent address, the national business registry for a business), and the reading of a
 * posted HTML form into the JSON its schema describes.
 */
@Service
class FillingForms implements FormFilling {

    private static final Logger LOG = LoggerFactory.getLogger(FillingForms.class);
    private static final Pattern GROUPED_AMOUNT = Pattern.compile("^\\d{1,3}([. ]\\d{3})+$");

    private final Citizens citizens;
    private final PopulationDatabase population;
    private final BusinessRegistry registry;
    private final FormPapers papers;
    private final String requestingAgencyCode;

    FillingForms(Citizens citizens, PopulationDatabase population, BusinessRegistry registry, FormPapers papers,
                 @Value("${egov.eform.requesting-agency-code:000.00.00.H20}") String requestingAgencyCode) {
        this.citizens = citizens;
        this.population = population;
        this.registry = registry;
        this.papers = papers;
        this.requestingAgencyCode = requestingAgencyCode;
    }

    @Override
    public Map<String, Object> prefill(FormDefinition form, Applicant applicant) {
        if (applicant.forBusiness() && !citizens.represents(applicant.citizenAccountId(), applicant.businessTaxCode())) {
            throw new NotARepresentative(applicant.businessTaxCode());
        }
        Map<String, JsonNode> sources = new LinkedHashMap<>();
        prefillSources(form.schema(), "", sources);
        Map<String, Object> values = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return values;
        }
        Sources known = new Sources(applicant);
        for (Map.Entry<String, JsonNode> field : sources.entrySet()) {
            JsonNode property = field.getValue();
            String value = known.value(property.get(FormSchemaCheck.PREFILL).stringValue(), property);
            if (value != null && !value.isBlank()) {
                values.put(field.getKey(), value);
            }
        }
        return values;
    }

    /** The fields with {@code x-prefill}, by path; rows of lists are not pre-filled (the citizen says who they are). */
    private static void prefillSources(JsonNode objectSchema, String prefix, Map<String, JsonNode> sources) {
        for (Map.Entry<String, JsonNode> property : FormRendering.ordered(objectSchema.get("properties"))) {
            JsonNode definition = property.getValue();
            if (definition.has(FormSchemaCheck.PREFILL)) {
                sources.put(prefix + property.getKey(), definition);
            } else if ("object".equals(definition.path("type").asString(""))) {
                prefillSources(definition, prefix + property.getKey() + ".", sources);
            }
        }
    }

    /** The data of one applicant, each source asked at most once and only when a field needs it. */
    private final class Sources {

        private final Applicant applicant;
        private final Supplier<Optional<CitizenProfile>> profile;
        private final Supplier<Optional<Resident>> resident;
        private final Supplier<Optional<Enterprise>> enterprise;

        Sources(Applicant applicant) {
            this.applicant = applicant;
            this.profile = once(() -> citizens.profile(applicant.citizenAccountId()));
            this.resident = once(this::resident);
            this.enterprise = once(this::enterprise);
        }

        private Optional<Resident> resident() {
            Optional<CitizenProfile> citizen = profile.get();
            if (citizen.isEmpty() || citizen.get().personalId() == null) {
                return Optional.empty();
            }
            try {
                return population.find(PersonalIdentificationNumber.of(citizen.get().personalId()), requestingAgencyCode);
            } catch (PopulationDatabaseUnavailable | InvalidPersonalData e) {
                LOG.warn("Pre-fill without the national population database: {}", e.getClass().getSimpleName());
                return Optional.empty();
            }
        }

        private Optional<Enterprise> enterprise() {
            if (!applicant.forBusiness()) {
                return Optional.empty();
            }
            try {
                return registry.find(applicant.businessTaxCode());
            } catch (BusinessRegistryUnavailable e) {
                LOG.warn("Pre-fill without the national business registry: {}", e.getMessage());
                return Optional.empty();
            }
        }

        String value(String source, JsonNode property) {
            return switch (source) {
                case "applicant.fullName" -> first(p -> p.fullName(), Resident::fullName);
                case "applicant.personalId" -> profile.get().map(CitizenProfile::personalId).orElse(null);
                case "applicant.birthDate" -> first(p -> p.birthDate() == null ? null : p.birthDate().toString(),
                        r -> r.birthDate() == null ? null : r.birthDate().toString());
                case "applicant.sex" -> sex(first(CitizenProfile::sex,
                        r -> r.sex() == null ? null : r.sex() == Sex.FEMALE ? "female" : "male"), property);
                case "applicant.address" -> resident.get().map(r -> r.permanentAddress() == null ? null : r.permanentAddress().line())
                        .filter(line -> !line.isBlank()).orElseGet(() -> profile.get().map(CitizenProfile::address).orElse(null));
                case "applicant.phone" -> first(CitizenProfile::phoneNumber, Resident::phoneNumber);
                case "applicant.email" -> first(CitizenProfile::email, Resident::email);
                case "business.taxCode" -> applicant.forBusiness() ? applicant.businessTaxCode().strip() : null;
                case "business.name" -> enterprise.get().map(Enterprise::name).orElse(null);
                case "business.address" -> enterprise.get().map(e -> e.headOffice() == null ? null : e.headOffice().line()).orElse(null);
                case "business.phone" -> enterprise.get().map(Enterprise::phoneNumber).orElse(null);
                case "business.email" -> enterprise.get().map(Enterprise::email).orElse(null);
                case "business.representative" -> enterprise.get().map(this::representative).orElse(null);
                default -> null;
            };
        }

        /** The citizen when they are one of the legal representatives, otherwise the first one the registry lists. */
        private String representative(Enterprise business) {
            String personalId = profile.get().map(CitizenProfile::personalId).orElse(null);
            return business.legalRepresentatives().stream().filter(r -> personalId != null && personalId.equals(r.personalId()))
                    .findFirst().or(() -> business.legalRepresentatives().stream().findFirst())
                    .map(LegalRepresentative::fullName).orElse(null);
        }

        private String first(Function<CitizenProfile, String> fromProfile,
                             Function<Resident, String> fromResident) {
            String value = profile.get().map(fromProfile).orElse(null);
            if (value == null || value.isBlank()) {
                value = resident.get().map(fromResident).orElse(null);
            }
            return value;
        }
    }

    /** {@code male}/{@code female} as the form writes it: its enum's "Nam"/"Nữ" when it has them. */
    private static String sex(String sex, JsonNode property) {
        if (sex == null) {
            return null;
        }
        boolean female = sex.equalsIgnoreCase("female");
        boolean male = sex.equalsIgnoreCase("male");
        if (!female && !male) {
            return null;
        }
        for (JsonNode allowed : property.path("enum")) {
            String word = allowed.asString("");
            if (female && (word.equals("Nữ") || word.equalsIgnoreCase("female"))
                    || male && (word.equals("Nam") || word.equalsIgnoreCase("male"))) {
                return word;
            }
        }
        return property.has("enum") ? null : female ? "Nữ" : "Nam";
    }

    private static <T> Supplier<T> once(Supplier<T> source) {
        return new Supplier<>() {
            private T value;
            private boolean known;

            @Override
            public synchronized T get() {
                if (!known) {
                    value = source.get();
                    known = true;
                }
                return value;
            }
        };
    }

    @Override
    public JsonNode fromFormFields(FormDefinition form, Map<String, List<String>> parameters) {
        return object(form.schema(), "", parameters == null ? Map.of() : parameters);
    }

    private ObjectNode object(JsonNode objectSchema, String prefix, Map<String, List<String>> parameters) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> property : objectSchema.get("properties").properties()) {
            String path = prefix + property.getKey();
            JsonNode definition = property.getValue();
            String type = definition.path("type").asString("string");
            switch (type) {
                case "object" -> {
                    if (parameters.keySet().stream().anyMatch(name -> name.startsWith(path + "."))) {
                        result.set(property.getKey(), object(definition, path + ".", parameters));
                    }
                }
                case "array" -> {
                    Pattern row = Pattern.compile("^" + Pattern.quote(path) + "\\[(\\d+)]\\..+");
                    TreeSet<Integer> indices = new TreeSet<>();
                    for (String name : parameters.keySet()) {
                        Matcher m = row.matcher(name);
                        if (m.matches() && m.group(1).length() < 6) {
                            indices.add(Integer.valueOf(m.group(1)));
                        }
                    }
                    if (!indices.isEmpty()) {
                        ArrayNode rows = result.putArray(property.getKey());
                        for (int index : indices) { // rows removed in the browser leave gaps: the list closes up
                            rows.add(object(definition.get("items"), path + "[" + index + "].", parameters));
                        }
                    }
                }
                default -> {
                    JsonNode value = scalar(definition, type, firstValue(parameters.get(path)));
                    if (value != null) {
                        result.set(property.getKey(), value);
                    } else if (type.equals("boolean") && !"radio".equals(definition.path("x-layout").path("widget").asString(""))) {
                        result.put(property.getKey(), false); // a checkbox left unticked is not sent
                    }
                }
            }
        }
        return result;
    }

    private static String firstValue(List<String> values) {
        if (values == null) {
            return null;
        }
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** The value in the schema's type, or the text as typed when it does not convert (the validator names the rule). */
    private static JsonNode scalar(JsonNode definition, String type, String text) {
        if (text == null) {
            return null;
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        try {
            switch (type) {
                case "integer" -> {
                    String digits = "amount-vnd".equals(definition.path("format").asString("")) && GROUPED_AMOUNT.matcher(text).matches()
                            ? text.replaceAll("[. ]", "") : text;
                    return nodes.numberNode(new BigInteger(digits));
                }
                case "number" -> {
                    return nodes.numberNode(new BigDecimal(text.replace(',', '.')));
                }
                case "boolean" -> {
                    String word = text.toLowerCase(Locale.ROOT);
                    if (List.of("true", "on", "1", "có").contains(word)) {
                        return nodes.booleanNode(true);
                    }
                    if (List.of("false", "off", "0", "không").contains(word)) {
                        return nodes.booleanNode(false);
                    }
                    return nodes.stringNode(text);
                }
                default -> {
                    return nodes.stringNode(text);
                }
            }
        } catch (NumberFormatException e) {
            return nodes.stringNode(text);
        }
    }

    @Override
    public byte[] pdf(FormDefinition form, JsonNode filled, String dossierCode) {
        return papers.pdf(form, filled, dossierCode);
    }
}
