package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestStatus;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.pod.TestPodAssembly;
import io.modelops.operator.status.Conditions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A CustomModelTest's status from what this pass observed: the overall status, message and checks
 * from the {@link TestProgress.Observation}; the model; the Job (its creation is the start, its
 * annotation the tested version's generation) and pod names, kept once known, and the command that
 * prints the tester's log; the completion time once the test ended; Ready (succeeded) and
 * Progressing (queued or in progress) conditions.
 */
final class TestStatusBuilder {
  private TestStatusBuilder() {}

  static CustomModelTestStatus build(
      CustomModelTest test,
      TestProgress.Observation o,
      Optional<String> model,
      Optional<Job> job,
      Clock clock) {
    CustomModelTestStatus old = test.getStatus();
    CustomModelTestStatus status = new CustomModelTestStatus();
    String namespace = test.getMetadata().getNamespace();
    status.setObservedGeneration(test.getMetadata().getGeneration());
    status.setOverallStatus(o.overall());
    status.setMessage(o.message());
    o.checks().ifPresent(status::setTestingStatus);
    model
        .or(() -> Optional.ofNullable(old).map(CustomModelTestStatus::getCustomModel))
        .ifPresent(status::setCustomModel);
    job.map(j -> j.getMetadata().getName())
        .or(() -> Optional.ofNullable(old).map(CustomModelTestStatus::getJobName))
        .ifPresent(status::setJobName);
    job.map(j -> j.getMetadata().getCreationTimestamp())
        .or(() -> Optional.ofNullable(old).map(CustomModelTestStatus::getStartedAt))
        .ifPresent(status::setStartedAt);
    job.map(j -> j.getMetadata().getAnnotations())
        .map(a -> a.get(TestPlanner.VERSION_GENERATION_ANNOTATION))
        .map(Long::valueOf)
        .or(() -> Optional.ofNullable(old).map(CustomModelTestStatus::getTestedVersionGeneration))
        .ifPresent(status::setTestedVersionGeneration);
    o.podName()
        .or(() -> Optional.ofNullable(old).map(CustomModelTestStatus::getPodName))
        .ifPresent(
            pod -> {
              status.setPodName(pod);
              status.setLogs(
                  "kubectl logs -n "
                      + namespace
                      + " "
                      + pod
                      + " -c "
                      + TestPodAssembly.TESTER_CONTAINER);
            });
    if (o.overall().isFinal()) {
      status.setCompletedAt(
          o.completedAt()
              .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
    }
    Conditions conditions = Conditions.after(old, test.getMetadata().getGeneration(), clock);
    conditions.set(
        Conditions.READY, o.overall() == TestingStatus.SUCCEEDED, o.reason(), o.message());
    conditions.set(
        Conditions.PROGRESSING,
        o.overall() == TestingStatus.QUEUED || o.overall() == TestingStatus.IN_PROGRESS,
        o.reason(),
        o.message());
    status.setConditions(conditions.list());
    return status;
  }
}
