package vn.gov.egov.printing;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.springframework.stereotype.Service;

/**
 * PDF with PDFBox. Kept PDF/A-friendly: every font embedded, no transparency or encryption, an sRGB output intent and
 * XMP metadata matching the document information, so an archive conversion has nothing to fix.
 */
@Service
class PdfOfficialPapers implements OfficialPapers {

    private static final String PRODUCER = "Nền tảng dịch vụ công tỉnh Lạng Sơn";
    private final PaperFonts fonts = new PaperFonts();
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    @Override
    public byte[] render(Paper paper) {
        boolean common = common(paper);
        try {
            return render(paper, common);
        } catch (IllegalArgumentException e) {
            if (!common || e.getMessage() == null || !e.getMessage().startsWith("No glyph for")) {
                throw e;
            }
            // a letter the cut-down fonts lack ("No glyph for U+…") that the check before missed: the whole fonts have it
            return render(paper, false);
        }
    }

    @Override
    public byte[] regularFont(String text) {
        return fonts.regularFile(fonts.common(fonts.printable(text)));
    }

    // package-private: the tests compare both cuts
    byte[] render(Paper paper, boolean common) {
        PaperFonts.Loaded loaded = null;
        boolean saved = false;
        try (PDDocument document = new PDDocument()) {
            loaded = fonts.load(document, common);
            new PaperLayout(document, fonts, loaded).lay(paper);
            describe(document, fonts.printable(paper.title()).toUpperCase(java.util.Locale.ROOT));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
            document.save(pdf);
            saved = true;
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (saved) {
                // only fonts that went through a whole document are reused; after a failure they are dropped
                fonts.release(loaded);
            }
        }
    }

    /** Whether every text of the paper can be printed with the cut-down fonts. */
    private boolean common(Paper paper) {
        List<String> texts = new ArrayList<>(List.of(nonNull(paper.authority()), nonNull(paper.issuingUnit()),
                nonNull(paper.number()), nonNull(paper.placeAndDate()), nonNull(paper.title()), nonNull(paper.subtitle())));
        if (paper.qrCode() != null) {
            texts.add(nonNull(paper.qrCode().caption()));
        }
        for (Signature s : paper.signatures()) {
            texts.addAll(List.of(nonNull(s.role()), nonNull(s.name()), nonNull(s.note())));
        }
        for (Block block : paper.blocks()) {
            if (block instanceof Block.Heading h) {
                texts.add(nonNull(h.text()));
            } else if (block instanceof Block.Paragraph p) {
                texts.add(nonNull(p.text()));
            } else if (block instanceof Block.Field f) {
                texts.add(nonNull(f.label()));
                texts.add(nonNull(f.value()));
            } else if (block instanceof Block.Table t) {
                texts.addAll(t.headers().stream().map(PdfOfficialPapers::nonNull).toList());
                t.rows().forEach(row -> row.forEach(cell -> texts.add(nonNull(cell))));
            } else if (block instanceof Block.Items i) {
                i.items().forEach(item -> texts.add(nonNull(item)));
            }
        }
        return texts.stream().allMatch(fonts::common);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private void describe(PDDocument document, String title) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.ofHours(7));
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(GregorianCalendar.from(now));
        String date = now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String xmp = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                      xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <xmp:CreatorTool>%s</xmp:CreatorTool>
                   <pdf:Producer>%s</pdf:Producer>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xml(title), date, xml(PRODUCER), xml(PRODUCER));
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
