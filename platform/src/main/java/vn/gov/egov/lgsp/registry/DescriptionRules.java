package vn.gov.egov.lgsp.registry;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service descriptions: an OpenAPI 3.x document (JSON or YAML) for REST, a WSDL 1.1 document for SOAP. Checks them
 * (refusals name the field {@code document} and the rule) and reads the operations the catalog shows. Parsing is
 * bounded: no YAML tags or alias bombs, no DTD or external entities in XML.
 */
@Component
class DescriptionRules {

    static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One operation as the catalog shows it. */
    record Operation(String method, String path, String summary, List<String> parameters) {
    }

    List<RegistryViolation> check(Protocol protocol, String document) {
        List<RegistryViolation> violations = new ArrayList<>();
        if (document == null || document.isBlank()) {
            violations.add(new RegistryViolation("document", "required", "Trường document (tài liệu mô tả dịch vụ) là bắt buộc"));
            return violations;
        }
        if (document.length() > RegistryRules.MAX_DOCUMENT) {
            violations.add(new RegistryViolation("document", "length", "Tài liệu mô tả dài tối đa 2 MiB"));
            return violations;
        }
        try {
            if (protocol == Protocol.SOAP) {
                wsdl(document);
            } else {
                openApi(document);
            }
        } catch (InvalidDescription e) {
            violations.add(new RegistryViolation("document", e.rule, e.getMessage()));
        }
        return violations;
    }

    /** The operations of a valid description (empty when it cannot be read). */
    List<Operation> operations(Protocol protocol, String document) {
        try {
            return protocol == Protocol.SOAP ? wsdlOperations(wsdl(document)) : openApiOperations(openApi(document));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Title and version from the description's {@code info} (OpenAPI), or nulls. */
    Map<String, Object> openApi(String document) {
        Object parsed;
        String text = document.strip();
        try {
            if (text.startsWith("{")) {
                parsed = JSON.readValue(text, Map.class);
            } else {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(false);
                options.setMaxAliasesForCollections(20);
                options.setNestingDepthLimit(100);
                options.setCodePointLimit(RegistryRules.MAX_DOCUMENT + 1);
                parsed = new Yaml(new SafeConstructor(options)).load(text);
            }
        } catch (RuntimeException e) {
            throw new InvalidDescription("openapi-syntax",
                    "Tài liệu mô tả (document) không đọc được như JSON hoặc YAML: " + firstLine(e.getMessage()));
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw new InvalidDescription("openapi-object", "Tài liệu OpenAPI (document) phải là một đối tượng JSON/YAML");
        }
        Object version = root.get("openapi");
        if (!(version instanceof String v) || !v.matches("3\\.\\d+(\\.\\d+)?")) {
            throw new InvalidDescription("openapi-version",
                    "Tài liệu OpenAPI (document) phải khai báo \"openapi\": \"3.x\" (Swagger 2 và các bản khác không được nhận)");
        }
        if (!(root.get("info") instanceof Map<?, ?> info) || !(info.get("title") instanceof String)
                || info.get("version") == null) {
            throw new InvalidDescription("openapi-info", "Tài liệu OpenAPI (document) phải có \"info\" với \"title\" và \"version\"");
        }
        Object paths = root.get("paths");
        if (paths != null && !(paths instanceof Map)) {
            throw new InvalidDescription("openapi-paths", "Mục \"paths\" của tài liệu OpenAPI (document) phải là một đối tượng");
        }
        if (paths == null && root.get("webhooks") == null && root.get("components") == null) {
            throw new InvalidDescription("openapi-paths", "Tài liệu OpenAPI (document) phải có \"paths\"");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) root;
        return result;
    }

    private static List<Operation> openApiOperations(Map<String, Object> root) {
        List<Operation> operations = new ArrayList<>();
        if (!(root.get("paths") instanceof Map<?, ?> paths)) {
            return operations;
        }
        paths.forEach((path, item) -> {
            if (!(item instanceof Map<?, ?> pathItem)) {
                return;
            }
            List<String> shared = parameters(pathItem.get("parameters"));
            pathItem.forEach((method, op) -> {
                String m = String.valueOf(method).toLowerCase(Locale.ROOT);
                if (!HTTP_METHODS.contains(m) || !(op instanceof Map<?, ?> operation)) {
                    return;
                }
                List<String> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(operation.get("parameters")));
                if (operation.get("requestBody") != null) {
                    parameters.add("(nội dung yêu cầu)");
                }
                Object summary = operation.get("summary") != null ? operation.get("summary") : operation.get("description");
                operations.add(new Operation(m.toUpperCase(Locale.ROOT), String.valueOf(path),
                        summary == null ? "" : String.valueOf(summary), List.copyOf(parameters)));
            });
        });
        return operations;
    }

    private static List<String> parameters(Object list) {
        List<String> names = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> parameter && parameter.get("name") != null) {
                    Object in = parameter.get("in");
                    boolean required = Boolean.TRUE.equals(parameter.get("required"));
                    names.add(parameter.get("name") + (in == null ? "" : " (" + in + ")") + (required ? " *" : ""));
                } else if (item instanceof Map<?, ?> reference && reference.get("$ref") != null) {
                    String ref = String.valueOf(reference.get("$ref"));
                    names.add(ref.substring(ref.lastIndexOf('/') + 1));
                }
            }
        }
        return names;
    }

    Document wsdl(String document) {
        Document xml;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e;
                }
            });
            xml = builder.parse(new InputSource(new StringReader(document)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new InvalidDescription("wsdl-xml", "Tài liệu WSDL (document) không phải XML hợp lệ (không nhận DOCTYPE): "
                    + firstLine(e.getMessage()));
        }
        Element root = xml.getDocumentElement();
        if (!"definitions".equals(root.getLocalName()) || !WSDL_NS.equals(root.getNamespaceURI())) {
            throw new InvalidDescription("wsdl-root",
                    "Tài liệu WSDL (document) phải có phần tử gốc <definitions> thuộc không gian tên " + WSDL_NS);
        }
        return xml;
    }

    private static List<Operation> wsdlOperations(Document xml) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        NodeList portTypes = xml.getDocumentElement().getElementsByTagNameNS(WSDL_NS, "portType");
        for (int i = 0; i < portTypes.getLength(); i++) {
            Element portType = (Element) portTypes.item(i);
            for (Node child = portType.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element op && "operation".equals(op.getLocalName()) && WSDL_NS.equals(op.getNamespaceURI())) {
                    String name = op.getAttribute("name");
                    String doc = "";
                    NodeList docs = op.getElementsByTagNameNS(WSDL_NS, "documentation");
                    if (docs.getLength() > 0) {
                        doc = docs.item(0).getTextContent().strip();
                    }
                    operations.putIfAbsent(name, new Operation("SOAP", name, doc, List.of()));
                }
            }
        }
        return List.copyOf(operations.values());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static final class InvalidDescription extends RuntimeException {

        final String rule;

        InvalidDescription(String rule, String message) {
            super(message, null, false, false);
            this.rule = rule;
        }
    }
}
