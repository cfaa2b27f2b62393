package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked-in CRDs are exactly what the build generates, and small enough to apply. */
class CrdsCheckedInTest {
  private static final long MAX_BYTES = 256 * 1024;
  private static final String HINT = "run dev/scripts/sync-crds.sh after ./mvnw process-classes";

  @Test
  void buildGeneratesOneCrdPerKind() {
    assertThat(GeneratedCrds.files(GeneratedCrds.generatedDir()))
        .map(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(
            GeneratedCrds.PLURALS.stream().map(GeneratedCrds::fileName).toList());
  }

  @Test
  void crdsDirectoryMatchesGeneratedCrds() throws IOException {
    assertSameFiles(GeneratedCrds.checkedInDir());
  }

  @Test
  void chartCrdsDirectoryMatchesGeneratedCrds() throws IOException {
    assertSameFiles(GeneratedCrds.chartDir());
  }

  @Test
  void everyCrdIsWellUnder256KiB() throws IOException {
    for (Path file : GeneratedCrds.files(GeneratedCrds.generatedDir())) {
      long size = Files.size(file);
      System.out.printf("%-45s %7d bytes (%.1f KiB)%n", file.getFileName(), size, size / 1024.0);
      assertThat(size)
          .as("%s is %d bytes; kubectl apply (client-side) needs < 256 KiB", file, size)
          .isLessThan(MAX_BYTES);
    }
  }

  private static void assertSameFiles(Path dir) throws IOException {
    List<Path> generated = GeneratedCrds.files(GeneratedCrds.generatedDir());
    assertThat(generated).as("generated CRDs").isNotEmpty();
    assertThat(GeneratedCrds.files(dir))
        .as("CRD files in %s differ from the generated ones: %s", dir, HINT)
        .map(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(
            generated.stream().map(p -> p.getFileName().toString()).toList());
    for (Path file : generated) {
      Path copy = dir.resolve(file.getFileName());
      assertThat(Files.readString(copy))
          .as("%s differs from the generated %s: %s", copy, file, HINT)
          .isEqualTo(Files.readString(file));
    }
  }
}
