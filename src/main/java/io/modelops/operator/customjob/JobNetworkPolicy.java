package io.modelops.operator.customjob;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.naming.Names;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.reconcile.OwnedResource;
import java.util.Map;
import java.util.Optional;

/**
 * The NetworkPolicy of a job's run pods, from {@code resources.egressNetworkPolicy} (none by
 * default) and the operator's egress settings; run pods accept no ingress.
 *
 * <p>A standalone dependent: the reconciler builds it with the operator configuration, so its
 * {@link #desired} needs nothing but the job. Its informer sees only the operator's job objects.
 */
public class JobNetworkPolicy extends OwnedResource<NetworkPolicy, CustomJob> {
  private final OperatorConfig config;

  public JobNetworkPolicy(OperatorConfig config) {
    this.config = config;
    configureWith(
        new KubernetesDependentResourceConfigBuilder<NetworkPolicy>()
            .withKubernetesDependentInformerConfig(
                InformerConfiguration.builder(NetworkPolicy.class)
                    .withLabelSelector(RunLabels.SELECTOR)
                    .withItemStore(new LeanCaches.Applied<>())
                    .withNamespacesInheritedFromController()
                    .build())
            .build());
  }

  /** The policy's name: one per job. */
  static String name(CustomJob job) {
    return Names.dnsLabel(job.getMetadata().getName() + "-runs", 63);
  }

  @Override
  protected NetworkPolicy desired(CustomJob job, Context<CustomJob> context) {
    return desired(job);
  }

  NetworkPolicy desired(CustomJob job) {
    String name = job.getMetadata().getName();
    var resources = job.getSpec().getResources();
    return EgressPolicies.policy(
        name(job),
        job.getMetadata().getNamespace(),
        RunLabels.job(name),
        Map.of(RunLabels.JOB, Names.labelValue(name)),
        EgressPolicies.Egress.of(resources == null ? null : resources.getEgressNetworkPolicy()),
        Optional.empty(),
        config);
  }
}
