package io.modelops.operator.customjobrun;

import static io.modelops.operator.customjobrun.RunFixtures.CONFIG;
import static io.modelops.operator.customjobrun.RunFixtures.lookups;
import static io.modelops.operator.customjobrun.RunFixtures.model;
import static io.modelops.operator.customjobrun.RunFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobSpec;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CustomJobRunValidatorTest {
  /** The fixture's job with the fields {@code extra} sets replaced. */
  static CustomJob job(String extra) {
    CustomJob job = RunFixtures.job("");
    CustomJobSpec given =
        Serialization.unmarshal("---\n" + (extra.isBlank() ? "{}" : extra), CustomJobSpec.class);
    CustomJobSpec spec = job.getSpec();
    Optional.ofNullable(given.getEnvironment()).ifPresent(spec::setEnvironment);
    Optional.ofNullable(given.getCode()).ifPresent(spec::setCode);
    Optional.ofNullable(given.getRuntimeParameterDefinitions())
        .ifPresent(spec::setRuntimeParameterDefinitions);
    Optional.ofNullable(given.getRuntimeParameterValues())
        .ifPresent(spec::setRuntimeParameterValues);
    Optional.ofNullable(given.getResources()).ifPresent(spec::setResources);
    Optional.ofNullable(given.getSidecarModelRef()).ifPresent(spec::setSidecarModelRef);
    return job;
  }

  static CustomJobRunValidator.Result validate(String extra) {
    return CustomJobRunValidator.validate(
        run(), Optional.of(job(extra)), CONFIG.egress(), () -> lookups(Optional.empty()));
  }

  /**
   * A row per problem: what the job adds to a valid one, the one problem it causes, and whether the
   * run waits for it (an object that may still come) rather than failing.
   */
  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of(
            "environment: {name: gone}",
            Problem.of(
                Reasons.ENVIRONMENT_NOT_FOUND,
                "CustomJob metrics spec.environment.name: ExecutionEnvironment \"gone\" does not"
                    + " exist"),
            true),
        Arguments.of(
            "code: {configMap: {name: nope}}",
            Problem.of(
                Reasons.CONFIG_MAP_NOT_FOUND,
                "CustomJob metrics spec.code.configMap.name: ConfigMap \"nope\" does not exist in"
                    + " namespace team-a"),
            false),
        Arguments.of(
            "code: {git: {url: \"https://git.example/x\", secretRef: {name: creds," + " key: pw}}}",
            Problem.of(
                Reasons.SECRET_KEY_NOT_FOUND,
                "CustomJob metrics spec.code.git.secretRef: Secret \"creds\" has no key"
                    + " \"pw\""),
            false),
        Arguments.of(
            """
            runtimeParameterDefinitions: [{fieldName: WINDOW, type: numeric},
                                          {fieldName: TOKEN, type: credential}]
            runtimeParameterValues: [{fieldName: TOKEN, type: credential,
                                      value: {secretRef: {name: nope}}}]
            """,
            Problem.of(
                Reasons.SECRET_NOT_FOUND,
                "runtime parameter TOKEN secretRef: Secret \"nope\" does not exist in namespace"
                    + " team-a"),
            false),
        Arguments.of(
            "resources: {resourceBundleRef: {name: huge}}",
            Problem.of(
                Reasons.BUNDLE_NOT_FOUND,
                "CustomJob metrics spec.resources.resourceBundleRef.name:"
                    + " ResourceBundle \"huge\" does not exist"),
            true),
        Arguments.of(
            "sidecarModelRef: {name: churn}",
            Problem.of(
                Reasons.MODEL_NOT_FOUND,
                "CustomJob metrics spec.sidecarModelRef.name: CustomModel \"churn\" does not exist"
                    + " or has no endpoint yet in namespace team-a"),
            true));
  }

  @ParameterizedTest
  @MethodSource
  void problems(String extra, Problem expected, boolean waits) {
    var result = validate(extra);
    assertThat(result.problems()).containsExactly(expected);
    assertThat(result.resolved()).isEmpty();
    assertThat(result.waits()).isEqualTo(waits);
  }

  @Test
  void everyProblemAtOnceInFieldOrder() {
    var result =
        validate(
            """
        environment: {name: gone}
        code: {configMap: {name: nope}}
        sidecarModelRef: {name: churn}
        """);
    assertThat(result.problems())
        .extracting(Problem::reason)
        .containsExactly(
            Reasons.ENVIRONMENT_NOT_FOUND, Reasons.CONFIG_MAP_NOT_FOUND, Reasons.MODEL_NOT_FOUND);
    assertThat(result.summary().reason()).isEqualTo(Reasons.ENVIRONMENT_NOT_FOUND);
    assertThat(result.summary().message()).contains("; CustomJob metrics spec.code.configMap");
    assertThat(result.waits()).as("a missing ConfigMap fails the run at once").isFalse();
  }

  @Test
  void aRunOfAMissingJobWaitsForItWithoutLookingAnythingUp() {
    var result =
        CustomJobRunValidator.validate(
            run(),
            Optional.empty(),
            CONFIG.egress(),
            () -> {
              throw new AssertionError("no lookups without a job");
            });
    assertThat(result.waits()).isTrue();
    assertThat(result.problems())
        .containsExactly(
            Problem.of(
                Reasons.CUSTOM_JOB_NOT_FOUND,
                "spec.customJobRef.name: CustomJob \"metrics\" does not exist in namespace team-a"));
  }

  @Test
  void aValidRunComesBackResolved() {
    var result =
        CustomJobRunValidator.validate(
            run(),
            Optional.of(job("sidecarModelRef: {name: churn}")),
            CONFIG.egress(),
            () -> lookups(Optional.of(model("http://churn:8080/"))));
    assertThat(result.problems()).isEmpty();
    var resolved = result.resolved().orElseThrow();
    assertThat(resolved.image()).isEqualTo("python:3.11");
    assertThat(resolved.parameters())
        .singleElement()
        .satisfies(p -> assertThat(p.currentValue().orElseThrow().asInt()).isEqualTo(7));
    assertThat(resolved.resources()).containsEntry("cpu", new Quantity("2"));
    assertThat(resolved.sidecar())
        .contains(new CustomJobRunValidator.Sidecar("churn", "http://churn:8080/"));
  }

  @Test
  void withoutBundleOrDefaultTheRunGetsOneCpuAndOneGibibyte() {
    var result =
        CustomJobRunValidator.validate(
            run(),
            Optional.of(job("")),
            CONFIG.egress(),
            () ->
                new CustomJobRunValidator.Lookups(
                    name -> Optional.empty(),
                    Map.of(),
                    lookups(Optional.empty()).namespace(),
                    name -> Optional.empty()));
    assertThat(result.resolved().orElseThrow().resources())
        .isEqualTo(CustomJobRunValidator.DEFAULT_RESOURCES);
    assertThat(List.of(result.valid())).containsExactly(true);
  }
}
