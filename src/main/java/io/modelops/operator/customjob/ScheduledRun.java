package io.modelops.operator.customjob;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.modelops.operator.api.v1alpha1.common.NameRef;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunSpec;
import io.modelops.operator.naming.Names;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.reconcile.ControllerReference;
import java.time.Instant;

/**
 * The CustomJobRun the scheduler creates for a scheduled time: named after the job and the minute
 * (so a retry after a crash finds the same name), owned by the job, annotated with the scheduled
 * time.
 */
public final class ScheduledRun {
  private ScheduledRun() {}

  public static CustomJobRun of(CustomJob job, Instant at) {
    String jobName = job.getMetadata().getName();
    CustomJobRun run = new CustomJobRun();
    run.setMetadata(
        new ObjectMetaBuilder()
            .withName(Names.dnsLabel(jobName + "-" + at.getEpochSecond() / 60, 63))
            .withNamespace(job.getMetadata().getNamespace())
            .withLabels(RunLabels.job(jobName))
            .addToAnnotations(RunLabels.SCHEDULED_AT_ANNOTATION, at.toString())
            .build());
    CustomJobRunSpec spec = new CustomJobRunSpec();
    NameRef ref = new NameRef();
    ref.setName(jobName);
    spec.setCustomJobRef(ref);
    spec.setDescription("scheduled run for " + at);
    run.setSpec(spec);
    ControllerReference.set(run, job);
    return run;
  }
}
