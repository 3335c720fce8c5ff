package dev.chainrule.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The horizontal advance of every character of a TrueType font, read straight from the font's
 * {@code cmap}, {@code hhea}, {@code hmtx} and {@code head} tables.
 *
 * <p>Why not {@code java.awt.Font}: measuring a label is on the path of every picture, and the
 * first use of Java2D's font machinery costs a new JVM 0.15–0.25 s (measured: 170–260 ms on a
 * 2-core Zen 5), which is a third of the time to a first SVG. These tables give the same
 * advances that Java2D reports with fractional metrics and no kerning (what {@link LabelFont}
 * asked Java2D for), in a few milliseconds. A character the font lacks measures as the font's
 * missing-glyph box, as in Java2D.
 */
final class AdvanceWidths {
    private final int unitsPerEm;
    private final int[] advances;     // by glyph id
    private final CharacterMap cmap;

    private AdvanceWidths(int unitsPerEm, int[] advances, CharacterMap cmap) {
        this.unitsPerEm = unitsPerEm;
        this.advances = advances;
        this.cmap = cmap;
    }

    /** Reads the tables of the TrueType font in {@code in} (closed by the caller). */
    static AdvanceWidths read(InputStream in, String name) {
        ByteBuffer font;
        try {
            font = ByteBuffer.wrap(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the font " + name, e);
        }
        try {
            ByteBuffer head = table(font, "head", name);
            ByteBuffer hhea = table(font, "hhea", name);
            ByteBuffer hmtx = table(font, "hmtx", name);
            ByteBuffer maxp = table(font, "maxp", name);
            int unitsPerEm = head.getShort(18) & 0xFFFF;
            int metrics = hhea.getShort(34) & 0xFFFF;
            int glyphs = maxp.getShort(4) & 0xFFFF;
            if (unitsPerEm == 0 || metrics == 0 || metrics > glyphs) {
                throw new IllegalStateException("the font " + name + " is damaged: unitsPerEm " + unitsPerEm
                        + ", " + metrics + " metrics for " + glyphs + " glyphs");
            }
            int[] advances = new int[glyphs];
            for (int g = 0; g < glyphs; g++) {
                // Glyphs past the last metric share its advance (monospaced runs at the end).
                advances[g] = hmtx.getShort(4 * Math.min(g, metrics - 1)) & 0xFFFF;
            }
            return new AdvanceWidths(unitsPerEm, advances, CharacterMap.read(table(font, "cmap", name), name));
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalStateException("the font " + name + " is damaged: a table ends early", e);
        }
    }

    /**
     * {@return the advance of {@code codePoint} in points at {@code size} points}, as Java2D
     * computes it with fractional metrics: the font-unit advance scaled in single precision
     */
    double advance(int codePoint, double size) {
        int glyph = cmap.glyph(codePoint);
        int units = advances[glyph < advances.length ? glyph : 0];
        return (float) ((float) units / unitsPerEm * (float) size);
    }

    private static ByteBuffer table(ByteBuffer font, String tag, String name) {
        int tables = font.getShort(4) & 0xFFFF;
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            int t = font.getInt(record);
            if (t == tagValue(tag)) {
                int offset = font.getInt(record + 8);
                int length = font.getInt(record + 12);
                return font.slice(offset, length);
            }
        }
        throw new IllegalStateException("the font " + name + " has no '" + tag + "' table");
    }

    private static int tagValue(String tag) {
        return tag.charAt(0) << 24 | tag.charAt(1) << 16 | tag.charAt(2) << 8 | tag.charAt(3);
    }

    /** Code point to glyph id: the font's Unicode cmap subtable, format 12 (all planes) or 4 (BMP). */
    private interface CharacterMap {
        int glyph(int codePoint);

        static CharacterMap read(ByteBuffer cmap, String name) {
            int count = cmap.getShort(2) & 0xFFFF;
            ByteBuffer format4 = null;
            for (int i = 0; i < count; i++) {
                int platform = cmap.getShort(4 + 8 * i) & 0xFFFF;
                int encoding = cmap.getShort(6 + 8 * i) & 0xFFFF;
                ByteBuffer sub = cmap.slice(cmap.getInt(8 + 8 * i), cmap.limit() - cmap.getInt(8 + 8 * i));
                int format = sub.getShort(0) & 0xFFFF;
                boolean unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
                if (unicode && format == 12) {
                    return new Format12(sub);
                }
                if (unicode && format == 4 && format4 == null) {
                    format4 = sub;
                }
            }
            if (format4 == null) {
                throw new IllegalStateException("the font " + name + " has no Unicode character map");
            }
            return new Format4(format4);
        }
    }

    /** Segments of consecutive BMP characters (the format every TrueType font has). */
    private static final class Format4 implements CharacterMap {
        private final ByteBuffer t;
        private final int segments;

        Format4(ByteBuffer t) {
            this.t = t;
            this.segments = (t.getShort(6) & 0xFFFF) / 2;
        }

        @Override
        public int glyph(int c) {
            if (c > 0xFFFF) {
                return 0;
            }
            int ends = 14;
            int starts = ends + 2 * segments + 2;
            int deltas = starts + 2 * segments;
            int rangeOffsets = deltas + 2 * segments;
            int lo = 0;
            int hi = segments - 1;
            while (lo < hi) {  // the first segment whose end is >= c
                int mid = (lo + hi) >>> 1;
                if ((t.getShort(ends + 2 * mid) & 0xFFFF) < c) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int start = t.getShort(starts + 2 * lo) & 0xFFFF;
            if (c < start || c > (t.getShort(ends + 2 * lo) & 0xFFFF)) {
                return 0;
            }
            int delta = t.getShort(deltas + 2 * lo);
            int rangeAt = rangeOffsets + 2 * lo;
            int range = t.getShort(rangeAt) & 0xFFFF;
            if (range == 0) {
                return (c + delta) & 0xFFFF;
            }
            int g = t.getShort(rangeAt + range + 2 * (c - start)) & 0xFFFF;
            return g == 0 ? 0 : (g + delta) & 0xFFFF;
        }
    }

    /** Groups of consecutive characters in any plane. */
    private static final class Format12 implements CharacterMap {
        private final ByteBuffer t;
        private final int groups;

        Format12(ByteBuffer t) {
            this.t = t;
            this.groups = t.getInt(12);
        }

        @Override
        public int glyph(int c) {
            int lo = 0;
            int hi = groups - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int at = 16 + 12 * mid;
                if (c < t.getInt(at)) {
                    hi = mid - 1;
                } else if (c > t.getInt(at + 4)) {
                    lo = mid + 1;
                } else {
                    return t.getInt(at + 8) + (c - t.getInt(at));
                }
            }
            return 0;
        }
    }
}
