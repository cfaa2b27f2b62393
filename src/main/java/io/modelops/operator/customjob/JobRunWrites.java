package io.modelops.operator.customjob;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes a CustomJob makes to its runs: carrying out a schedule decision (deleting the runs a
 * Replace policy replaces, creating the due run, idempotently by its name) and deleting the runs
 * beyond the history limits. CustomJobRuns are the one kind of object the operator creates that a
 * user also creates, so they are written directly rather than through a dependent resource.
 */
final class JobRunWrites {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunWrites.class);

  private JobRunWrites() {}

  static void carryOut(
      CustomJob job, KubernetesClient client, ScheduleDecision decision, List<CustomJobRun> runs) {
    String name = job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
    if (decision.action() == ScheduleDecision.Action.REPLACE_AND_START) {
      runs.stream()
          .filter(r -> JobRuns.active(r) && JobRuns.ownedBy(r, job))
          .forEach(
              r -> {
                LOG.info("{}: Replace: deleting active run {}", name, r.getMetadata().getName());
                client.resource(r).delete();
              });
    }
    if (decision.starts()) {
      CustomJobRun run = ScheduledRun.of(job, decision.runAt().orElseThrow());
      try {
        client.resource(run).create();
        LOG.info(
            "{}: started run {} for {}", name, run.getMetadata().getName(), decision.runAt().get());
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
  }

  static void trimHistory(CustomJob job, KubernetesClient client, List<CustomJobRun> runs) {
    Set<String> delete = JobRuns.beyondHistory(job, runs);
    runs.stream()
        .filter(r -> delete.contains(r.getMetadata().getName()))
        .forEach(
            r -> {
              LOG.debug(
                  "{}/{}: run {} is beyond the history limits",
                  r.getMetadata().getNamespace(),
                  job.getMetadata().getName(),
                  r.getMetadata().getName());
              client.resource(r).delete();
            });
  }
}
