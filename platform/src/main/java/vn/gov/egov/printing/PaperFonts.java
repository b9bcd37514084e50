package vn.gov.egov.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The bundled DejaVu Sans (regular and bold, Bitstream Vera licence beside them): every Vietnamese letter, embedded as a
 * subset.
 * <p>
 * Two cuts of each font. Almost every paper is written within Vietnamese's letters and the usual punctuation: those
 * papers use the fonts cut down at start-up to the {@link #COMMON} blocks (752 glyphs instead of 6,253), because
 * PDFBox's cost of a font in a document (its width array, its glyph tables when subsetting) grows with the glyphs in
 * the file, not with those the paper uses. A paper with a letter outside those blocks (Greek, Cyrillic…) uses the
 * whole fonts. Glyphs, widths and text are the same in both; the cut has no glyph substitution table, so "fi" and "fl"
 * are printed as two letters rather than as ligatures (which also copies and searches as typed).
 */
final class PaperFonts {

    /**
     * Vietnamese and the Latin letters of neighbouring languages (Latin-1, Latin Extended-A, ơ and ư, the Vietnamese
     * part of Latin Extended Additional), combining marks, punctuation, currency signs (₫) and letter-like symbols (№).
     */
    private static final int[][] COMMON = {{0x20, 0x7E}, {0xA0, 0x17F}, {0x1A0, 0x1A1}, {0x1AF, 0x1B0}, {0x300, 0x36F},
            {0x1EA0, 0x1EF9}, {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F}};
    /** The tables PDFBox keeps when it subsets a font for a document, and those it needs to read the cut. */
    private static final List<String> CUT_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp", "name", "OS/2", "post", "cmap");

    private final CmapLookup regularGlyphs;
    private final CmapLookup boldGlyphs;
    private final Cut whole;
    private final Cut common;
    /** Code points with a glyph in both cut-down fonts. */
    private final BitSet inCommon = new BitSet(0x10000);

    PaperFonts() {
        byte[] regular = resource("printing/fonts/DejaVuSans.ttf");
        byte[] bold = resource("printing/fonts/DejaVuSans-Bold.ttf");
        this.regularGlyphs = cmap(regular);
        this.boldGlyphs = cmap(bold);
        this.whole = new Cut(regular, bold);
        this.common = new Cut(cut(regular), cut(bold));
        CmapLookup commonRegular = cmap(common.regular);
        CmapLookup commonBold = cmap(common.bold);
        for (int[] range : COMMON) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                if (commonRegular.getGlyphId(cp) > 0 && commonBold.getGlyphId(cp) > 0) {
                    inCommon.set(cp);
                }
            }
        }
    }

    /** Both fonts parsed once; one document at a time uses them (the subset is read from them when it is saved). */
    record Parsed(TrueTypeFont regular, TrueTypeFont bold) {
    }

    /** One cut of both fonts: the files, parsed fonts not in use, and the advance widths measured so far. */
    private static final class Cut {
        final byte[] regular;
        final byte[] bold;
        /** Parsing both TrueType files costs more than laying out a whole paper, so parsed fonts are kept. */
        final ConcurrentLinkedQueue<Parsed> idle = new ConcurrentLinkedQueue<>();
        final GlyphWidths regularWidths = new GlyphWidths();
        final GlyphWidths boldWidths = new GlyphWidths();

        Cut(byte[] regular, byte[] bold) {
            this.regular = regular;
            this.bold = bold;
        }
    }

    /**
     * Fonts for one document, the cut-down ones when {@code common} (see {@link #common(String)}); the subset written
     * is only the glyphs that document uses. Give them back with {@link #release} once the document is saved.
     */
    Loaded load(PDDocument document, boolean common) throws IOException {
        Cut cut = common ? this.common : whole;
        Parsed parsed = cut.idle.poll();
        if (parsed == null) {
            parsed = new Parsed(new TTFParser().parse(new RandomAccessReadBuffer(cut.regular)),
                    new TTFParser().parse(new RandomAccessReadBuffer(cut.bold)));
        }
        return new Loaded(PDType0Font.load(document, parsed.regular(), true), PDType0Font.load(document, parsed.bold(), true),
                parsed, cut);
    }

    /** The regular font's file, cut down or whole; not a copy: never changed. */
    byte[] regularFile(boolean common) {
        return (common ? this.common : whole).regular;
    }

    void release(Loaded loaded) {
        if (loaded != null && loaded.cut().idle.size() < 16) {
            loaded.cut().idle.offer(loaded.parsed());
        }
    }

    /**
     * Whether the cut-down fonts have every letter of this text and its capital (titles are printed in capitals). A
     * letter whose capital is more than one letter and that the check misses is caught when it is shown.
     */
    boolean common(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x20 && !(inCommon.get(cp) && inCommon.get(Character.toUpperCase(cp)))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    record Loaded(PDType0Font regular, PDType0Font bold, Parsed parsed, Cut cut) {

        /** The width of the text in the font, in thousandths of the font size, exactly as {@link PDFont#getStringWidth}. */
        float width(String text, PDFont font) {
            return (font == bold ? cut.boldWidths : cut.regularWidths).of(text, font);
        }
    }

    /**
     * Advance widths by code point, measured once per font file with {@link PDFont#getStringWidth}, which adds them up
     * the same way; laying out a paper measures every candidate line of every wrap, each time through PDFBox's encoding.
     */
    static final class GlyphWidths {
        /** Not measured yet: NaN. Two threads may both measure a code point: same value, no harm. */
        private final float[] bmp = new float[0x10000];

        GlyphWidths() {
            Arrays.fill(bmp, Float.NaN);
        }

        float of(String text, PDFont font) {
            try {
                float width = 0;
                for (int i = 0; i < text.length(); ) {
                    int cp = text.codePointAt(i);
                    float w;
                    if (cp < bmp.length) {
                        w = bmp[cp];
                        if (Float.isNaN(w)) {
                            w = font.getStringWidth(Character.toString(cp));
                            bmp[cp] = w;
                        }
                    } else {
                        w = font.getStringWidth(Character.toString(cp));
                    }
                    width += w;
                    i += Character.charCount(cp);
                }
                return width;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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

    /** The font cut down to the {@link #COMMON} blocks: same glyphs, metrics and hinting, fewer of them. */
    private static byte[] cut(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            TTFSubsetter subsetter = new TTFSubsetter(ttf, CUT_TABLES);
            for (int[] range : COMMON) {
                for (int cp = range[0]; cp <= range[1]; cp++) {
                    subsetter.add(cp);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(font.length / 4);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CmapLookup cmap(byte[] font) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            return ttf.getUnicodeCmapLookup();
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
