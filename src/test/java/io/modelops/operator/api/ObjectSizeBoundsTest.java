package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No object of any kind can come near etcd's 1.5 MiB: the largest spec each generated CRD admits,
 * computed from its schema ({@link WorstCaseSize}), stays within {@link #SPEC_BUDGET}, and every
 * string, array and map of a spec has a bound. A new field without a limit fails here.
 */
class ObjectSizeBoundsTest {
  /**
   * The largest spec, in bytes of stored JSON. The status the operator writes repeats at most the
   * spec's runtime parameters (a version's report), and metadata is bounded by the API server
   * (annotations at 256 KiB): an object stays under 1 MiB.
   */
  static final long SPEC_BUDGET = 320 * 1024;

  /**
   * What the schema cannot bound by itself, with the bound that holds instead: nothing (a new entry
   * needs a reason why the schema cannot bound the field).
   */
  static final Map<String, WorstCaseSize.Allowance> ALLOWANCES = Map.of();

  static final Map<String, String> CLOSED =
      Map.of(
          "spec.runtimeParameterValues[].value",
          "maxProperties 1, and an object is allowed only for type credential, which requires"
              + " secretRef: an object value is exactly {secretRef}");

  static List<String> plurals() {
    return GeneratedCrds.PLURALS;
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void everyStringArrayAndMapOfTheSpecIsBounded(String plural) {
    var result = worstCase(plural);
    assertThat(result.unbounded()).as(plural + ": fields without a bound").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("plurals")
  void theLargestSpecStaysWithinTheBudget(String plural) {
    var result = worstCase(plural);
    System.out.printf(
        "%s: largest spec %d bytes (%.0f KiB), allowances %s, largest fields %s%n",
        plural, result.bytes(), result.bytes() / 1024.0, result.allowed(), result.largest());
    assertThat(result.bytes())
        .as(plural + ": largest spec in bytes")
        .isLessThanOrEqualTo(SPEC_BUDGET);
  }

  private static WorstCaseSize.Result worstCase(String plural) {
    return WorstCaseSize.of(
        GeneratedCrds.schema(plural).path("properties").path("spec"), "spec", ALLOWANCES, CLOSED);
  }
}
