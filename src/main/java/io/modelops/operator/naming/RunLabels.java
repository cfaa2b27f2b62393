package io.modelops.operator.naming;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Labels of the objects the operator creates for custom jobs and their runs. */
public final class RunLabels {
  public static final String JOB_RUN = "job-run";
  public static final String JOB = "modelops.io/job";
  public static final String RUN = "modelops.io/run";

  /** Informers of the job controllers see only the objects they made. */
  public static final String SELECTOR =
      ModelLabels.MANAGED_BY
          + "="
          + ModelLabels.OPERATOR
          + ","
          + ModelLabels.COMPONENT
          + "="
          + JOB_RUN;

  /** Annotation on a run's pods naming the run (label values are capped at 63 characters). */
  /** CustomJobRun annotation: the schedule time a scheduled run was created for. */
  public static final String SCHEDULED_AT_ANNOTATION = "modelops.io/scheduled-at";

  public static final String RUN_NAME_ANNOTATION = "modelops.io/run-name";

  private RunLabels() {}

  /** The run a pod belongs to, from its {@link #RUN_NAME_ANNOTATION}. */
  public static Optional<String> runOf(HasMetadata pod) {
    return Optional.ofNullable(pod.getMetadata().getAnnotations())
        .map(a -> a.get(RUN_NAME_ANNOTATION));
  }

  /** Labels of a job's objects (NetworkPolicy, scheduled runs). */
  public static Map<String, String> job(String job) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", Names.labelValue(job));
    labels.put(ModelLabels.MANAGED_BY, ModelLabels.OPERATOR);
    labels.put(ModelLabels.COMPONENT, JOB_RUN);
    labels.put(JOB, Names.labelValue(job));
    return labels;
  }

  /** Labels of a run's Job, ConfigMap and pods. */
  public static Map<String, String> run(String job, String run) {
    Map<String, String> labels = job(job);
    labels.put("app.kubernetes.io/instance", Names.labelValue(run));
    labels.put(RUN, Names.labelValue(run));
    return labels;
  }
}
