package io.modelops.operator.custommodelversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.lookup.FixedLookups;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link CustomModelVersionValidator} refuses, every problem at once — including each spec
 * that pod assembly would otherwise refuse with an exception mid-reconcile — and when a version's
 * Secret/ConfigMap/PVC references are looked up again, and when not.
 */
class CustomModelVersionValidatorTest {
  private static final NamespaceLookups LIVE = FixedLookups.of(Map.of(), Set.of(), Set.of());

  private static CustomModelVersion version(
      long generation, Long observed, ConditionStatus validated) {
    CustomModelVersion v = new CustomModelVersion();
    v.setMetadata(
        new ObjectMetaBuilder()
            .withName("v1")
            .withNamespace("ns")
            .withGeneration(generation)
            .build());
    if (observed != null) {
      CustomModelVersionStatus status = new CustomModelVersionStatus();
      status.setObservedGeneration(observed);
      Condition c = new Condition();
      c.setType(Conditions.VALIDATED);
      c.setStatus(validated);
      c.setReason(validated == ConditionStatus.TRUE ? "Validated" : "SecretNotFound");
      status.setConditions(List.of(c));
      v.setStatus(status);
    }
    return v;
  }

  @Test
  void aVersionValidatedAtItsGenerationIsNotLookedUpAgain() {
    assertThat(
            CustomModelVersionValidator.lookupsFor(
                version(3, 3L, ConditionStatus.TRUE), () -> LIVE))
        .isSameAs(NamespaceLookups.VERIFIED);
  }

  @Test
  void aNewVersionIsLookedUp() {
    assertThat(CustomModelVersionValidator.lookupsFor(version(1, null, null), () -> LIVE))
        .isSameAs(LIVE);
  }

  @Test
  void aVersionValidatedAtAnOlderGenerationIsLookedUpAgain() {
    assertThat(
            CustomModelVersionValidator.lookupsFor(
                version(4, 3L, ConditionStatus.TRUE), () -> LIVE))
        .isSameAs(LIVE);
  }

  @Test
  void aRefusedVersionIsLookedUpAgainSoItCanHeal() {
    assertThat(
            CustomModelVersionValidator.lookupsFor(
                version(3, 3L, ConditionStatus.FALSE), () -> LIVE))
        .isSameAs(LIVE);
  }

  @Test
  void verifiedLookupsFindEverything() {
    assertThat(NamespaceLookups.VERIFIED.secret("any", "key"))
        .isEqualTo(NamespaceLookups.SecretState.PRESENT);
    assertThat(NamespaceLookups.VERIFIED.configMapExists("any")).isTrue();
    assertThat(NamespaceLookups.VERIFIED.persistentVolumeClaimExists("any")).isTrue();
  }

  static final ExecutionEnvironment PY =
      Serialization.unmarshal(
          """
      apiVersion: modelops.io/v1alpha1
      kind: ExecutionEnvironment
      metadata: {name: py}
      spec:
        programmingLanguage: python
        versions: [{label: "1", image: "python:3.11"}, {label: "blank", image: " "}]
        latestVersion: "1"
      """,
          ExecutionEnvironment.class);
  static final NamespaceLookups FOUND =
      FixedLookups.of(Map.of("db", Set.of("credential")), Set.of("code"), Set.of("models"));

