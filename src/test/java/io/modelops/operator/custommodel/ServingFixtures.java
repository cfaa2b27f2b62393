package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.lookup.FixedLookups;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.ModelNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A model "churn" in team-a with versions, an environment "py", and observed objects. */
final class ServingFixtures {
  static final OperatorConfig CONFIG = OperatorConfig.defaults();
  static final NamespaceLookups LOOKUPS =
      FixedLookups.of(Map.of("db", Set.of("credential")), Set.of("code"), Set.of("models"));
  static final ExecutionEnvironment ENVIRONMENT =
      Serialization.unmarshal(
          """
      apiVersion: modelops.io/v1alpha1
      kind: ExecutionEnvironment
      metadata: {name: py}
      spec:
        programmingLanguage: python
        requiredMetadataKeys: [{fieldName: MODEL_FAMILY}]
        versions: [{label: "1", image: "python:3.11"}, {label: "blank", image: " "}]
        latestVersion: "1"
      """,
          ExecutionEnvironment.class);

  private ServingFixtures() {}

  static CustomModel model(String extraSpec) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: churn, namespace: team-a, uid: 0000-1, generation: 1}
        spec:
          targetType: Binary
          targetName: churned
          positiveClassLabel: "yes"
          negativeClassLabel: "no"
        %s
        """
            .formatted(extraSpec.indent(2)),
        CustomModel.class);
  }

  /** A version validated as number {@code major}.0, with the given extra spec. */
  static CustomModelVersion version(String name, int major, String extraSpec) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: %s, namespace: team-a, generation: 1,
                   creationTimestamp: "2025-01-0%dT09:00:00Z"}
        spec:
          customModelRef: {name: churn}
          environment: {name: py}
          code: {configMap: {name: code}}
          requiredMetadataValues: [{fieldName: MODEL_FAMILY, value: gbm}]
        %s
        status:
          versionMajor: %d
          versionMinor: 0
          observedGeneration: 1
          conditions: [{type: Validated, status: "True", reason: Validated, message: ok,
                        observedGeneration: 1, lastTransitionTime: "2025-01-01T09:00:00Z"}]
        """
            .formatted(name, major, extraSpec.indent(2), major),
        CustomModelVersion.class);
  }

  static CustomModelVersion version(String name, int major) {
    return version(name, major, "");
  }

  static Observed observed(
      List<CustomModelVersion> versions, List<Deployment> deployments, Optional<String> routedTo) {
    Optional<Service> service =
        routedTo.map(
            v -> {
              Service s = new Service();
              s.setSpec(new io.fabric8.kubernetes.api.model.ServiceSpec());
              s.getSpec().setSelector(Map.of(ModelLabels.MODEL, "churn", ModelLabels.VERSION, v));
              return s;
            });
    return new Observed(
        versions,
        name -> name.equals("py") ? Optional.of(ENVIRONMENT) : Optional.empty(),
        Map.of(),
        LOOKUPS,
        deployments,
        service);
  }

  /** The Deployment of {@code version}, with {@code available} of {@code replicas} pods. */
  static Deployment deployment(String version, int replicas, int available) {
    return deployment(ModelNames.deployment(version), version, replicas, available);
  }

  /** A Deployment of {@code version} named {@code name}. */
  static Deployment deployment(String name, String version, int replicas, int available) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("team-a")
        .withGeneration(1L)
        .withLabels(ModelLabels.version("churn", version, name))
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(1L)
        .withReplicas(replicas)
        .withUpdatedReplicas(available)
        .withReadyReplicas(available)
        .withAvailableReplicas(available)
        .endStatus()
        .build();
  }

  /** The plan for {@code model} serving {@code versions}' newest, given what is observed. */
  static ServingPlan plan(CustomModel model, Observed observed) {
    var validation = CustomModelValidator.validate(model, observed, CONFIG);
    return ServingPlanner.plan(
        model,
        validation.valid().orElseThrow(() -> new AssertionError(validation.problems())),
        observed,
        CONFIG);
  }

  static Pod pod(String version, String waitingReason) {
    return Serialization.unmarshal(
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: churn-%s-abc
          labels: {modelops.io/version: %s}
        status:
          containerStatuses:
            - name: model
              state: {waiting: {reason: %s, message: "cannot pull"}}
        """
            .formatted(version, version, waitingReason),
        Pod.class);
  }
}
