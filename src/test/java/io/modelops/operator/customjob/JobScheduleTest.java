package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobScheduleTest {
  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static JobSchedule schedule(String cron, String zone) {
    return JobSchedule.parse(cron, JobSchedule.zone(zone).orElseThrow()).orElseThrow();
  }

  @Test
  void nextRunHonoursTheTimeZone() {
    JobSchedule weekly = schedule("0 3 * * 1", "Europe/Berlin");
    // Monday 2026-11-23 03:00 in Berlin (CET, UTC+1) is 02:00 UTC.
    assertThat(weekly.next(at("2026-11-20T00:00:00Z"))).contains(at("2026-11-23T02:00:00Z"));
  }

  @Test
  void dailyRunKeepsLocalTimeAcrossDaylightSavingChange() {
    JobSchedule daily = schedule("30 1 * * *", "Europe/Berlin");
    // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST; 01:30 exists on both sides.
    assertThat(daily.next(at("2026-03-28T12:00:00Z"))).contains(at("2026-03-29T00:30:00Z"));
    assertThat(daily.next(at("2026-03-29T12:00:00Z"))).contains(at("2026-03-29T23:30:00Z"));
  }

  @Test
  void aLocalTimeThatDoesNotExistOnSpringForwardDayIsSkippedThatDayOnly() {
    // 02:30 does not exist in Berlin on 2026-03-29 (02:00 CET jumps to 03:00 CEST): that day
    // has no run, the days around it run at 02:30 local time (documented in JobSchedule).
    JobSchedule skipped = schedule("30 2 * * *", "Europe/Berlin");
    Instant first = skipped.next(at("2026-03-27T12:00:00Z")).orElseThrow();
    assertThat(first).isEqualTo(at("2026-03-28T01:30:00Z"));
    assertThat(skipped.next(first)).contains(at("2026-03-30T00:30:00Z"));
  }

  @Test
  void aLocalTimeRepeatedOnFallBackDayRunsOnce() {
    // 02:30 happens twice in Berlin on 2026-10-25 (03:00 CEST falls back to 02:00 CET).
    JobSchedule daily = schedule("30 2 * * *", "Europe/Berlin");
    Instant first = daily.next(at("2026-10-24T12:00:00Z")).orElseThrow();
    assertThat(daily.next(first).orElseThrow()).isAfter(at("2026-10-26T00:00:00Z"));
  }

  @Test
  void structuredFormBecomesCronWithDayNames() {
    assertThat(
            JobSchedule.cronOf(
                List.of("0"), List.of("3"), List.of("*"), List.of("*"), List.of("1")))
        .isEqualTo("0 3 * * 1");
    assertThat(
            JobSchedule.cronOf(
                List.of("0", "30"),
                List.of("*"),
                List.of("1", "15"),
                List.of("*"),
                List.of("Sunday", "sat")))
        .isEqualTo("0,30 * 1,15 * 0,6");
  }

  @Test
  void dayOfMonthAndDayOfWeekAreAdditiveAsDocumented() {
    // The 1st of the month, plus every Tuesday.
    JobSchedule s = schedule("0 0 1 * 2", "UTC");
    assertThat(s.next(at("2026-12-01T00:00:00Z"))).contains(at("2026-12-08T00:00:00Z"));
    assertThat(s.next(at("2026-12-29T00:00:00Z"))).contains(at("2027-01-01T00:00:00Z"));
  }

  @Test
  void missedRunsGiveOneCatchUpForTheMostRecentTime() {
    JobSchedule hourly = schedule("0 * * * *", "UTC");
    var due = hourly.due(at("2026-11-23T00:00:00Z"), at("2026-11-23T05:10:00Z"), Optional.empty());
    assertThat(due.runAt()).contains(at("2026-11-23T05:00:00Z"));
    assertThat(due.passed()).isEqualTo(5);
    assertThat(due.missed()).isEqualTo(4);
  }

  @Test
  void nothingDueBeforeTheNextTime() {
    JobSchedule hourly = schedule("0 * * * *", "UTC");
    var due = hourly.due(at("2026-11-23T05:00:00Z"), at("2026-11-23T05:59:59Z"), Optional.empty());
    assertThat(due.runAt()).isEmpty();
    assertThat(due.passed()).isZero();
  }

  @Test
  void startingDeadlineSkipsARunThatIsTooLate() {
    JobSchedule hourly = schedule("0 * * * *", "UTC");
    var late =
        hourly.due(at("2026-11-23T04:00:00Z"), at("2026-11-23T05:10:00Z"), Optional.of(300L));
    assertThat(late.runAt()).isEmpty();
    assertThat(late.missedDeadline()).isTrue();
    assertThat(late.missed()).isEqualTo(1);
    var inTime =
        hourly.due(at("2026-11-23T04:00:00Z"), at("2026-11-23T05:04:00Z"), Optional.of(300L));
    assertThat(inTime.runAt()).contains(at("2026-11-23T05:00:00Z"));
  }

  @Test
  void aLongOutageCountsAtMostAHundredAndOneAndStillFindsTheLatestTime() {
    JobSchedule everyMinute = schedule("* * * * *", "UTC");
    var due =
        everyMinute.due(at("2026-11-20T00:00:00Z"), at("2026-11-23T05:10:30Z"), Optional.empty());
    assertThat(due.passed()).isEqualTo(JobSchedule.MAX_MISSED_COUNTED + 1);
    assertThat(due.runAt()).contains(at("2026-11-23T05:10:00Z"));
  }

  @Test
  void badExpressionsAndUnknownZonesParseToNothing() {
    // CustomJobValidatorTest checks the problems that name the field.
    assertThat(JobSchedule.parse("61 * * * *", JobSchedule.UTC)).isEmpty();
    assertThat(JobSchedule.zone("Mars/Olympus")).isEmpty();
    assertThat(JobSchedule.zone(null)).contains(JobSchedule.UTC);
  }
}
