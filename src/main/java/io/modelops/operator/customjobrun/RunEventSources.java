package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.reconcile.Mappers;
import io.modelops.operator.reconcile.References;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What wakes a run besides its own changes (its Job and ConfigMap come with the workflow): its
 * CustomJob (found through an index of runs by job), the pods of its Job (the operator's run pods
 * only, which name their run in an annotation), and its job's NetworkPolicy (a run starts only once
 * that policy is in place).
 */
final class RunEventSources {
  static final String BY_JOB = "byJob";

  private RunEventSources() {}

  /** The CustomJob that controls a policy, by its controller ownerReference. */
  private static Optional<String> controllingJob(NetworkPolicy policy) {
    return Optional.ofNullable(policy.getMetadata().getOwnerReferences()).stream()
        .flatMap(List::stream)
        .filter(r -> Boolean.TRUE.equals(r.getController()) && "CustomJob".equals(r.getKind()))
        .map(OwnerReference::getName)
        .findFirst();
  }

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
    var policies =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(NetworkPolicy.class, CustomJobRun.class)
                .withName("jobpolicies")
                .withNamespacesInheritedFromController()
                .withLabelSelector(RunLabels.SELECTOR)
                .withSecondaryToPrimaryMapper(
                    Mappers.fromIndex(
                        key -> context.getPrimaryCache().byIndex(BY_JOB, key),
                        (NetworkPolicy p) ->
                            Mappers.key(
                                p.getMetadata().getNamespace(), controllingJob(p).orElse(""))))
                .withPrimaryToSecondaryMapper(
                    (CustomJobRun r) ->
                        References.job(r)
                            .map(
                                job ->
                                    Set.of(
                                        new ResourceID(
                                            RunNames.networkPolicy(job),
                                            r.getMetadata().getNamespace())))
                            .orElse(Set.of()))
                .build(),
            context);
    return List.of(jobs, pods, policies);
  }
}
