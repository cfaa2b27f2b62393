package io.modelops.operator.customjob;

import io.modelops.operator.api.v1alpha1.customjob.ConcurrencyPolicy;
import io.modelops.operator.api.v1alpha1.customjob.Schedule;
import io.modelops.operator.status.Reasons;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a scheduled CustomJob does now, decided from its schedule, the scheduled time it last
 * recorded and whether a run of it is active, with CronJob's rules: a suspended schedule starts
 * nothing and counts the times it passes as missed; a time past the starting deadline is missed; at
 * most one run for the most recent time; Forbid skips that run while one is active (and records
 * nothing, so it starts once the active run ends), Replace stops the active runs first. Pure: the
 * reconciler carries the decision out.
 *
 * @param action what to do with runs now
 * @param runAt the scheduled time of the run to start, with {@link Action#START} or {@link
 *     Action#REPLACE_AND_START}
 * @param lastScheduleTime the scheduled time status records as the last one
 * @param missedSchedules the job's count of scheduled times that got no run
 * @param next the next scheduled time, if any
 * @param wake when to look again: just after {@code next}
 * @param reason the Ready condition's reason
 * @param message the Ready condition's message
 */
public record ScheduleDecision(
    Action action,
    Optional<Instant> runAt,
    Optional<Instant> lastScheduleTime,
    long missedSchedules,
    Optional<Instant> next,
    Optional<Duration> wake,
    String reason,
    String message) {

  /** What happens to the job's runs. */
  public enum Action {
    /** Nothing is due (or the schedule is suspended, or the deadline passed). */
    NONE,
    /** Start a run for {@code runAt}. */
    START,
    /** Delete the job's active runs, then start a run for {@code runAt}. */
    REPLACE_AND_START,
    /** A run is due but Forbid holds it back while another is active. */
    SKIP
  }

  /** Wakes this long after a scheduled time, so the time has surely come. */
  static final Duration AFTER_SCHEDULED = Duration.ofMillis(200);

  /**
   * Decides for {@code schedule} (valid, parsed as {@code parsed}) at {@code now}.
   *
   * @param lastScheduleTime the last scheduled time recorded in status, if any
   * @param missedSchedules the count recorded in status
   * @param created when the job was created (the start when it never ran)
   * @param anyActive whether any run of the job is active
   */
  public static ScheduleDecision decide(
      JobSchedule parsed,
      Schedule schedule,
      Optional<Instant> lastScheduleTime,
      long missedSchedules,
      Instant created,
      Instant now,
      boolean anyActive) {
    boolean suspended = Boolean.TRUE.equals(schedule.getSuspend());
    var due =
        parsed.due(
            lastScheduleTime.orElse(created),
            now,
            Optional.ofNullable(schedule.getStartingDeadlineSeconds()));
    Action action = Action.NONE;
    Optional<Instant> last = lastScheduleTime;
    long missed = missedSchedules;
    if (!suspended && due.runAt().isPresent()) {
      action =
          !anyActive
              ? Action.START
              : switch (policy(schedule)) {
                case FORBID -> Action.SKIP;
                case REPLACE -> Action.REPLACE_AND_START;
                case ALLOW -> Action.START;
              };
      if (action != Action.SKIP) {
        last = due.runAt();
        missed += due.missed();
      }
    } else if (due.latest().isPresent()) {
      // Suspended, or too late for the starting deadline: those times are missed.
      last = due.latest();
      missed += due.passed();
    }
    Instant after = last.filter(t -> t.isAfter(now)).orElse(now);
    Optional<Instant> next = parsed.next(after);
    Optional<Duration> wake =
        next.map(t -> Duration.between(now, t).plus(AFTER_SCHEDULED))
            .map(d -> d.isNegative() ? Duration.ofSeconds(1) : d);
    String message =
        suspended
            ? "schedule.suspend is true: no runs are started"
            : "next run at "
                + next.map(Instant::toString).orElse(null)
                + " ("
                + parsed.expression()
                + " in "
                + parsed.zone()
                + ")";
    boolean starts = action == Action.START || action == Action.REPLACE_AND_START;
    return new ScheduleDecision(
        action,
        starts ? due.runAt() : Optional.empty(),
        last,
        missed,
        next,
        wake,
        suspended ? Reasons.SUSPENDED : Reasons.SCHEDULED,
        message);
  }

  private static ConcurrencyPolicy policy(Schedule schedule) {
    return schedule.getConcurrencyPolicy() == null
        ? ConcurrencyPolicy.ALLOW
        : schedule.getConcurrencyPolicy();
  }

  /** Whether a run starts now. */
  public boolean starts() {
    return action == Action.START || action == Action.REPLACE_AND_START;
  }
}
