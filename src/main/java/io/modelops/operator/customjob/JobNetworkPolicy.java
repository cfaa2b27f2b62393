package io.modelops.operator.customjob;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.customjobrun.RunLabels;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.workload.Names;
import io.modelops.operator.workload.OwnedResource;
import io.modelops.operator.workload.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The NetworkPolicy of a job's run pods, from {@code resources.egressNetworkPolicy} (none by
 * default); run pods accept no ingress.
 */
@KubernetesDependent(informer = @Informer(labelSelector = RunLabels.SELECTOR))
public class JobNetworkPolicy extends OwnedResource<NetworkPolicy, CustomJob> {
  /** Set by the reconciler before the workflow runs (dependents are built by JOSDK). */
  static final String CONFIG_KEY = OperatorConfig.class.getName();

  @Override
  protected NetworkPolicy desired(CustomJob job, Context<CustomJob> context) {
    OperatorConfig config = context.managedWorkflowAndDependentResourceContext()
        .getMandatory(CONFIG_KEY, OperatorConfig.class);
    String name = job.getMetadata().getName();
    var resources = job.getSpec().getResources();
    String egress = resources == null ? null : WireNames.of(resources.getEgressNetworkPolicy());
    return EgressPolicies.policy(Names.dnsLabel(name + "-runs", 63),
        job.getMetadata().getNamespace(), RunLabels.job(name),
        Map.of(RunLabels.JOB, Names.labelValue(name)), EgressPolicies.Egress.parse(egress),
        Optional.empty(), config);
  }
}
