package com.aigency.shared.campaigns.deploy;

import com.aigency.shared.campaigns.AdPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A deterministic placeholder ad image until image generation exists: a 1200 x 628 PNG (Meta's
 * recommended link-ad size) in a colour derived from the image prompt, with the prompt's words
 * written on it and a "placeholder" footer. The same prompt always gives the same bytes, so the
 * same Meta image hash (Meta keys images by content).
 *
 * <p>Drawn and encoded here, pixel by pixel with a built-in 5 x 7 font, instead of with java.awt:
 * the Lambda Java runtime ships no fonts (AWT text rendering fails there) and ImageIO's plug-in
 * scan costs cold-start time. The output does not depend on the platform.
 */
public final class PlaceholderImage {
  public static final int WIDTH = 1200;
  public static final int HEIGHT = 628;

  private static final int MARGIN = 80;
  private static final int TEXT_SCALE = 5;
  private static final int FOOTER_SCALE = 3;
  private static final int FOOTER_HEIGHT = 80;
  private static final String FOOTER = "PLACEHOLDER IMAGE - AIGENCY";

  private PlaceholderImage() {}

  /** The PNG for an ad: its image prompt, or its headline when the prompt is blank. */
  public static byte[] png(AdPlan ad) {
    String text = ad.imagePrompt() == null || ad.imagePrompt().isBlank() ? ad.headline() : ad.imagePrompt();
    return png(text == null ? "" : text);
  }

  /** The PNG for {@code prompt}. */
  public static byte[] png(String prompt) {
    long hash = fnv(prompt);
    int[] background = hsl((int) Math.floorMod(hash, 360L), 0.55, 0.42);
    int[] band = hsl((int) Math.floorMod(hash, 360L), 0.50, 0.22);
    int[] accent = hsl((int) Math.floorMod(hash >>> 16, 360L), 0.60, 0.55);
    int[] white = {255, 255, 255};

    byte[][] rows = new byte[HEIGHT][WIDTH * 3];
    fill(rows, 0, 0, WIDTH, HEIGHT, background);
    fill(rows, 0, HEIGHT - FOOTER_HEIGHT, WIDTH, FOOTER_HEIGHT, band);
    fill(rows, MARGIN, MARGIN - 30, 160, 12, accent);

    int advance = 6 * TEXT_SCALE;
    int lineHeight = 9 * TEXT_SCALE;
    int perLine = (WIDTH - 2 * MARGIN) / advance;
    int maxLines = (HEIGHT - FOOTER_HEIGHT - 2 * MARGIN + 2 * TEXT_SCALE) / lineHeight;
    List<String> lines = wrap(glyphText(prompt), perLine, maxLines);
    int top = MARGIN + Math.max(0, (HEIGHT - FOOTER_HEIGHT - 2 * MARGIN - lines.size() * lineHeight) / 2);
    for (int i = 0; i < lines.size(); i++) {
      text(rows, MARGIN, top + i * lineHeight, lines.get(i), TEXT_SCALE, white);
    }
    int footerY = HEIGHT - FOOTER_HEIGHT + (FOOTER_HEIGHT - 7 * FOOTER_SCALE) / 2;
    text(rows, MARGIN, footerY, FOOTER, FOOTER_SCALE, white);
    return encode(rows);
  }

  // ------------------------------------------------------------------ text

  /** Upper case, accents removed, anything the font lacks turned into a space. */
  static String glyphText(String s) {
    String t = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .replace("ß", "SS")
        .toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      out.append(FONT.containsKey(c) ? c : ' ');
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  static List<String> wrap(String text, int perLine, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.isEmpty() ? new String[0] : text.split(" ")) {
      while (word.length() > perLine) {
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, perLine));
        word = word.substring(perLine);
      }
      if (line.isEmpty()) {
        line.append(word);
      } else if (line.length() + 1 + word.length() <= perLine) {
        line.append(' ').append(word);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    if (lines.size() > maxLines) {
      List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
      String last = cut.get(maxLines - 1);
      cut.set(maxLines - 1, last.substring(0, Math.max(0, Math.min(last.length(), perLine - 3))) + "...");
      return cut;
    }
    return lines;
  }

