package vn.gov.egov.printing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The bundled DejaVu Sans (regular and bold, Bitstream Vera licence beside them): every Vietnamese letter, embedded as a subset. */
final class PaperFonts {

    private final byte[] regular;
    private final byte[] bold;
    private final CmapLookup regularGlyphs;
    private final CmapLookup boldGlyphs;

    PaperFonts() {
        this.regular = resource("printing/fonts/DejaVuSans.ttf");
        this.bold = resource("printing/fonts/DejaVuSans-Bold.ttf");
        this.regularGlyphs = cmap(regular);
        this.boldGlyphs = cmap(bold);
    }

    /** Parsed fonts not in use: parsing both TrueType files costs more than laying out a whole paper. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Parsed> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Both fonts parsed once; one document at a time uses them (the subset is read from them when it is saved). */
    record Parsed(TrueTypeFont regular, TrueTypeFont bold) {
    }

    /**
     * Fonts for one document; the subset written is only the glyphs that document uses. Give them back with
     * {@link #release} once the document is saved.
     */
    Loaded load(PDDocument document) throws IOException {
        Parsed parsed = idle.poll();
        if (parsed == null) {
            parsed = new Parsed(new TTFParser().parse(new RandomAccessReadBuffer(regular)), new TTFParser().parse(new RandomAccessReadBuffer(bold)));
        }
        return new Loaded(PDType0Font.load(document, parsed.regular(), true), PDType0Font.load(document, parsed.bold(), true), parsed);
    }

    void release(Loaded loaded) {
        if (loaded != null && idle.size() < 16) {
            idle.offer(loaded.parsed());
        }
    }

    record Loaded(PDType0Font regular, PDType0Font bold, Parsed parsed) {
    }

    /**
     * Text the fonts can show: composed (NFC, so a decomposed "ệ" becomes one glyph), tabs as spaces, other control
     * characters dropped, and anything the fonts have no glyph for as "?", rather than failing the whole paper.
     */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        String composed = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' '),
                Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // dropped: zero-width and control characters have no place on paper
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (regularGlyphs.getGlyphId(cp) > 0 && boldGlyphs.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static CmapLookup cmap(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            CmapLookup lookup = ttf.getUnicodeCmapLookup();
            return lookup;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = PaperFonts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
