package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.modelops.operator.api.v1alpha1.common.ServingSettings;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.custommodel.EffectiveServing.Settings;
import io.modelops.operator.custommodelversion.VersionResolution;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.workload.NamespaceLookups;
import io.modelops.operator.workload.Names;
import io.modelops.operator.workload.WireNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes a model's {@link ServingPlan} from what the cluster holds: which version to serve
 * ({@code activeVersion}, else the newest valid version), its resolved settings and pod, and
 * the blue/green routing decision from the observed Service and Deployments — or every problem
 * that stops it. Pure: all lookups come in as arguments.
 */
public final class ServingPlanner {
  public static final int PORT = 8080;
  /** Reason while no version can be served yet. */
  public static final String NO_VALID_VERSION = "NoValidVersion";

  private ServingPlanner() {}

  /** What the cluster holds for one model. */
  public record Observed(List<CustomModelVersion> versions,
      Function<String, Optional<ExecutionEnvironment>> environments,
      Map<String, Bundle> bundles, NamespaceLookups lookups, List<Deployment> deployments,
      Optional<Service> service) {}

  /**
   * The outcome: a plan, or problems; {@code latestVersion} is the newest valid version either
   * way, {@code target} the version that was to be served (when known).
   */
  public record Outcome(Optional<ServingPlan> plan, List<Problem> problems,
      Optional<String> target, Optional<String> latestVersion) {}

  public static Outcome plan(CustomModel model, Observed observed, OperatorConfig config) {
    String namespace = model.getMetadata().getNamespace();
    String modelName = model.getMetadata().getName();
    Optional<CustomModelVersion> latest = observed.versions().stream()
        .filter(v -> Conditions.isTrue(v.getStatus(), Conditions.VALIDATED))
        .filter(v -> v.getStatus().getVersionMajor() != null)
        .max(Comparator.comparing((CustomModelVersion v) -> v.getStatus().getVersionMajor())
            .thenComparing(v -> v.getStatus().getVersionMinor())
            .thenComparing(v -> v.getMetadata().getCreationTimestamp()));
    Optional<String> latestName = latest.map(v -> v.getMetadata().getName());

    String wanted = model.getSpec().getActiveVersion();
    Optional<CustomModelVersion> target;
    if (wanted != null) {
      target = observed.versions().stream()
          .filter(v -> v.getMetadata().getName().equals(wanted)).findFirst();
      if (target.isEmpty()) {
        return refused(Problem.of("VersionNotFound", "spec.activeVersion: CustomModelVersion \""
            + wanted + "\" of this model does not exist in namespace " + namespace),
            Optional.of(wanted), latestName);
      }
    } else {
      target = latest;
      if (target.isEmpty()) {
        String why = observed.versions().isEmpty()
            ? "no CustomModelVersion references this model yet"
            : "none of this model's " + observed.versions().size()
                + " CustomModelVersions is valid yet";
        return refused(Problem.of(NO_VALID_VERSION, why), Optional.empty(), latestName);
      }
    }
    CustomModelVersion version = target.get();
    String versionName = version.getMetadata().getName();

    List<Problem> problems = new ArrayList<>();
    var resolution = VersionResolution.resolve(version, observed.environments(),
        VersionResolution.lookupsFor(version, observed::lookups));
    resolution.problems().forEach(p -> problems.add(Problem.of(p.reason(),
        "version " + versionName + ": " + p.message())));
    Set<String> bundlesInUse = observed.deployments().stream()
        .map(d -> d.getMetadata().getAnnotations() == null ? null
            : d.getMetadata().getAnnotations().get(ModelLabels.BUNDLE_ANNOTATION))
        .filter(b -> b != null).collect(Collectors.toSet());
    var serving = EffectiveServing.resolve(settings(model.getSpec()),
        settings(version.getSpec()), observed.bundles(), bundlesInUse, config.limits());
    problems.addAll(serving.problems());
    if (!problems.isEmpty()) {
      return new Outcome(Optional.empty(), List.copyOf(problems), Optional.of(versionName),
          latestName);
    }
    var resolved = serving.resolved().orElseThrow();
    boolean enabled = model.getSpec().getServing() == null
        || model.getSpec().getServing().getEnabled() == null
        || model.getSpec().getServing().getEnabled();
    int replicas = enabled ? resolved.replicas() : 0;

    String deploymentName = Names.joined(modelName, versionName, Names.WORKLOAD_MAX);
    String urlPrefix = "/" + Names.dnsLabel(modelName, 63);
    PodTemplateSpec pod = ModelPod.template(model, version, resolution.resolved().orElseThrow(),
        resolved, deploymentName, urlPrefix, PORT, config);
    Deployment targetDeployment = deployment(model, versionName, deploymentName, replicas, pod,
        resolved.resourceBundle());

    Map<String, Boolean> available = new LinkedHashMap<>();
    Map<String, Deployment> byVersion = new LinkedHashMap<>();
    for (Deployment d : observed.deployments()) {
      String v = d.getMetadata().getLabels().get(ModelLabels.VERSION);
      byVersion.put(v, d);
      available.put(v, isAvailable(d));
    }
    Optional<String> routed = observed.service()
        .map(s -> s.getSpec().getSelector() == null ? null
            : s.getSpec().getSelector().get(ModelLabels.VERSION));
    var decision = enabled
        ? BlueGreen.decide(routed, Names.labelValue(versionName), available)
        : new BlueGreen.Decision(Names.labelValue(versionName),
            Set.of(Names.labelValue(versionName)), false);

    Map<String, Deployment> deployments = new LinkedHashMap<>();
    Set<String> keptAsIs = new LinkedHashSet<>();
    deployments.put(deploymentName, targetDeployment);
    for (String keep : decision.keep()) {
      Deployment old = byVersion.get(keep);
      if (old != null && !old.getMetadata().getName().equals(deploymentName)) {
        deployments.put(old.getMetadata().getName(), old);
        keptAsIs.add(old.getMetadata().getName());
      }
    }
    String serviceName = serviceName(model);
    Service service = service(model, serviceName, decision.routeTo());
    var networkPolicy = EgressPolicies.policy(serviceName, namespace,
        ModelLabels.model(modelName), ModelLabels.selector(modelName),
        EgressPolicies.Egress.parse(resolved.networkEgressPolicy()), Optional.of(PORT), config);
    Optional<PodDisruptionBudget> pdb = resolved.requiresHa()
        ? Optional.of(disruptionBudget(model, serviceName)) : Optional.empty();
    String endpoint = "http://" + serviceName + "." + namespace + ".svc.cluster.local:" + PORT
        + urlPrefix + "/";
    return new Outcome(Optional.of(new ServingPlan(versionName, decision.routeTo(),
        decision.replacing(), replicas, deployments, keptAsIs, service, networkPolicy, pdb,
        endpoint)), List.of(), Optional.of(versionName), latestName);
  }

