package vn.gov.egov.eform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.gov.egov.printing.Block;
import vn.gov.egov.printing.OfficialPapers;
import vn.gov.egov.printing.Paper;
import vn.gov.egov.printing.QrCode;
import vn.gov.egov.printing.Signature;

/** A filled form printed as the application paper (đơn, tờ khai) the citizen would otherwise have written by hand. */
@Component
class FormPapers {

    private static final String NOT_FILLED = WrittenForm.NOT_FILLED;

    private final OfficialPapers papers;
    private final FormRendering rendering;

    FormPapers(OfficialPapers papers, FormRendering rendering) {
        this.papers = papers;
        this.rendering = rendering;
    }

    byte[] pdf(FormDefinition form, JsonNode filled, String dossierCode) {
        FormRendering.RenderedForm view = rendering.view(form, filled, List.of());
        List<Block> blocks = new ArrayList<>();
        if (view.description() != null) {
            blocks.add(new Block.Paragraph(view.description()));
        }
        for (FormRendering.Group group : view.groups()) {
            if (group.legend() != null) {
                blocks.add(new Block.Heading(group.legend()));
            }
            group.fields().forEach(field -> field(field, form.schema(), blocks));
        }
        boolean withCode = dossierCode != null && !dossierCode.isBlank();
        return papers.render(new Paper("", null, withCode ? "Mã hồ sơ: " + dossierCode : null,
                Paper.placeAndDate("Lạng Sơn", LocalDate.now(Forms.VIETNAM)), form.title().toUpperCase(Locale.ROOT),
                "(Biểu mẫu điện tử thủ tục " + form.procedureCode() + ", phiên bản " + form.version() + ")", blocks,
                withCode ? new QrCode(dossierCode, "Mã hồ sơ " + dossierCode) : null,
                List.of(new Signature("NGƯỜI KHAI", signer(form.schema(), filled), "(Ký, ghi rõ họ tên)"))));
    }

    private void field(FormRendering.Field field, JsonNode schema, List<Block> blocks) {
        switch (field.kind()) {
            case "object" -> {
                blocks.add(new Block.Heading(field.label()));
                field.children().forEach(child -> field(child, schema, blocks));
            }
            case "array" -> {
                List<FormRendering.Row> rows = field.rows().stream()
                        .filter(row -> row.fields().stream().anyMatch(f -> !WrittenForm.text(f).equals(NOT_FILLED))).toList();
                blocks.add(new Block.Heading(field.label()));
                if (rows.isEmpty()) {
                    blocks.add(new Block.Paragraph(NOT_FILLED));
                    return;
                }
                List<String> headers = new ArrayList<>();
                headers.add("STT");
                field.template().fields().forEach(f -> headers.add(f.label()));
                List<List<String>> lines = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    List<String> line = new ArrayList<>();
                    line.add(String.valueOf(i + 1));
                    rows.get(i).fields().forEach(f -> line.add(WrittenForm.text(f)));
                    lines.add(line);
                }
                blocks.add(new Block.Table(headers, lines));
            }
            default -> blocks.add(new Block.Field(field.label(), WrittenForm.text(field)));
        }
    }

    /** The applicant's name for the signature block: the field pre-filled with it, when the form has one. */
    private static String signer(JsonNode schema, JsonNode filled) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode definition = property.getValue();
            JsonNode value = filled == null ? null : filled.get(property.getKey());
            String source = definition.path(FormSchemaCheck.PREFILL).asString("");
            if (source.equals("applicant.fullName") || source.equals("business.representative")) {
                if (value != null && value.isString() && !value.stringValue().isBlank()) {
                    return value.stringValue();
                }
            } else if ("object".equals(definition.path("type").asString("")) && value != null && value.isObject()) {
                String nested = signer(definition, value);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
