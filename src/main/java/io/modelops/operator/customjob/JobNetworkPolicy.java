package io.modelops.operator.customjob;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.InformerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResourceConfigBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.naming.Names;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.reconcile.NameClaims;
import io.modelops.operator.reconcile.OneNameDependent;
import java.util.Map;
import java.util.Optional;

/**
 * The NetworkPolicy of a job's run pods, from {@code resources.egressNetworkPolicy} (none by
 * default) and the operator's egress settings; run pods accept no ingress. A run starts its Job
 * only once this policy exists and the job controls it.
 *
 * <p>A standalone dependent: the reconciler builds it with the operator configuration, so its
 * {@link #desired} needs nothing but the job. Its informer sees only the operator's job objects. A
 * policy the job controls under another name (an earlier naming scheme) is deleted once the policy
 * of the current name is in place, so run pods are never without one.
 */
public class JobNetworkPolicy extends OneNameDependent<NetworkPolicy, CustomJob> {
  private final OperatorConfig config;

  public JobNetworkPolicy(OperatorConfig config) {
    super(NetworkPolicy.class);
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

  /** The job's claim on its NetworkPolicy's name. */
  static NameClaims.Claim claim(CustomJob job) {
    return new NameClaims.Claim(
        NetworkPolicy.class, name(job), "CustomJob " + job.getMetadata().getName());
  }

  /** The policy's name: one per job. */
  static String name(CustomJob job) {
    return RunNames.networkPolicy(job.getMetadata().getName());
  }

  @Override
  protected String name(CustomJob job, Context<CustomJob> context) {
    return name(job);
  }

  @Override
  protected NetworkPolicy build(CustomJob job, Context<CustomJob> context) {
    return desired(job);
  }

  /** An earlier-named policy goes only once the policy of the current name is in place. */
  @Override
  protected boolean mayDelete(CustomJob job, ResourceID key, Context<CustomJob> context) {
    return context.getSecondaryResources(NetworkPolicy.class).stream()
        .anyMatch(
            p -> p.getMetadata().getName().equals(name(job)) && NameClaims.controlledBy(p, job));
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
