package io.modelops.operator.customjob;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.JobResources;
import io.modelops.operator.api.v1alpha1.customjob.Schedule;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import io.modelops.operator.validation.GitUrls;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the CustomJob controller checks before it schedules anything, beyond the CRD schema: a git
 * URL over plain http goes to a host the platform names, the workerConfig's size, that the platform
 * lets the job's namespace use its egress policy, that the schedule's time zone is known and its
 * cron expression (or the structured form turned into one) parses. Every problem is returned at
 * once; nothing throws. What a run of the job needs (environment, code, parameters, bundle) is
 * checked per run by the run's validator.
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
   * Largest workerConfig, in bytes of JSON as the API server stores it, that a job may carry. The
   * CRD schema caps its top-level keys but cannot measure nested content; this keeps a job (and the
   * ConfigMap each run gets) far from the API server's object size limits.
   */
  public static final int WORKER_CONFIG_MAX_BYTES = 32 * 1024;

  /** The problem of a workerConfig larger than {@link #WORKER_CONFIG_MAX_BYTES}, if any. */
  public static Optional<Problem> workerConfigSize(CustomJob job, String field) {
    JsonNode config = job.getSpec().getWorkerConfig();
    if (config == null) {
      return Optional.empty();
    }
    long bytes = storedJsonBytes(config);
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

  /**
   * The size of {@code value} as the API server stores it: compact JSON in UTF-8, where Go's
   * encoder also writes {@code <}, {@code >} and {@code &} as six-byte escapes, and the line and
   * paragraph separators (three bytes in UTF-8) as well.
   */
  static long storedJsonBytes(JsonNode value) {
    String json = Serialization.asJson(value);
    long bytes = json.getBytes(StandardCharsets.UTF_8).length;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '<' || c == '>' || c == '&') {
        bytes += 5;
      } else if (c == '\u2028' || c == '\u2029') {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** The problem of an egress policy the platform does not allow in the job's namespace, if any. */
  public static Optional<Problem> egress(CustomJob job, EgressRules rules) {
    JobResources resources = job.getSpec().getResources();
    return EgressPolicies.allowed(
        "spec.resources.egressNetworkPolicy",
        Egress.of(resources == null ? null : resources.getEgressNetworkPolicy()),
        job.getMetadata().getNamespace(),
        rules);
  }

  /**
   * Every problem of {@code job}, and its schedule when it has a valid one.
   *
   * @param rules the platform's egress rules, which decide the policies a namespace may use
   */
  public static Result validate(CustomJob job, EgressRules rules) {
    return validate(job, rules, List.of());
  }

  /**
   * Every problem of {@code job}, and its schedule when it has a valid one.
   *
   * @param rules the platform's egress rules, which decide the policies a namespace may use
   * @param gitHttpHosts the hosts a git code source may reach over plain http
   */
  public static Result validate(CustomJob job, EgressRules rules, Collection<String> gitHttpHosts) {
    List<Problem> problems = new ArrayList<>();
    GitUrls.check("spec.code", job.getSpec().getCode(), gitHttpHosts).ifPresent(problems::add);
    workerConfigSize(job, "spec.workerConfig").ifPresent(problems::add);
    egress(job, rules).ifPresent(problems::add);
    Schedule schedule = job.getSpec().getSchedule();
    if (schedule == null) {
      return new Result(Optional.empty(), List.copyOf(problems));
    }
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