  static CustomModelVersion spec(String spec) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: v1, namespace: ns, generation: 1}
        spec:
          customModelRef: {name: churn}
        %s
        """
            .formatted(spec.indent(2)),
        CustomModelVersion.class);
  }

  static CustomModelVersionValidator.Outcome validate(String spec) {
    return CustomModelVersionValidator.validate(
        spec(spec),
        Optional.of(new CustomModel()),
        name -> name.equals("py") ? Optional.of(PY) : Optional.empty(),
        FOUND);
  }

  static final String VALID =
      """
      environment: {name: py}
      code: {configMap: {name: code}}
      """;

  /** Each row: a spec pod assembly cannot take, and the problem that refuses it first. */
  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            "required metadata taking over a variable of the serving pod",
            VALID + "requiredMetadataValues: [{fieldName: TARGET_TYPE, value: x}]",
            Reasons.ENVIRONMENT_VARIABLE_CONFLICT,
            "spec.requiredMetadataValues[0].fieldName:"
                + " TARGET_TYPE is an environment variable the model's pod already sets"),
        Arguments.of(
            "required metadata taking over HOME",
            VALID + "requiredMetadataValues: [{fieldName: HOME, value: /root}]",
            Reasons.ENVIRONMENT_VARIABLE_CONFLICT,
            "spec.requiredMetadataValues[0].fieldName:" + " HOME"),
        Arguments.of(
            "required metadata taking over a runtime parameter's variable",
            VALID
                + """
                runtimeParameterDefinitions: [{fieldName: X, type: string, defaultValue: a}]
                requiredMetadataValues: [{fieldName: MLOPS_RUNTIME_PARAM_X, value: b}]
                """,
            Reasons.ENVIRONMENT_VARIABLE_CONFLICT,
            "spec.requiredMetadataValues[0].fieldName:" + " MLOPS_RUNTIME_PARAM_X"),
        Arguments.of(
            "an optional credential left empty",
            VALID + "runtimeParameterDefinitions: [{fieldName: DB, type: credential}]",
            Reasons.MISSING_RUNTIME_PARAMETER,
            "runtime parameter DB is a credential and needs" + " a value"),
        Arguments.of(
            "a credential with a literal default",
            VALID
                + """
                runtimeParameterDefinitions: [{fieldName: DB, type: credential,
                                               defaultValue: hunter2}]
                """,
            Reasons.INVALID_RUNTIME_PARAMETER,
            "runtime parameter DB defaultValue: a credential" + " is a reference"),
        Arguments.of(
            "an entry point outside the code directory",
            VALID + "entryPoint: ../start.sh",
            Reasons.INVALID_SPEC,
            "spec.entryPoint: \"../start.sh\" must be a relative path"),
        Arguments.of(
            "an absolute entry point",
            VALID + "entryPoint: /bin/sh",
            Reasons.INVALID_SPEC,
            "spec.entryPoint: \"/bin/sh\" must be a relative path"),
        Arguments.of(
            "two code sources",
            "environment: {name: py}\ncode: {configMap: {name: code}, image: busybox}",
            Reasons.INVALID_SPEC,
            "spec.code: set exactly one of"),
        Arguments.of(
            "no code source",
            "environment: {name: py}\ncode: {}",
            Reasons.INVALID_SPEC,
            "spec.code: set exactly one of"),
        Arguments.of(
            "a git path leaving the repository",
            "environment: {name: py}\ncode: {git: {url: \"https://g/x.git\", path: a/../..}}",
            Reasons.INVALID_SPEC,
            "spec.code.git.path: \"a/../..\" must be a relative path"),
        Arguments.of(
            "a git source without a URL",
            "environment: {name: py}\ncode: {git: {ref: main}}",
            Reasons.INVALID_SPEC,
            "spec.code.git.url is required"),
        Arguments.of(
            "an environment version whose image is blank",
            "environment: {name: py, version: blank}\ncode: {configMap: {name: code}}",
            Reasons.ENVIRONMENT_VERSION_NOT_FOUND,
            "spec.environment.version:"
                + " ExecutionEnvironment \"py\" has no version \"blank\" with an image"),
        Arguments.of(
            "a required metadata value without a value",
            VALID + "requiredMetadataValues: [{fieldName: FAMILY}]",
            Reasons.INVALID_SPEC,
            "spec.requiredMetadataValues[0].value is required"),
        Arguments.of(
            "a runtime parameter defined twice",
            VALID
                + """
                runtimeParameterDefinitions: [{fieldName: X, type: string, defaultValue: a},
                                              {fieldName: X, type: string, defaultValue: b}]
                """,
            Reasons.INVALID_SPEC,
            "spec.runtimeParameterDefinitions[1].fieldName: X is defined" + " twice"),
        Arguments.of(
            "a runtime parameter name that is no variable name",
            VALID
                + "runtimeParameterDefinitions: [{fieldName: a.b, type: string,"
                + " defaultValue: a}]",
            Reasons.INVALID_SPEC,
            "spec.runtimeParameterDefinitions[0].fieldName: \"a.b\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesBeforeAssembly(String row, String spec, String reason, String message) {
    var outcome = validate(spec);

    assertThat(outcome.resolved()).isEmpty();
    assertThat(outcome.problems())
        .anySatisfy(
            p -> {
              assertThat(p.reason()).isEqualTo(reason);
              assertThat(p.message()).startsWith(message);
            });
  }

  @Test
  void aValidVersionResolvesWhatItsPodNeeds() {
    var outcome =
        validate(
            """
        environment: {name: py}
        code: {git: {url: "https://g/x.git"}}
        runtimeParameterDefinitions: [{fieldName: DB, type: credential}]
        runtimeParameterValues: [{fieldName: DB, type: credential, value: {secretRef: {name: db}}}]
        """);

    assertThat(outcome.problems()).isEmpty();
    var resolved = outcome.resolved().orElseThrow();
    assertThat(resolved.environment().image()).isEqualTo("python:3.11");
    assertThat(resolved.entryPoint()).isEqualTo("start_server.sh");
    // No path and no ref: the repository's root at the remote's HEAD, as the API documents.
    assertThat(resolved.code())
        .isEqualTo(
            new io.modelops.operator.pod.CodeOrigin.GitCode(
                "https://g/x.git", "HEAD", "", Optional.empty()));
    assertThat(resolved.podParameters()).hasSize(1);
  }

  @Test
  void reportsEveryProblemAtOnceWithTheMissingModelFirst() {
    var outcome =
        CustomModelVersionValidator.validate(
            spec(
                """
            environment: {name: nope}
            code: {configMap: {name: missing}}
            entryPoint: /abs
            """),
            Optional.empty(),
            name -> Optional.empty(),
            FOUND);

    assertThat(outcome.problems())
        .extracting(Problem::reason)
        .containsExactly(
            Reasons.MODEL_NOT_FOUND,
            Reasons.ENVIRONMENT_NOT_FOUND,
            Reasons.CONFIG_MAP_NOT_FOUND,
            Reasons.INVALID_SPEC);
    assertThat(outcome.problems().get(0).message())
        .isEqualTo(
            "spec.customModelRef.name: CustomModel \"churn\" does not exist in namespace ns");
  }
}