  /** The name of the model's Service, NetworkPolicy and PodDisruptionBudget. */
  public static String serviceName(CustomModel model) {
    return Names.dnsLabel(model.getMetadata().getName(), 63);
  }

  /** A Deployment is Available when all its replicas are updated and available. */
  public static boolean isAvailable(Deployment d) {
    if (d.getStatus() == null || d.getSpec().getReplicas() == null
        || d.getSpec().getReplicas() == 0) {
      return false;
    }
    int want = d.getSpec().getReplicas();
    long generation = d.getMetadata().getGeneration() == null ? 0
        : d.getMetadata().getGeneration();
    long observedGeneration = d.getStatus().getObservedGeneration() == null ? -1
        : d.getStatus().getObservedGeneration();
    return observedGeneration >= generation
        && orZero(d.getStatus().getUpdatedReplicas()) >= want
        && orZero(d.getStatus().getAvailableReplicas()) >= want;
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }

  static Settings settings(ServingSettings s) {
    return new Settings(Optional.ofNullable(s.getReplicas()),
        Optional.ofNullable(s.getMaximumMemory()), Optional.ofNullable(s.getDesiredMemory()),
        Optional.ofNullable(s.getResourceBundleRef()).map(r -> r.getName()),
        Optional.ofNullable(WireNames.of(s.getNetworkEgressPolicy())),
        Optional.ofNullable(s.getRequiresHa()));
  }

  private static Deployment deployment(CustomModel model, String version, String name,
      int replicas, PodTemplateSpec pod, Optional<String> bundle) {
    String modelName = model.getMetadata().getName();
    Map<String, String> annotations = new LinkedHashMap<>();
    bundle.ifPresent(b -> annotations.put(ModelLabels.BUNDLE_ANNOTATION, b));
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(model.getMetadata().getNamespace())
        .withLabels(ModelLabels.version(modelName, version, name))
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withRevisionHistoryLimit(2)
        .withNewSelector().withMatchLabels(ModelLabels.selector(modelName, version))
        .endSelector()
        .withNewStrategy().withType("RollingUpdate")
        .withNewRollingUpdate().withMaxSurge(new IntOrString("25%"))
        .withMaxUnavailable(new IntOrString(0)).endRollingUpdate()
        .endStrategy()
        .withTemplate(pod)
        .endSpec()
        .build();
  }

  private static Service service(CustomModel model, String name, String routeTo) {
    String modelName = model.getMetadata().getName();
    Map<String, String> selector = new LinkedHashMap<>(ModelLabels.selector(modelName));
    selector.put(ModelLabels.VERSION, routeTo);
    return new ServiceBuilder()
        .withNewMetadata().withName(name).withNamespace(model.getMetadata().getNamespace())
        .withLabels(ModelLabels.model(modelName)).endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(selector)
        .addNewPort().withName("http").withProtocol("TCP").withPort(PORT)
        .withTargetPort(new IntOrString("http")).endPort()
        .endSpec()
        .build();
  }

  private static PodDisruptionBudget disruptionBudget(CustomModel model, String name) {
    String modelName = model.getMetadata().getName();
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata().withName(name).withNamespace(model.getMetadata().getNamespace())
        .withLabels(ModelLabels.model(modelName)).endMetadata()
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector().withMatchLabels(ModelLabels.selector(modelName)).endSelector()
        .endSpec()
        .build();
  }

  private static Outcome refused(Problem problem, Optional<String> target,
      Optional<String> latest) {
    return new Outcome(Optional.empty(), List.of(problem), target, latest);
  }
}
