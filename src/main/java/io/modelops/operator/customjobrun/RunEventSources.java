package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.reconcile.Mappers;
import io.modelops.operator.reconcile.References;
import java.util.List;

/**
 * What wakes a run besides its own changes (its Job and ConfigMap come with the workflow): its
 * CustomJob (found through an index of runs by job) and the pods of its Job (the operator's run
 * pods only, which name their run in an annotation).
 */
final class RunEventSources {
  static final String BY_JOB = "byJob";

  private RunEventSources() {}

  static List<EventSource<?, CustomJobRun>> of(EventSourceContext<CustomJobRun> context) {
    context.getPrimaryCache().addIndexer(BY_JOB, Mappers.namespacedIndexer(References::job));
    var jobs =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(CustomJob.class, CustomJobRun.class)
                .withName("customjobs")
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(
                    Mappers.fromIndex(
                        key -> context.getPrimaryCache().byIndex(BY_JOB, key), Mappers::key))
                .withPrimaryToSecondaryMapper(
                    (CustomJobRun r) ->
                        Mappers.toReferenced(References::job).toPrimaryResourceIDs(r))
                .build(),
            context);
    var pods =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, CustomJobRun.class)
                .withName("runpods")
                .withNamespacesInheritedFromController()
                .withLabelSelector(RunLabels.SELECTOR)
                .withSecondaryToPrimaryMapper(Mappers.toReferenced(RunLabels::runOf))
                .build(),
            context);
    return List.of(jobs, pods);
  }
}
