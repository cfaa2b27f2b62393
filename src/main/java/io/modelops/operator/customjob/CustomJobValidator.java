package io.modelops.operator.customjob;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.JobResources;
import io.modelops.operator.api.v1alpha1.customjob.Schedule;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import io.modelops.operator.validation.GitUrls;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the CustomJob controller checks before it schedules anything, beyond the CRD schema: a git
 * URL over plain http goes to a host the platform names, the workerConfig (one mapping, within its
 * limits), that the platform lets the job's namespace use its egress policy, that the schedule's
 * time zone is known and its cron expression (or the structured form turned into one) parses. Every
 * problem is returned at once; nothing throws. What a run of the job needs (environment, code,
 * parameters, bundle) is checked per run by the run's validator.
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
    WorkerConfigs.parse(job.getSpec().getWorkerConfig(), "spec.workerConfig")
        .problem()
        .ifPresent(problems::add);
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