  private static void text(byte[][] rows, int x, int y, String s, int scale, int[] rgb) {
    for (int i = 0; i < s.length(); i++) {
      String[] glyph = FONT.get(s.charAt(i));
      if (glyph == null) {
        continue;
      }
      for (int gy = 0; gy < 7; gy++) {
        for (int gx = 0; gx < 5; gx++) {
          if (glyph[gy].charAt(gx) == '#') {
            fill(rows, x + (i * 6 + gx) * scale, y + gy * scale, scale, scale, rgb);
          }
        }
      }
    }
  }

  private static void fill(byte[][] rows, int x, int y, int w, int h, int[] rgb) {
    for (int yy = Math.max(0, y); yy < Math.min(HEIGHT, y + h); yy++) {
      byte[] row = rows[yy];
      for (int xx = Math.max(0, x); xx < Math.min(WIDTH, x + w); xx++) {
        row[xx * 3] = (byte) rgb[0];
        row[xx * 3 + 1] = (byte) rgb[1];
        row[xx * 3 + 2] = (byte) rgb[2];
      }
    }
  }

  // ------------------------------------------------------------------ colour

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : (s == null ? "" : s).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h ^ (h >>> 29);
  }

  private static int[] hsl(int hue, double s, double l) {
    double c = (1 - Math.abs(2 * l - 1)) * s;
    double hp = hue / 60.0;
    double x = c * (1 - Math.abs(hp % 2 - 1));
    double[] rgb = switch ((int) hp) {
      case 0 -> new double[] {c, x, 0};
      case 1 -> new double[] {x, c, 0};
      case 2 -> new double[] {0, c, x};
      case 3 -> new double[] {0, x, c};
      case 4 -> new double[] {x, 0, c};
      default -> new double[] {c, 0, x};
    };
    double m = l - c / 2;
    return new int[] {
      (int) Math.round((rgb[0] + m) * 255), (int) Math.round((rgb[1] + m) * 255), (int) Math.round((rgb[2] + m) * 255)
    };
  }

  // ------------------------------------------------------------------ PNG

  /** 8-bit RGB, no interlace, every row filter 0, zlib at a fixed level: the same pixels, the same bytes. */
  static byte[] encode(byte[][] rows) {
    try {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      Deflater deflater = new Deflater(6);
      try (DeflaterOutputStream z = new DeflaterOutputStream(raw, deflater, 64 * 1024)) {
        for (byte[] row : rows) {
          z.write(0);
          z.write(row);
        }
      } finally {
        deflater.end();
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream(raw.size() + 64);
      png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
      int32(ihdr, rows[0].length / 3);
      int32(ihdr, rows.length);
      ihdr.write(new byte[] {8, 2, 0, 0, 0});
      chunk(png, "IHDR", ihdr.toByteArray());
      chunk(png, "IDAT", raw.toByteArray());
      chunk(png, "IEND", new byte[0]);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    int32(out, data.length);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    int32(out, (int) crc.getValue());
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  // ------------------------------------------------------------------ font

  private static final Map<Character, String[]> FONT = new HashMap<>();

  private static void glyph(char c, String rows) {
    String[] r = rows.split(" ");
    if (r.length != 7) {
      throw new IllegalStateException("glyph " + c + " needs 7 rows");
    }
    for (String row : r) {
      if (row.length() != 5) {
        throw new IllegalStateException("glyph " + c + " rows are 5 wide");
      }
    }
    FONT.put(c, r);
  }

  static {
    glyph(' ', "..... ..... ..... ..... ..... ..... .....");
    glyph('A', ".###. #...# #...# ##### #...# #...# #...#");
    glyph('B', "####. #...# #...# ####. #...# #...# ####.");
    glyph('C', ".###. #...# #.... #.... #.... #...# .###.");
    glyph('D', "####. #...# #...# #...# #...# #...# ####.");
    glyph('E', "##### #.... #.... ####. #.... #.... #####");
    glyph('F', "##### #.... #.... ####. #.... #.... #....");
    glyph('G', ".###. #...# #.... #.### #...# #...# .####");
    glyph('H', "#...# #...# #...# ##### #...# #...# #...#");
    glyph('I', ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.");
    glyph('J', "..### ...#. ...#. ...#. ...#. #..#. .##..");
    glyph('K', "#...# #..#. #.#.. ##... #.#.. #..#. #...#");
    glyph('L', "#.... #.... #.... #.... #.... #.... #####");
    glyph('M', "#...# ##.## #.#.# #.#.# #...# #...# #...#");
    glyph('N', "#...# #...# ##..# #.#.# #..## #...# #...#");
    glyph('O', ".###. #...# #...# #...# #...# #...# .###.");
    glyph('P', "####. #...# #...# ####. #.... #.... #....");
    glyph('Q', ".###. #...# #...# #...# #.#.# #..#. .##.#");
    glyph('R', "####. #...# #...# ####. #.#.. #..#. #...#");
    glyph('S', ".#### #.... #.... .###. ....# ....# ####.");
    glyph('T', "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..");
    glyph('U', "#...# #...# #...# #...# #...# #...# .###.");
    glyph('V', "#...# #...# #...# #...# #...# .#.#. ..#..");
    glyph('W', "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.");
    glyph('X', "#...# #...# .#.#. ..#.. .#.#. #...# #...#");
    glyph('Y', "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..");
    glyph('Z', "##### ....# ...#. ..#.. .#... #.... #####");
    glyph('0', ".###. #...# #..## #.#.# ##..# #...# .###.");
    glyph('1', "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.");
    glyph('2', ".###. #...# ....# ...#. ..#.. .#... #####");
    glyph('3', "##### ...#. ..#.. ...#. ....# #...# .###.");
    glyph('4', "...#. ..##. .#.#. #..#. ##### ...#. ...#.");
    glyph('5', "##### #.... ####. ....# ....# #...# .###.");
    glyph('6', "..##. .#... #.... ####. #...# #...# .###.");
    glyph('7', "##### ....# ...#. ..#.. .#... .#... .#...");
    glyph('8', ".###. #...# #...# .###. #...# #...# .###.");
    glyph('9', ".###. #...# #...# .#### ....# ...#. .##..");
    glyph('.', "..... ..... ..... ..... ..... .##.. .##..");
    glyph(',', "..... ..... ..... ..... .##.. ..#.. .#...");
    glyph('!', "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..");
    glyph('?', ".###. #...# ....# ...#. ..#.. ..... ..#..");
    glyph('-', "..... ..... ..... ##### ..... ..... .....");
    glyph('\'', "..#.. ..#.. .#... ..... ..... ..... .....");
    glyph('"', ".#.#. .#.#. .#.#. ..... ..... ..... .....");
    glyph(':', "..... .##.. .##.. ..... .##.. .##.. .....");
    glyph('&', ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#");
    glyph('%', "##... ##..# ...#. ..#.. .#... #..## ...##");
    glyph('/', "..... ....# ...#. ..#.. .#... #.... .....");
    glyph('+', "..... ..#.. ..#.. ##### ..#.. ..#.. .....");
    glyph('(', "...#. ..#.. .#... .#... .#... ..#.. ...#.");
    glyph(')', ".#... ..#.. ...#. ...#. ...#. ..#.. .#...");
    glyph('#', ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.");
    glyph('$', "..#.. .#### #.#.. .###. ..#.# ####. ..#..");
    glyph('€', "..### .#... ####. .#... ####. .#... ..###");
  }
}
