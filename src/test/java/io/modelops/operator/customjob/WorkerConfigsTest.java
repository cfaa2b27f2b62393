package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobSpec;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerConfigsTest {
  private static final String FIELD = "spec.workerConfig";

  private static String json(String text) {
    return Serialization.asJson(WorkerConfigs.parse(text, FIELD).json().orElseThrow());
  }

  private static Problem problem(String text) {
    return WorkerConfigs.parse(text, FIELD).problem().orElseThrow();
  }

  @Test
  void yamlAndJsonTextBecomeTheSameJsonDocument() {
    String yaml =
        """
        inputs:
          input_df:
            type: dataset
            columnMapping: {target_column: [price]}
            ignoreColumns: []
        settings:
          presets: medium_quality
          timeLimitSeconds: 3600
          learningRate: 0.05
          stackModels: true
          cutoff: 2024-01-31
        """;
    String expected =
        "{\"inputs\":{\"input_df\":{\"type\":\"dataset\",\"columnMapping\":{\"target_column\":"
            + "[\"price\"]},\"ignoreColumns\":[]}},\"settings\":{\"presets\":\"medium_quality\","
            + "\"timeLimitSeconds\":3600,\"learningRate\":0.05,\"stackModels\":true,"
            + "\"cutoff\":\"2024-01-31\"}}";
    assertThat(json(yaml)).isEqualTo(expected);
    assertThat(json(expected)).as("JSON is YAML too").isEqualTo(expected);
  }

  @Test
  void noWorkerConfigIsNeitherADocumentNorAProblem() {
    var parsed = WorkerConfigs.parse(null, FIELD);
    assertThat(parsed.json()).isEmpty();
    assertThat(parsed.problem()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'[a, b]'|a list",
        "'just text'|a single value",
        "'42'|a single value",
        "'# only a comment'|empty",
        "'   '|empty"
      })
  void anythingButAMappingAtTheTopIsRefusedSayingWhatItIs(String text, String what) {
    assertThat(problem(text))
        .isEqualTo(
            Problem.of(
                Reasons.INVALID_WORKER_CONFIG,
                "spec.workerConfig must be a mapping at its top level (for example inputs:,"
                    + " outputs:, settings:), not "
                    + what));
  }

  @Test
  void textThatDoesNotParseIsRefusedWithItsLineAndColumnAndNoParserText() {
    Problem problem = problem("inputs:\n  a: {type: dataset\noutputs: [");
    assertThat(problem.reason()).isEqualTo(Reasons.INVALID_WORKER_CONFIG);
    assertThat(problem.message())
        .matches("spec\\.workerConfig is not valid YAML or JSON \\(line \\d+, column \\d+\\)")
        .doesNotContain("Exception")
        .doesNotContain("snakeyaml");
  }

  @Test
  void anAliasIsRefusedSoASmallTextCannotExpandIntoALargeDocument() {
    // The classic "billion laughs": nine levels of nine aliases.
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char level = 'b'; level <= 'i'; level++) {
      char previous = (char) (level - 1);
      bomb.append(level)
          .append(": &")
          .append(level)
          .append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*" + previous)))
          .append("]\n");
    }
    assertThat(problem(bomb.toString()))
        .isEqualTo(
            Problem.of(
                Reasons.INVALID_WORKER_CONFIG,
                "spec.workerConfig uses a YAML alias (line 2, column 8); write the value out"
                    + " instead of referring to an anchor"));
  }

  @Test
  void duplicateKeysAndASecondDocumentAreRefused() {
    assertThat(problem("a: 1\na: 2").message())
        .startsWith("spec.workerConfig is not valid YAML or JSON (line 2");
    assertThat(problem("a: 1\n---\nb: 2"))
        .isEqualTo(
            Problem.of(
                Reasons.INVALID_WORKER_CONFIG,
                "spec.workerConfig holds more than one YAML document; write a single mapping"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'a: .inf'|' (line 1, column 8)'",
        "'a: {b: [1, .nan]}'|' (line 1, column 16)'",
        "'a: 1e400'|' at a'",
        "'a: {b: [1, -1e999]}'|' at a.b[1]'"
      })
  void numbersJsonCannotCarryAreRefusedNamingWhereTheyAre(String text, String where) {
    assertThat(problem(text))
        .isEqualTo(
            Problem.of(
                Reasons.INVALID_WORKER_CONFIG,
                "spec.workerConfig holds a number JSON cannot carry (.inf, .nan or out of range)"
                    + where
                    + "; write it as a string"));
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep =
        "a: " + "[".repeat(WorkerConfigs.MAX_DEPTH + 1) + "]".repeat(WorkerConfigs.MAX_DEPTH + 1);
    assertThat(problem(deep).reason()).isEqualTo(Reasons.INVALID_WORKER_CONFIG);
    String fits =
        "a: " + "[".repeat(WorkerConfigs.MAX_DEPTH - 2) + "]".repeat(WorkerConfigs.MAX_DEPTH - 2);
    assertThat(WorkerConfigs.parse(fits, FIELD).problem()).isEmpty();
  }

  @Test
  void theJsonItBecomesIsMeasuredAsTheApiServerStoresIt() {
    // {"notes":"…"} is 12 bytes around the text.
    String escaped = "notes: \"<" + "x".repeat(5000) + "\"";
    assertThat(WorkerConfigs.storedJsonBytes(WorkerConfigs.parse(escaped, FIELD).json().get()))
        .isEqualTo(12 + 5 + 1 + 5000);
    String over = "notes: \"" + "&".repeat(6000) + "\"";
    assertThat(problem(over))
        .isEqualTo(
            Problem.of(
                Reasons.LIMIT_EXCEEDED,
                "spec.workerConfig: 36012 bytes as JSON, more than the 32768 allowed; keep large"
                    + " inputs in a dataset or a ConfigMap"));
  }

  @Test
  void textLongerThanTheSchemaAllowsIsRefusedWhenTheSchemaWasNotThere() {
    String tooLong = "notes: " + "x".repeat(WorkerConfigs.MAX_CHARACTERS);
    assertThat(problem(tooLong))
        .isEqualTo(
            Problem.of(
                Reasons.LIMIT_EXCEEDED,
                "spec.workerConfig: 16391 characters, more than the 16384 allowed; keep large"
                    + " inputs in a dataset or a ConfigMap"));
  }

  @Test
  void aJobStoredWhileTheFieldWasAMappingIsRefusedNotRunWithItsContentLost() {
    // What the API server returns for such a job: the mapping, emptied by pruning.
    CustomJobSpec spec = Serialization.unmarshal("{\"workerConfig\": {}}", CustomJobSpec.class);
    assertThat(WorkerConfigs.parse(spec.getWorkerConfig(), FIELD))
        .isEqualTo(
            new WorkerConfigs.Parsed(
                Optional.empty(),
                Optional.of(
                    Problem.of(
                        Reasons.INVALID_WORKER_CONFIG,
                        "spec.workerConfig is stored as a mapping, from before the field became"
                            + " YAML text, and the API server no longer returns its content;"
                            + " write it again as text (workerConfig: |)"))));
    CustomJobSpec text =
        Serialization.unmarshal("{\"workerConfig\": \"a: 1\"}", CustomJobSpec.class);
    assertThat(text.getWorkerConfig()).isEqualTo("a: 1");
  }
}
