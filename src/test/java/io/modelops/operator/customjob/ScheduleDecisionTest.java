package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.Schedule;
import io.modelops.operator.customjob.ScheduleDecision.Action;
import io.modelops.operator.status.Reasons;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleDecisionTest {
  static final JobSchedule HOURLY = JobSchedule.parse("0 * * * *", JobSchedule.UTC).orElseThrow();
  static final Instant CREATED = Instant.parse("2030-01-01T00:30:00Z");

  static Schedule schedule(String yaml) {
    // A leading "{" would be read as JSON; a document marker keeps it YAML.
    return Serialization.unmarshal("---\n" + yaml, Schedule.class);
  }

  static ScheduleDecision decide(String schedule, String last, String now, boolean active) {
    return ScheduleDecision.decide(
        HOURLY,
        schedule(schedule),
        Optional.ofNullable(last).map(Instant::parse),
        2,
        CREATED,
        Instant.parse(now),
        active);
  }

  /** Policy, a run active?, action, recorded last time, missed count. */
  static Stream<Arguments> concurrency() {
    return Stream.of(
        Arguments.of("Allow", false, Action.START, "2030-01-01T03:00:00Z", 2),
        Arguments.of("Allow", true, Action.START, "2030-01-01T03:00:00Z", 2),
        // Forbid records nothing: the run starts once the active one has ended.
        Arguments.of("Forbid", true, Action.SKIP, "2030-01-01T02:00:00Z", 2),
        Arguments.of("Forbid", false, Action.START, "2030-01-01T03:00:00Z", 2),
        Arguments.of("Replace", true, Action.REPLACE_AND_START, "2030-01-01T03:00:00Z", 2),
        Arguments.of("Replace", false, Action.START, "2030-01-01T03:00:00Z", 2));
  }

  @ParameterizedTest
  @MethodSource
  void concurrency(String policy, boolean active, Action action, String last, long missed) {
    var d =
        decide(
            "{cron: \"0 * * * *\", concurrencyPolicy: " + policy + "}",
            "2030-01-01T02:00:00Z",
            "2030-01-01T03:00:20Z",
            active);
    assertThat(d.action()).isEqualTo(action);
    assertThat(d.starts()).isEqualTo(action != Action.SKIP);
    assertThat(d.runAt())
        .isEqualTo(
            d.starts() ? Optional.of(Instant.parse("2030-01-01T03:00:00Z")) : Optional.empty());
    assertThat(d.lastScheduleTime()).contains(Instant.parse(last));
    assertThat(d.missedSchedules()).isEqualTo(missed);
  }

  @Test
  void nothingDueWakesJustAfterTheNextTime() {
    var d = decide("{cron: \"0 * * * *\"}", "2030-01-01T03:00:00Z", "2030-01-01T03:30:00Z", false);
    assertThat(d.action()).isEqualTo(Action.NONE);
    assertThat(d.next()).contains(Instant.parse("2030-01-01T04:00:00Z"));
    assertThat(d.wake()).contains(Duration.ofMinutes(30).plusMillis(200));
    assertThat(d.reason()).isEqualTo(Reasons.SCHEDULED);
    assertThat(d.message()).isEqualTo("next run at 2030-01-01T04:00:00Z (0 * * * * in UTC)");
  }

  @Test
  void aJobThatNeverRanCountsFromItsCreation() {
    var d = decide("{cron: \"0 * * * *\"}", null, "2030-01-01T01:00:05Z", false);
    assertThat(d.action()).isEqualTo(Action.START);
    assertThat(d.runAt()).contains(Instant.parse("2030-01-01T01:00:00Z"));
  }

  @Test
  void missedTimesGiveOneCatchUpRunAndAreCounted() {
    var d = decide("{cron: \"0 * * * *\"}", "2030-01-01T01:00:00Z", "2030-01-01T04:10:00Z", false);
    assertThat(d.runAt()).contains(Instant.parse("2030-01-01T04:00:00Z"));
    assertThat(d.missedSchedules()).isEqualTo(2 + 2);
  }

  @Test
  void aSuspendedScheduleStartsNothingAndCountsEveryPassedTimeAsMissed() {
    var d =
        decide(
            "{cron: \"0 * * * *\", suspend: true}",
            "2030-01-01T01:00:00Z",
            "2030-01-01T04:10:00Z",
            false);
    assertThat(d.action()).isEqualTo(Action.NONE);
    assertThat(d.lastScheduleTime()).contains(Instant.parse("2030-01-01T04:00:00Z"));
    assertThat(d.missedSchedules()).isEqualTo(2 + 3);
    assertThat(d.reason()).isEqualTo(Reasons.SUSPENDED);
    assertThat(d.message()).isEqualTo("schedule.suspend is true: no runs are started");
  }

  @Test
  void aTimePastTheStartingDeadlineIsMissed() {
    var d =
        decide(
            "{cron: \"0 * * * *\", startingDeadlineSeconds: 60}",
            "2030-01-01T03:00:00Z",
            "2030-01-01T04:10:00Z",
            false);
    assertThat(d.action()).isEqualTo(Action.NONE);
    assertThat(d.lastScheduleTime()).contains(Instant.parse("2030-01-01T04:00:00Z"));
    assertThat(d.missedSchedules()).isEqualTo(2 + 1);
    assertThat(d.next()).contains(Instant.parse("2030-01-01T05:00:00Z"));
  }
}
