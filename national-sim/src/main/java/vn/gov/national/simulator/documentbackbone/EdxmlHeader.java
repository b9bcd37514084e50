package vn.gov.national.simulator.documentbackbone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import vn.gov.national.simulator.SimulatorProblem;
import vn.gov.national.simulator.SimulatorProblem.FieldError;

/**
 * What the backbone reads of an edXML package (QCVN 102:2016/BTTTT): sender, recipients, document id, notation and
 * subject from {@code edXMLEnvelope/edXMLHeader/MessageHeader}, and whether the header carries an XML Signature
 * (the backbone routes packages; it records, but does not judge, the signature: that is the recipient's work).
 * Parsed with a secure parser (no DOCTYPE, no external entities); every fault named by its path.
 */
record EdxmlHeader(String from, String fromName, List<String> to, String documentId, String codeNumber,
                   String codeNotation, String subject, boolean signed) {

    static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static final String HEADER = "edXMLEnvelope/edXMLHeader/MessageHeader";
    /** QCVN 102 identifier code: four dot-separated groups, level 1 at the right (e.g. 000.00.08.H20). */
    static final Pattern ORGAN_ID = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("(\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}),(\\d{4}/\\d{2}/\\d{2}),(.+)");

    static EdxmlHeader parse(byte[] xml) {
        Element root = parseSecurely(xml).getDocumentElement();
        List<FieldError> errors = new ArrayList<>();
        if (!"edXML".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw SimulatorProblem.invalid("edXML", "root", "Gói tin phải có phần tử gốc edXML trong không gian tên " + NAMESPACE);
        }
        Element header = path(root, "edXMLEnvelope", "edXMLHeader", "MessageHeader");
        if (header == null) {
            throw SimulatorProblem.invalid(HEADER, "required", "Thiếu phần tử " + HEADER);
        }
        String from = text(path(header, "From", "OrganId"));
        if (from == null) {
            errors.add(new FieldError(HEADER + "/From/OrganId", "required", "Thiếu mã định danh cơ quan gửi (From/OrganId)"));
        } else if (!ORGAN_ID.matcher(from).matches()) {
            errors.add(new FieldError(HEADER + "/From/OrganId", "qcvn-102", "Mã cơ quan gửi '" + from + "' không đúng dạng QCVN 102 (vd. 000.00.08.H20)"));
        }
        List<String> to = new ArrayList<>();
        int index = 0;
        for (Element recipient : children(header, "To")) {
            String organ = text(child(recipient, "OrganId"));
            String field = HEADER + "/To[" + index++ + "]/OrganId";
            if (organ == null) {
                errors.add(new FieldError(field, "required", "Thiếu mã định danh cơ quan nhận (" + field + ")"));
            } else if (!ORGAN_ID.matcher(organ).matches()) {
                errors.add(new FieldError(field, "qcvn-102", "Mã cơ quan nhận '" + organ + "' không đúng dạng QCVN 102"));
            } else if (!to.contains(organ)) {
                to.add(organ);
            }
        }
        if (index == 0) {
            errors.add(new FieldError(HEADER + "/To", "required", "Gói tin phải có ít nhất một cơ quan nhận (To)"));
        }
        String documentId = text(child(header, "DocumentId"));
        if (documentId == null) {
            errors.add(new FieldError(HEADER + "/DocumentId", "required", "Thiếu DocumentId"));
        } else {
            java.util.regex.Matcher m = DOCUMENT_ID.matcher(documentId);
            if (!m.matches()) {
                errors.add(new FieldError(HEADER + "/DocumentId", "format",
                        "DocumentId phải có dạng <mã cơ quan>,<yyyy/mm/dd>,<số/ký hiệu>, nhận được '" + documentId + "'"));
            } else if (from != null && !m.group(1).equals(from)) {
                errors.add(new FieldError(HEADER + "/DocumentId", "sender", "DocumentId phải bắt đầu bằng mã cơ quan gửi " + from));
            }
        }
        String subject = text(child(header, "Subject"));
        if (subject == null) {
            errors.add(new FieldError(HEADER + "/Subject", "required", "Thiếu trích yếu (Subject)"));
        }
        if (!errors.isEmpty()) {
            throw SimulatorProblem.invalid(errors);
        }
        Element code = child(header, "Code");
        boolean signed = root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").getLength() > 0;
        return new EdxmlHeader(from, text(path(header, "From", "OrganName")), List.copyOf(to), documentId,
                text(child(code, "CodeNumber")), text(child(code, "CodeNotation")), subject, signed);
    }

    private static Document parseSecurely(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw SimulatorProblem.invalid("edXML", "well-formed", "Gói tin không phải XML hợp lệ hoặc có DOCTYPE: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element path(Element from, String... names) {
        Element current = from;
        for (String name : names) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }
}
