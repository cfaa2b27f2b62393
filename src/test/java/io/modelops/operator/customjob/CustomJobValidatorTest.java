package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CustomJobValidatorTest {
  static CustomJob job(String schedule) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: nightly, namespace: team-a}
        spec:
          environment: {image: "python:3.11"}
          code: {configMap: {name: code}}
        %s
        """
            .formatted(schedule.indent(2)),
        CustomJob.class);
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of(
            "schedule: {cron: \"61 * * * *\"}",
            List.of(
                Problem.of(
                    Reasons.INVALID_SCHEDULE,
                    "schedule.cron \"61 * * * *\" is not a valid cron expression"))),
        Arguments.of(
            "schedule: {cron: \"0 * * * *\", timeZone: Mars/Olympus}",
            List.of(
                Problem.of(
                    Reasons.INVALID_SCHEDULE,
                    "schedule.timeZone \"Mars/Olympus\" is not a known time zone"))),
        // Every problem at once, in field order.
        Arguments.of(
            "schedule: {cron: \"61 * * * *\", timeZone: Mars/Olympus}",
            List.of(
                Problem.of(
                    Reasons.INVALID_SCHEDULE,
                    "schedule.timeZone \"Mars/Olympus\" is not a known time zone"),
                Problem.of(
                    Reasons.INVALID_SCHEDULE,
                    "schedule.cron \"61 * * * *\" is not a valid cron expression"))),
        // The structured form is checked as the cron expression it becomes.
        Arguments.of(
            """
            schedule: {minute: [75], hour: ["*"], dayOfMonth: ["*"], month: ["*"],
                       dayOfWeek: ["*"]}
            """,
            List.of(
                Problem.of(
                    Reasons.INVALID_SCHEDULE,
                    "schedule.cron \"75 * * * *\" is not a valid cron expression"))));
  }

  @ParameterizedTest
  @MethodSource
  void problems(String schedule, List<Problem> expected) {
    var result = CustomJobValidator.validate(job(schedule), EgressRules.defaults());
    assertThat(result.problems()).containsExactlyElementsOf(expected);
    assertThat(result.valid()).isFalse();
    assertThat(result.schedule()).isEmpty();
  }

  @Test
  void problemsAreSummedUpUnderTheFirstReason() {
    var result =
        CustomJobValidator.validate(
            job("schedule: {cron: \"61 * * * *\", timeZone: Mars/Olympus}"),
            EgressRules.defaults());
    assertThat(result.summary())
        .isEqualTo(
            Problem.of(
                Reasons.INVALID_SCHEDULE,
                "schedule.timeZone \"Mars/Olympus\" is not a known time zone; schedule.cron"
                    + " \"61 * * * *\" is not a valid cron expression"));
  }

  @Test
  void aJobWithoutScheduleIsValidAndManual() {
    var result = CustomJobValidator.validate(job(""), EgressRules.defaults());
    assertThat(result.valid()).isTrue();
    assertThat(result.schedule()).isEmpty();
  }

  @Test
  void aValidScheduleComesBackParsedInItsZone() {
    var result =
        CustomJobValidator.validate(
            job(
                """
        schedule: {minute: [0], hour: [3], dayOfMonth: ["*"], month: ["*"], dayOfWeek: [Monday],
                   timeZone: Europe/Berlin}
        """),
            EgressRules.defaults());
    assertThat(result.problems()).isEmpty();
    assertThat(result.schedule().orElseThrow().expression()).isEqualTo("0 3 * * 1");
    assertThat(result.schedule().get().zone().getId()).isEqualTo("Europe/Berlin");
  }

  @Test
  void aWorkerConfigThatIsNotOneMappingWithinItsLimitsIsRefusedNamingTheField() {
    CustomJob fits = job("workerConfig: \"inputs: {input_df: {type: dataset}}\"");
    assertThat(CustomJobValidator.validate(fits, EgressRules.defaults()).problems()).isEmpty();

    CustomJob list = job("workerConfig: \"[a, b]\"");
    assertThat(CustomJobValidator.validate(list, EgressRules.defaults()).problems())
        .containsExactly(
            Problem.of(
                Reasons.INVALID_WORKER_CONFIG,
                "spec.workerConfig must be a mapping at its top level (for example inputs:,"
                    + " outputs:, settings:), not a list"));

    // 16,000 characters the schema admits, which the API server stores as six bytes each.
    CustomJob escaped = job("");
    escaped.getSpec().setWorkerConfig("notes: \"" + "<".repeat(16_000) + "\"");
    assertThat(CustomJobValidator.validate(escaped, EgressRules.defaults()).problems())
        .containsExactly(
            Problem.of(
                Reasons.LIMIT_EXCEEDED,
                "spec.workerConfig: 96012 bytes as JSON, more than the 32768 allowed; keep large"
                    + " inputs in a dataset or a ConfigMap"));
  }

  @Test
  void anEgressPolicyThePlatformDoesNotAllowInTheNamespaceIsRefusedNamingTheRule() {
    EgressRules rules = new EgressRules(null, null, null, Map.of("team-a", List.of("NONE")));
    CustomJob job = job("resources: {egressNetworkPolicy: public}");

    var result = CustomJobValidator.validate(job, rules);

    assertThat(result.problems())
        .containsExactly(
            Problem.of(
                Reasons.EGRESS_NOT_ALLOWED,
                "spec.resources.egressNetworkPolicy: egress policy PUBLIC is not allowed in"
                    + " namespace team-a (operator setting egress.allowedByNamespace.team-a allows"
                    + " [NONE])"));
    assertThat(CustomJobValidator.validate(job(""), rules).problems())
        .as("the default, none, is allowed")
        .isEmpty();
  }
}
