package io.modelops.operator.customjob;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.Schedule;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the CustomJob controller checks before it schedules anything, beyond the CRD schema: the
 * schedule's time zone is known and its cron expression (or the structured form turned into one)
 * parses. Every problem is returned at once; nothing throws. What a run of the job needs
 * (environment, code, parameters, bundle) is checked per run by the run's validator.
 */
public final class CustomJobValidator {
  private CustomJobValidator() {}

  /**
   * The problems of a job, and its schedule when it has a valid one.
   *
   * @param schedule present when the job has a schedule and it has no problem
   * @param problems every problem found, in field order (time zone, then cron)
   */
  public record Result(Optional<JobSchedule> schedule, List<Problem> problems) {
    public boolean valid() {
      return problems.isEmpty();
    }

    /** All problems as one: the first one's reason, every message. */
    public Problem summary() {
      return Problem.of(
          problems.get(0).reason(),
          problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
    }
  }

  /**
   * Largest workerConfig, as JSON, that a job may carry. The CRD schema caps its top-level keys but
   * cannot measure nested content; this keeps a job (and the ConfigMap each run gets) far from the
   * API server's object size limits.
   */
  public static final int WORKER_CONFIG_MAX_BYTES = 64 * 1024;

  /** The problem of a workerConfig larger than {@link #WORKER_CONFIG_MAX_BYTES}, if any. */
  public static Optional<Problem> workerConfigSize(CustomJob job, String field) {
    JsonNode config = job.getSpec().getWorkerConfig();
    if (config == null) {
      return Optional.empty();
    }
    int bytes = Serialization.asJson(config).getBytes(StandardCharsets.UTF_8).length;
    return bytes <= WORKER_CONFIG_MAX_BYTES
        ? Optional.empty()
        : Optional.of(
            Problem.of(
                Reasons.LIMIT_EXCEEDED,
                field
                    + ": "
                    + bytes
                    + " bytes as JSON, more than the "
                    + WORKER_CONFIG_MAX_BYTES
                    + " allowed; keep large inputs in a dataset or a ConfigMap"));
  }

  public static Result validate(CustomJob job) {
    Optional<Problem> size = workerConfigSize(job, "spec.workerConfig");
    Schedule schedule = job.getSpec().getSchedule();
    if (schedule == null) {
      return new Result(Optional.empty(), size.stream().toList());
    }
    List<Problem> problems = new ArrayList<>();
    size.ifPresent(problems::add);
    String timeZone = schedule.getTimeZone();
    Optional<ZoneId> zone = JobSchedule.zone(timeZone);
    if (zone.isEmpty()) {
      problems.add(
          Problem.of(
              Reasons.INVALID_SCHEDULE,
              "schedule.timeZone \"" + timeZone + "\" is not a known time zone"));
    }
    String cron = cronOf(schedule);
    Optional<JobSchedule> parsed = JobSchedule.parse(cron, zone.orElse(JobSchedule.UTC));
    if (parsed.isEmpty()) {
      problems.add(
          Problem.of(
              Reasons.INVALID_SCHEDULE,
              "schedule.cron \"" + cron + "\" is not a valid cron expression"));
    }
    return new Result(problems.isEmpty() ? parsed : Optional.empty(), List.copyOf(problems));
  }

  /** The cron expression of a schedule: its cron string, or its structured form. */
  static String cronOf(Schedule s) {
    if (s.getCron() != null) {
      return s.getCron();
    }
    return JobSchedule.cronOf(
        values(s.getMinute()),
        values(s.getHour()),
        values(s.getDayOfMonth()),
        values(s.getMonth()),
        values(s.getDayOfWeek()));
  }

  private static List<String> values(List<IntOrString> field) {
    if (field == null) {
      return List.of("*");
    }
    return field.stream()
        .map(
            v ->
                v.getIntVal() != null
                    ? v.getIntVal().toString()
                    : v.getStrVal().toLowerCase(Locale.ROOT))
        .collect(Collectors.toList());
  }
}
