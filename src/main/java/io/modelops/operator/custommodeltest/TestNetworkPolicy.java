package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.TestLabels;
import io.modelops.operator.naming.TestNames;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.reconcile.ControllerReference;
import io.modelops.operator.reconcile.NameClaims;
import java.util.Optional;

/**
 * The NetworkPolicy of a test's pods: the egress the test runs with (the overrides', else the
 * version's, else the model's; none by default) and no ingress — the tester reaches the server
 * inside the pod. The test's Job depends on it ({@link Enforced}): no pod of the test exists before
 * its policy does (fail closed, as for models and runs).
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = TestLabels.SELECTOR, itemStore = LeanCaches.Applied.class))
public class TestNetworkPolicy
    extends CRUDKubernetesDependentResource<NetworkPolicy, CustomModelTest> {
  @Override
  protected ResourceID targetSecondaryResourceID(
      CustomModelTest test, Context<CustomModelTest> context) {
    return new ResourceID(TestNames.networkPolicy(test), test.getMetadata().getNamespace());
  }

  @Override
  protected NetworkPolicy desired(CustomModelTest test, Context<CustomModelTest> context) {
    return desired(TestJobPlan.of(context).orElseThrow());
  }

  static NetworkPolicy desired(TestJobPlan plan) {
    return EgressPolicies.policy(
        plan.policyName(),
        plan.namespace(),
        plan.labels(),
        plan.podSelector(),
        plan.egress(),
        Optional.empty(),
        plan.config());
  }

  @Override
  protected void addReferenceHandlingMetadata(NetworkPolicy desired, CustomModelTest test) {
    ControllerReference.set(desired, test);
  }

  /** The test's policy exists and the test controls it. */
  static boolean enforced(CustomModelTest test, Optional<NetworkPolicy> policy) {
    return policy
        .filter(p -> p.getMetadata().getName().equals(TestNames.networkPolicy(test)))
        .filter(p -> NameClaims.controlledBy(p, test))
        .isPresent();
  }

  /** Ready once the test's pods are selected by their policy: only then may they exist. */
  public static class Enforced implements Condition<NetworkPolicy, CustomModelTest> {
    @Override
    public boolean isMet(
        DependentResource<NetworkPolicy, CustomModelTest> dependent,
        CustomModelTest test,
        Context<CustomModelTest> context) {
      return enforced(test, context.getSecondaryResource(NetworkPolicy.class));
    }
  }

  /** A test starts now (the reconciler handed the workflow a plan). */
  public static class Wanted implements Condition<NetworkPolicy, CustomModelTest> {
    @Override
    public boolean isMet(
        DependentResource<NetworkPolicy, CustomModelTest> dependent,
        CustomModelTest test,
        Context<CustomModelTest> context) {
      return TestJobPlan.of(context).isPresent();
    }
  }
}
