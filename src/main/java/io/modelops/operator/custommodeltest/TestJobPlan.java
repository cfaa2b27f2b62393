package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.reconcile.NameClaims;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reconciler decided for a test that starts now: the names, labels and annotations of its
 * Job and NetworkPolicy, the Job's pod and deadline, and the egress its pods get. {@link TestJob}
 * and {@link TestNetworkPolicy} build their objects from it; without one (cancel), the workflow
 * removes both.
 *
 * @param namespace the test's namespace
 * @param test the CustomModelTest's name
 * @param jobName the batch/v1 Job's name
 * @param policyName the NetworkPolicy's name
 * @param labels labels of the Job, the policy and the pods
 * @param annotations annotations of the Job (the test, the model, the version's generation)
 * @param podSelector what the policy selects
 * @param egress the egress policy of the test's pods
 * @param pod the pod template (model server and tester)
 * @param activeDeadlineSeconds {@code timeoutSeconds}
 * @param config the operator configuration the policy is built with
 */
record TestJobPlan(
    String namespace,
    String test,
    String jobName,
    String policyName,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, String> podSelector,
    Egress egress,
    PodTemplateSpec pod,
    long activeDeadlineSeconds,
    OperatorConfig config) {
  static final String KEY = TestJobPlan.class.getName();

  TestJobPlan {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    podSelector = Map.copyOf(podSelector);
  }

  /** The names of the objects a starting test creates: free or this test's before it starts. */
  List<NameClaims.Claim> claims() {
    String from = "CustomModelTest " + test;
    return List.of(
        new NameClaims.Claim(NetworkPolicy.class, policyName, from),
        new NameClaims.Claim(Job.class, jobName, from));
  }

  /** The plan the reconciler handed to this pass of the workflow, if a test starts. */
  static Optional<TestJobPlan> of(Context<CustomModelTest> context) {
    return context.managedWorkflowAndDependentResourceContext().get(KEY, TestJobPlan.class);
  }
}
