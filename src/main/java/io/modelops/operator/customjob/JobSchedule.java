package io.modelops.operator.customjob;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CustomJob's schedule: a five-field cron expression (or the structured form of docs/api.md,
 * turned into one) in a time zone, with the CronJob rules for runs that were missed while the
 * operator was not running: at most one catch-up run, for the most recent missed time, and only
 * within {@code startingDeadlineSeconds} when that is set.
 *
 * <p>Parsing and time arithmetic come from cron-utils (Unix cron definition: day-of-month and
 * day-of-week are additive when both are restricted, as docs/api.md documents). Daylight saving: a
 * local time that does not exist on the spring-forward day is skipped that day, and a local time
 * that happens twice on the fall-back day runs once.
 *
 * <p>Nothing here throws on a user's input: {@link #zone} and {@link #parse} answer empty, and
 * {@link CustomJobValidator} turns that into a problem naming the field.
 */
public final class JobSchedule {
  /** CronJob stops counting missed start times past this many, and so do we. */
  public static final int MAX_MISSED_COUNTED = 100;

  /** The zone of a schedule that names none. */
  public static final ZoneId UTC = ZoneId.of("UTC");

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Map<String, String> DAY_NAMES =
      Map.ofEntries(
          Map.entry("sun", "0"),
          Map.entry("mon", "1"),
          Map.entry("tue", "2"),
          Map.entry("wed", "3"),
          Map.entry("thu", "4"),
          Map.entry("fri", "5"),
          Map.entry("sat", "6"),
          Map.entry("sunday", "0"),
          Map.entry("monday", "1"),
          Map.entry("tuesday", "2"),
          Map.entry("wednesday", "3"),
          Map.entry("thursday", "4"),
          Map.entry("friday", "5"),
          Map.entry("saturday", "6"));

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime executionTime;

  private JobSchedule(String expression, ZoneId zone, Cron cron) {
    this.expression = expression;
    this.zone = zone;
    this.executionTime = ExecutionTime.forCron(cron);
  }

  /** The zone of {@code schedule.timeZone} (null or blank means UTC); empty when unknown. */
  public static Optional<ZoneId> zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return Optional.of(UTC);
    }
    try {
      return Optional.of(ZoneId.of(timeZone));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** A cron expression in {@code zone}; empty when the expression does not parse. */
  public static Optional<JobSchedule> parse(String cron, ZoneId zone) {
    try {
      return Optional.of(new JobSchedule(cron.trim(), zone, PARSER.parse(cron.trim())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The cron expression of a structured schedule: each field a list of values or {@code ["*"]};
   * days of the week may be 0..6 (Sunday = 0) or day names.
   */
  public static String cronOf(
      List<String> minute,
      List<String> hour,
      List<String> dayOfMonth,
      List<String> month,
      List<String> dayOfWeek) {
    return String.join(
        " ",
        field(minute, false),
        field(hour, false),
        field(dayOfMonth, false),
        field(month, false),
        field(dayOfWeek, true));
  }

  private static String field(List<String> values, boolean days) {
    if (values == null || values.isEmpty() || values.contains("*")) {
      return "*";
    }
    return values.stream()
        .map(v -> days ? DAY_NAMES.getOrDefault(v.toLowerCase(Locale.ROOT), v) : v)
        .collect(Collectors.joining(","));
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The first scheduled time strictly after {@code after}. */
  public Optional<Instant> next(Instant after) {
    return executionTime.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
  }

  /**
   * What is due at {@code now}, given the last scheduled time (or the job's creation when it never
   * ran): the most recent scheduled time in {@code (since, now]}, how many scheduled times passed
   * (capped at {@link #MAX_MISSED_COUNTED} + 1), and whether the most recent one is already past
   * the starting deadline (then no run starts, as with CronJob).
   */
  public Due due(Instant since, Instant now, Optional<Long> startingDeadlineSeconds) {
    Instant earliest =
        startingDeadlineSeconds
            .map(s -> now.minus(Duration.ofSeconds(s)))
            .filter(deadline -> deadline.isAfter(since))
            .orElse(since);
    Optional<Instant> mostRecent = Optional.empty();
    int passed = 0;
    Optional<Instant> cursor = next(since);
    while (cursor.isPresent() && !cursor.get().isAfter(now)) {
      passed++;
      if (passed > MAX_MISSED_COUNTED) {
        // Too many to walk one by one: jump straight to the latest time before now.
        mostRecent =
            executionTime
                .lastExecution(now.plusSeconds(1).atZone(zone))
                .map(ZonedDateTime::toInstant);
        break;
      }
      mostRecent = cursor;
      cursor = next(cursor.get());
    }
    boolean tooLate = mostRecent.isPresent() && mostRecent.get().isBefore(earliest);
    return new Due(tooLate ? Optional.empty() : mostRecent, mostRecent, passed, tooLate);
  }

  /**
   * @param runAt the scheduled time a run should start for now, if any
   * @param latest the most recent scheduled time that passed, run or not
   * @param passed scheduled times passed since the last one (more than one means missed runs)
   * @param missedDeadline the most recent time is older than the starting deadline
   */
  public record Due(
      Optional<Instant> runAt, Optional<Instant> latest, int passed, boolean missedDeadline) {
    /** Scheduled times that will never get a run. */
    public int missed() {
      return runAt.isPresent() ? passed - 1 : passed;
    }
  }
}
