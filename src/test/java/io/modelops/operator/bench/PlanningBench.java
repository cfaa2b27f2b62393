package io.modelops.operator.bench;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.custommodel.CustomModelValidator;
import io.modelops.operator.custommodel.ModelNetworkPolicy;
import io.modelops.operator.custommodel.Observed;
import io.modelops.operator.custommodel.ServingDeployments;
import io.modelops.operator.custommodel.ServingPlan;
import io.modelops.operator.custommodel.ServingPlanner;
import io.modelops.operator.custommodel.ServingService;
import io.modelops.operator.custommodelversion.CustomModelVersionValidator;
import io.modelops.operator.lookup.FixedLookups;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.pod.ComputeResources;
import io.modelops.operator.pod.ModelServer;
import io.modelops.operator.pod.OperatorPodSettings;
import io.modelops.operator.pod.PodAssembly;
import io.modelops.operator.pod.PodInputs;
import io.modelops.operator.pod.WorkloadInputs;
import io.modelops.operator.resourcebundle.BundleChoice;
import io.modelops.operator.resourcebundle.ResourceBundles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH micro-benchmark of the operator's per-reconcile CPU cost for one served model: {@code plan}
 * is what one reconcile computes: {@link CustomModelValidator#validate} (version choice,
 * resolution, effective settings), {@link ServingPlanner#plan} (the decisions) and the dependents'
 * desired Deployment (with its pod), Service and NetworkPolicy, {@code podTemplate} the pod
 * assembly alone, and {@code baseline} building the same Deployment, Service and NetworkPolicy
 * directly with fabric8 builders (a fixed, hand-written copy: the floor any planner pays). {@link
 * PlanningBenchInputsTest} checks that the inputs produce a plan and that the baseline and pod
 * objects equal the plan's. Run by {@code make bench} through {@link PlanningBenchMain}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PlanningBench {

  /** A realistic model in steady state (resync): its Deployment is Available and routed to. */
  @State(Scope.Benchmark)
  public static class Inputs {
    public CustomModel model;
    public Observed observed;
    public OperatorConfig config;
    public WorkloadInputs podInputs;

    @Setup
    public void setUp() {
      config = OperatorConfig.defaults();
      model = Serialization.unmarshal(MODEL, CustomModel.class);
      CustomModelVersion version = Serialization.unmarshal(VERSION, CustomModelVersion.class);
      ExecutionEnvironment env = Serialization.unmarshal(ENVIRONMENT, ExecutionEnvironment.class);
      Map<String, BundleChoice.Bundle> bundles =
          ResourceBundles.byName(List.of(Serialization.unmarshal(BUNDLE, ResourceBundle.class)));
      NamespaceLookups lookups =
          FixedLookups.of(
              Map.of("warehouse", Set.of("credential")), Set.of("churn-code"), Set.of());
      var first =
          new Observed(
              List.of(version),
              name ->
                  name.equals(env.getMetadata().getName()) ? Optional.of(env) : Optional.empty(),
              bundles,
              lookups,
              List.of(),
              Optional.empty());
      Planned planned = plan(model, first, config);
      ServingPlan plan =
          planned
              .plan()
              .orElseThrow(
                  () -> new IllegalStateException("the benchmark's inputs produce no plan"));
      // What the cluster holds once that plan converged: the Deployment Available, the
      // Service routing to it.
      Deployment current =
          new DeploymentBuilder(planned.deployment().orElseThrow())
              .editMetadata()
              .withGeneration(1L)
              .endMetadata()
              .withNewStatus()
              .withObservedGeneration(1L)
              .withReplicas(2)
              .withUpdatedReplicas(2)
              .withReadyReplicas(2)
              .withAvailableReplicas(2)
              .endStatus()
              .build();
      observed =
          new Observed(
              first.versions(),
              first.environments(),
              bundles,
              lookups,
              List.of(current),
              planned.service());

      // The pod assembly's inputs, as ModelPod.template builds them for this version.
      var resolved =
          CustomModelVersionValidator.servable(version, first.environments(), lookups)
              .resolved()
              .orElseThrow();
      var requests = Map.of("cpu", new Quantity("1"), "memory", new Quantity("1073741824"));
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("TARGET_TYPE", "Binary");
      environment.put("TARGET_NAME", "churned");
      environment.put("POSITIVE_CLASS_LABEL", "yes");
      environment.put("NEGATIVE_CLASS_LABEL", "no");
      environment.put("MODELOPS_MODEL", "churn");
      environment.put("MODELOPS_MODEL_VERSION", "churn-v3");
      podInputs =
          WorkloadInputs.builder(
                  "model",
                  resolved.environment().image(),
                  PodInputs.code(version.getSpec().getCode()),
                  "start_server.sh",
                  OperatorPodSettings.from(config))
              .environment(PodInputs.environment(environment))
              .runtimeParameters(PodInputs.parameters(resolved.parameters()))
              .requiredMetadata(resolved.metadata())
              .resources(ComputeResources.requestsEqualLimits(requests))
              .podLabels(
                  planned
                      .deployment()
                      .orElseThrow()
                      .getSpec()
                      .getTemplate()
                      .getMetadata()
                      .getLabels())
              .podAnnotations(Map.of("modelops.io/model-name", "churn"))
              .serving(new ModelServer(ServingPlanner.PORT, "/churn"))
              .build();
    }
  }

  static final String MODEL =
      """
      apiVersion: modelops.io/v1alpha1
      kind: CustomModel
      metadata: {name: churn, namespace: team-a, uid: 6f1c1d1e-0000-4000-8000-000000000001,
                 generation: 1}
      spec:
        description: Predicts which customers churn next quarter.
        targetType: Binary
        targetName: churned
        positiveClassLabel: "yes"
        negativeClassLabel: "no"
        replicas: 2
        resourceBundleRef: {name: cpu.small}
        networkEgressPolicy: NONE
      """;

  static final String VERSION =
      """
      apiVersion: modelops.io/v1alpha1
      kind: CustomModelVersion
      metadata: {name: churn-v3, namespace: team-a, generation: 1,
                 creationTimestamp: "2025-01-10T09:00:00Z"}
      spec:
        customModelRef: {name: churn}
        environment: {name: python311, version: "1.1"}
        code: {configMap: {name: churn-code}}
        requiredMetadataValues: [{fieldName: MODEL_FAMILY, value: gbm}]
        runtimeParameterDefinitions:
          - {fieldName: THRESHOLD_BOOST, type: numeric, defaultValue: 0, minValue: -1, maxValue: 1}
          - {fieldName: WAREHOUSE, type: credential, credentialType: basic}
        runtimeParameterValues:
          - {fieldName: THRESHOLD_BOOST, type: numeric, value: 0.1}
          - {fieldName: WAREHOUSE, type: credential, value: {secretRef: {name: warehouse}}}
      status:
        versionMajor: 1
        versionMinor: 2
        version: "1.2"
        conditions:
          - {type: Validated, status: "True", reason: Validated, message: ok,
             observedGeneration: 1, lastTransitionTime: "2025-01-10T09:00:01Z"}
      """;

  static final String ENVIRONMENT =
      """
      apiVersion: modelops.io/v1alpha1
      kind: ExecutionEnvironment
      metadata: {name: python311}
      spec:
        programmingLanguage: python
        requiredMetadataKeys: [{fieldName: MODEL_FAMILY, displayName: Model family}]
        versions:
          - {label: "1.0", image: "python:3.11-slim"}
          - {label: "1.1", image: "python:3.11.9-slim"}
        latestVersion: "1.1"
      """;

  static final String BUNDLE =
      """
      apiVersion: modelops.io/v1alpha1
      kind: ResourceBundle
      metadata: {name: cpu.small}
      spec: {cpuCount: 1, memoryBytes: 1073741824, useCases: [customModel, customJob],
             isDefault: true}
      """;

  /** What one reconcile computes for a model: validation, decisions, desired objects. */
  public record Planned(
      CustomModelValidator.Validation validation,
      Optional<ServingPlan> plan,
      Optional<Deployment> deployment,
      Optional<Service> service,
      Optional<NetworkPolicy> networkPolicy) {}

  public static Planned plan(CustomModel model, Observed observed, OperatorConfig config) {
    var validation = CustomModelValidator.validate(model, observed, config);
    var plan = validation.valid().map(v -> ServingPlanner.plan(model, v, observed, config));
    return new Planned(
        validation,
        plan,
        plan.map(p -> ServingDeployments.deployment(model, p)),
        plan.map(p -> ServingService.service(model, p)),
        plan.map(p -> ModelNetworkPolicy.networkPolicy(model, p)));
  }

  /** The operator's planning of one model, as one reconcile does it. */
  @Benchmark
  public Planned plan(Inputs in) {
    return plan(in.model, in.observed, in.config);
  }

  /** The pod assembly alone, from precomputed inputs (part of {@code plan}). */
  @Benchmark
  public PodTemplateSpec podTemplate(Inputs in) {
    return PodAssembly.podTemplate(in.podInputs);
  }

  /** The same three objects as {@code plan}, written out with fabric8 builders. */
  @Benchmark
  public void baseline(Blackhole bh) {
    bh.consume(Baseline.deployment());
    bh.consume(Baseline.service());
    bh.consume(Baseline.networkPolicy());
  }
}
