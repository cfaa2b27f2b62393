package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
  @TempDir Path dir;

  private Path csv(String content) throws Exception {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void numericColumnsAreNumbersOtherColumnsStringsEmptyCellsNull() throws Exception {
    Dataset d =
        DatasetReader.read(
            csv("id,zip,amount,city,target\n1,02134,1.5,\"Paris, FR\",yes\n2,10115,,Berlin,no\n"),
            Set.of("target"));

    assertThat(d.features()).containsExactly("id", "zip", "amount", "city");
    assertThat(d.rows().get(0))
        .containsExactly(new BigDecimal("1"), "02134", new BigDecimal("1.5"), "Paris, FR", "yes");
    assertThat(d.rows().get(1)).containsExactly(new BigDecimal("2"), "10115", null, "Berlin", "no");
    assertThat(d.features(0, 2, "city"))
        .containsEntry("city", Arrays.asList(null, null))
        .containsEntry("amount", Arrays.asList(new BigDecimal("1.5"), null))
        .doesNotContainKey("target");
  }

  @Test
  void refusesMoreRowsThanTheLimit() throws Exception {
    StringBuilder s = new StringBuilder("a\n");
    for (int i = 0; i <= DatasetReader.MAX_ROWS; i++) {
      s.append(i).append('\n');
    }
    Path file = csv(s.toString());
    assertThatThrownBy(() -> DatasetReader.read(file, Set.of()))
        .hasMessage(
            "The dataset data.csv has more than 10000 rows; the tester reads at most 10000: test"
                + " with a sample of the data.");
  }

  @Test
  void refusesAFileLargerThanTheLimitBeforeReadingIt() throws Exception {
    Path file = dir.resolve("huge.csv");
    try (var out = Files.newOutputStream(file)) {
      out.write("a\n".getBytes());
      byte[] line = "1234567890123456789012345678901234567890\n".getBytes();
      for (long written = 0; written <= DatasetReader.MAX_BYTES; written += line.length) {
        out.write(line);
      }
    }
    assertThatThrownBy(() -> DatasetReader.read(file, Set.of()))
        .hasMessageStartingWith("The dataset huge.csv has ")
        .hasMessageEndingWith(
            " bytes; the tester reads at most 10485760 bytes: test with a sample of the data.");
  }

  @Test
  void namesTheRowWithTooFewValuesAndTheProblemsOfTheHeader() throws Exception {
    Path ragged = csv("a,b\n1,2\n3\n");
    assertThatThrownBy(() -> DatasetReader.read(ragged, Set.of()))
        .hasMessage("Row 2 of the dataset has 1 values but the header names 2 columns.");
    Path twice = csv("a,a\n1,2\n");
    assertThatThrownBy(() -> DatasetReader.read(twice, Set.of()))
        .hasMessage("The dataset data.csv names the column a twice in its header row.");
    Path headerOnly = csv("a,b\n");
    assertThatThrownBy(() -> DatasetReader.read(headerOnly, Set.of()))
        .hasMessage("The dataset data.csv has a header row but no data rows.");
    assertThatThrownBy(() -> DatasetReader.read(dir.resolve("missing.csv"), Set.of()))
        .hasMessage("The dataset file missing.csv does not exist.");
    Path unnamed = csv("a,,c\n1,2,3\n");
    assertThatThrownBy(() -> DatasetReader.read(unnamed, Set.of()))
        .hasMessage("Column 2 of the dataset data.csv has no name in the header row.");
    Path wide = csv("c" + String.join(",c", Collections.nCopies(1001, "x")) + "\n");
    assertThatThrownBy(() -> DatasetReader.read(wide, Set.of()))
        .hasMessageStartingWith("The dataset data.csv has 1001 columns; at most 1000 are read.");
    Path unclosed = csv("a,b\n1,\"2\n");
    assertThatThrownBy(() -> DatasetReader.read(unclosed, Set.of()))
        .hasMessage("The dataset data.csv is not a readable UTF-8 CSV file with a header row.");
    Path empty = csv("");
    assertThatThrownBy(() -> DatasetReader.read(empty, Set.of()))
        .hasMessage("The dataset data.csv is empty: it needs a header row.");
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstColumnsName() throws Exception {
    Dataset d = DatasetReader.read(csv("\uFEFFtenure,plan\n1,basic\n"), Set.of());
    assertThat(d.columns()).containsExactly("tenure", "plan");
  }

  @Test
  void columnsAreKeptInFileOrder() throws Exception {
    Dataset d = DatasetReader.read(csv("z,y,x\n1,2,3\n"), Set.of("y"));
    assertThat(d.columns()).isEqualTo(List.of("z", "y", "x"));
    assertThat(d.features(0, 1).keySet()).containsExactly("z", "x");
  }
}
