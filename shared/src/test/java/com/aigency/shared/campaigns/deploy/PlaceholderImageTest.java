package com.aigency.shared.campaigns.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PlaceholderImageTest {

  @Test
  void aValidPngOfMetasLinkAdSize() throws Exception {
    byte[] png = PlaceholderImage.png("A rustic sourdough loaf on a wooden table, morning light");
    assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(PlaceholderImage.WIDTH).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(PlaceholderImage.HEIGHT).isEqualTo(628);
    // text was drawn: white pixels exist, and the corner has the background colour
    boolean white = false;
    for (int y = 0; y < image.getHeight() && !white; y++) {
      for (int x = 0; x < image.getWidth() && !white; x++) {
        white = (image.getRGB(x, y) & 0xffffff) == 0xffffff;
      }
    }
    assertThat(white).isTrue();
    assertThat(image.getRGB(5, 5) & 0xffffff).isNotEqualTo(0xffffff);
    assertThat(png.length).isLessThan(200_000);
  }

  @Test
  void theSamePromptGivesTheSameBytesAndAnotherPromptOthers() {
    byte[] a = PlaceholderImage.png("Sourdough, crust and crumb");
    assertThat(PlaceholderImage.png("Sourdough, crust and crumb")).isEqualTo(a);
    assertThat(PlaceholderImage.png("Croissants on a tray")).isNotEqualTo(a);
    assertThat(PlaceholderImage.png("")).isNotEmpty();
  }

  @Test
  void textIsUpperCasedWithoutAccentsAndWrapped() {
    assertThat(PlaceholderImage.glyphText("Crème brûlée & Straße {x}")).isEqualTo("CREME BRULEE & STRASSE X");
    assertThat(PlaceholderImage.wrap("AAA BBB CCC", 7, 5)).containsExactly("AAA BBB", "CCC");
    assertThat(PlaceholderImage.wrap("ABCDEFGHIJ", 4, 5)).containsExactly("ABCD", "EFGH", "IJ");
    assertThat(PlaceholderImage.wrap("A B C D E F", 1, 3)).hasSize(3);
  }
}
