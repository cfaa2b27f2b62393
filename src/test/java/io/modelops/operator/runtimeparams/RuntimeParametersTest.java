package io.modelops.operator.runtimeparams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.runtimeparams.RuntimeParameters.Definition;
import io.modelops.operator.runtimeparams.RuntimeParameters.SecretKey;
import io.modelops.operator.runtimeparams.RuntimeParameters.Value;
import io.modelops.operator.status.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeParametersTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static final Definition BOOST =
      new Definition(
          "THRESHOLD_BOOST",
          "numeric",
          Optional.of(json("0")),
          Optional.of(-1.0),
          Optional.of(1.0),
          true);
  static final Definition WAREHOUSE =
      new Definition(
          "WAREHOUSE", "credential", Optional.empty(), Optional.empty(), Optional.empty(), true);
  static final Definition REGION =
      new Definition(
          "REGION",
          "string",
          Optional.of(json("\"eu\"")),
          Optional.empty(),
          Optional.empty(),
          false);

  static Value value(int i, String name, String type, String json) {
    return new Value("spec.runtimeParameterValues[" + i + "]", name, type, json(json));
  }

  @Test
  void currentValueIsTheOverrideElseTheDefault() {
    var r =
        RuntimeParameters.resolve(
            List.of(BOOST, REGION), List.of(value(0, "THRESHOLD_BOOST", "numeric", "0.1")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.parameters().get(0).currentValue()).contains(json("0.1"));
    assertThat(r.parameters().get(0).defaultValue()).contains(json("0"));
    assertThat(r.parameters().get(1).currentValue()).contains(json("\"eu\""));
    assertThat(r.parameters().get(1).overrideValue()).isEmpty();
  }

  @Test
  void laterValueListsOverrideEarlierOnes() {
    var r =
        RuntimeParameters.resolve(
            List.of(BOOST),
            List.of(value(0, "THRESHOLD_BOOST", "numeric", "0.1")),
            List.of(value(0, "THRESHOLD_BOOST", "numeric", "-0.5")));
    assertThat(r.parameters().get(0).currentValue()).contains(json("-0.5"));
  }

  @Test
  void credentialsResolveToSecretReferencesAndNeverToValues() {
    var r =
        RuntimeParameters.resolve(
            List.of(WAREHOUSE),
            List.of(value(1, "WAREHOUSE", "credential", "{\"secretRef\":{\"name\":\"wh\"}}")));
    assertThat(r.problems()).isEmpty();
    var p = r.parameters().get(0);
    assertThat(p.credential()).contains(new SecretKey("wh", "credential"));
    assertThat(p.currentValue()).isEmpty();
  }

  @Test
  void refusesValuesThatBreakTheirDefinitionNamingTheField() {
    var r =
        RuntimeParameters.resolve(
            List.of(BOOST, WAREHOUSE, REGION),
            List.of(
                value(0, "THRESHOLD_BOOST", "numeric", "2"),
                value(1, "WAREHOUSE", "credential", "\"hunter2\""),
                value(2, "REGION", "string", "\"\""),
                value(3, "NOPE", "string", "\"x\""),
                value(4, "REGION", "numeric", "1")));
    assertThat(r.problems())
        .containsExactly(
            Problem.of(
                "InvalidRuntimeParameter",
                "spec.runtimeParameterValues[0] (THRESHOLD_BOOST):" + " 2 is above maxValue 1.0"),
            Problem.of(
                "InvalidRuntimeParameter",
                "spec.runtimeParameterValues[1] (WAREHOUSE): a"
                    + " credential is a reference {secretRef: {name, key}}, never a literal value"),
            Problem.of(
                "InvalidRuntimeParameter",
                "spec.runtimeParameterValues[2] (REGION): an empty"
                    + " value is not allowed (allowEmpty is false)"),
            Problem.of(
                "UnknownRuntimeParameter",
                "spec.runtimeParameterValues[3]: NOPE is not"
                    + " defined in runtimeParameterDefinitions"),
            Problem.of(
                "InvalidRuntimeParameter",
                "spec.runtimeParameterValues[4] (REGION): type"
                    + " numeric does not match the definition's type string"));
  }

  @Test
  void aParameterThatMayNotBeEmptyNeedsAValue() {
    Definition required =
        new Definition(
            "TOKEN_URL", "string", Optional.empty(), Optional.empty(), Optional.empty(), false);
    assertThat(RuntimeParameters.resolve(List.of(required), List.of()).problems())
        .containsExactly(
            Problem.of(
                "MissingRuntimeParameter",
                "runtime parameter TOKEN_URL has"
                    + " no value and no defaultValue, and allowEmpty is false"));
  }
}
