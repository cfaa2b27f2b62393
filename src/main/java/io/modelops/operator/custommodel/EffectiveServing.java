package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Quantity;
import io.modelops.operator.api.v1alpha1.common.Autoscaling;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.pod.Placement;
import io.modelops.operator.resourcebundle.BundleChoice;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The serving settings that apply to a version: the version's override, else the model's default,
 * else the operator's default — for replicas, memory (request and limit both set), resource bundle
 * (requests = limits; the default bundle of customModel when neither a bundle nor memory is given),
 * network egress policy, high availability and scaling (fixed replicas or autoscaling, from the
 * version as a whole when it sets either). Operator limits are enforced here, every problem named
 * with its field.
 */
public final class EffectiveServing {
  static final String USE_CASE = "customModel";

  private EffectiveServing() {}

  /** The overridable serving fields of a model (defaults) or a version (overrides). */
  public record Settings(
      Optional<Integer> replicas,
      Optional<Long> maximumMemory,
      Optional<Long> desiredMemory,
      Optional<String> resourceBundle,
      Optional<Egress> networkEgressPolicy,
      Optional<Boolean> requiresHa,
      Optional<Autoscaling> autoscaling) {
    public static Settings none() {
      return new Settings(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }

    /** Scaling (fixed replicas or autoscaling) is overridden as a whole. */
    boolean setsScaling() {
      return replicas.isPresent() || autoscaling.isPresent();
    }

    /**
     * These settings over {@code base}: each field of these when set, else of {@code base}; scaling
     * (replicas or autoscaling) and resources (bundle and memory) each as a whole from these when
     * they set any of it.
     */
    public Settings over(Settings base) {
      Settings resources = setsResources() ? this : base;
      Settings scaling = setsScaling() ? this : base;
      return new Settings(
          scaling.replicas(),
          resources.maximumMemory(),
          resources.desiredMemory(),
          resources.resourceBundle(),
          networkEgressPolicy.or(base::networkEgressPolicy),
          requiresHa.or(base::requiresHa),
          scaling.autoscaling());
    }

    boolean setsResources() {
      return resourceBundle.isPresent() || maximumMemory.isPresent() || desiredMemory.isPresent();
    }
  }

  /**
   * Settings after precedence and checks; with {@code autoscale}, {@code replicas} is its minimum;
   * {@code placement} is the bundle's (none without a bundle).
   */
  public record Resolved(
      int replicas,
      boolean requiresHa,
      Egress networkEgressPolicy,
      Map<String, Quantity> requests,
      Map<String, Quantity> limits,
      Optional<String> resourceBundle,
      Optional<Autoscale> autoscale,
      Placement placement) {}

  /** The outcome: settings, or every problem at once. */
  public record Outcome(Optional<Resolved> resolved, List<Problem> problems) {}

  /**
   * Resolves the settings of a version of a model.
   *
   * @param bundlesInUse bundles the model's served Deployments run on now (a deprecated bundle
   *     keeps its existing users)
   */
  public static Outcome resolve(
      Settings model,
      Settings version,
      Map<String, Bundle> bundles,
      Set<String> bundlesInUse,
      OperatorLimits limits) {
    return resolve(model, version, bundles, bundlesInUse, limits, "version spec.");
  }

  /**
   * Resolves {@code overrides} over {@code defaults}; problems of an overriding field are named
   * with {@code overridePrefix} (such as {@code "spec.overrides."} for a model test).
   */
  public static Outcome resolve(
      Settings defaults,
      Settings overrides,
      Map<String, Bundle> bundles,
      Set<String> bundlesInUse,
      OperatorLimits limits,
      String overridePrefix) {
    Settings model = defaults;
    Settings version = overrides;
    List<Problem> problems = new ArrayList<>();
    boolean requiresHa = version.requiresHa().or(model::requiresHa).orElse(false);
    // Scaling comes as a whole from the version when it sets replicas or autoscaling.
    Settings scaling = version.setsScaling() ? version : model;
    Optional<Integer> explicitReplicas = scaling.replicas();
    String replicasField =
        version.replicas().isPresent() ? overridePrefix + "replicas" : "spec.replicas";
    Optional<Autoscale> autoscale =
        scaling
            .autoscaling()
            .filter(a -> explicitReplicas.isEmpty())
            .map(
                a ->
                    Autoscale.resolve(
                        a,
                        version.setsScaling() ? overridePrefix + "autoscaling" : "spec.autoscaling",
                        requiresHa,
                        limits,
                        problems));
    int replicas =
        autoscale.map(Autoscale::minReplicas).orElse(explicitReplicas.orElse(requiresHa ? 2 : 1));
    if (autoscale.isEmpty() && replicas > limits.maxCustomModelReplicasPerDeployment()) {
      problems.add(
          Problem.of(
              Reasons.LIMIT_EXCEEDED,
              replicasField
                  + " "
                  + replicas
                  + " exceeds the operator limit maxCustomModelReplicasPerDeployment="
                  + limits.maxCustomModelReplicasPerDeployment()));
    }
    if (autoscale.isEmpty() && requiresHa && replicas < 2) {
      problems.add(
          Problem.of(
              Reasons.HIGH_AVAILABILITY_NEEDS_REPLICAS,
              "requiresHa needs at least 2 replicas but " + replicasField + " is " + replicas));
    }
    Egress egress =
        version.networkEgressPolicy().or(model::networkEgressPolicy).orElse(Egress.NONE);

    // Resources come as a whole from the version when it sets any, else from the model.
    Settings source = version.setsResources() ? version : model;
    String prefix = version.setsResources() ? overridePrefix : "spec.";
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limitsMap = new LinkedHashMap<>();
    Optional<String> bundleName = source.resourceBundle();
    Placement placement = Placement.none();
    if (bundleName.isPresent()) {
      var chosen =
          BundleChoice.resolve(
              prefix + "resourceBundleRef", bundleName.get(), USE_CASE, bundles, bundlesInUse);
      chosen.problem().ifPresent(problems::add);
      chosen.bundle().ifPresent(b -> checkBundleMemory(b, limits, problems));
      placement = chosen.bundle().map(Bundle::placement).orElse(Placement.none());
      requests.putAll(chosen.resources());
      limitsMap.putAll(chosen.resources());
    } else if (source.maximumMemory().isPresent() || source.desiredMemory().isPresent()) {
      long max = source.maximumMemory().orElseGet(() -> source.desiredMemory().orElseThrow());
      long desired = source.desiredMemory().orElse(max);
      if (max > limits.maxCustomModelContainerSize()) {
        problems.add(
            Problem.of(
                Reasons.LIMIT_EXCEEDED,
                prefix
                    + "maximumMemory "
                    + max
                    + " exceeds the operator limit maxCustomModelContainerSize="
                    + limits.maxCustomModelContainerSize()));
      }
      requests.put("memory", new Quantity(Long.toString(desired)));
      limitsMap.put("memory", new Quantity(Long.toString(max)));
    } else {
      Optional<Bundle> fallback = BundleChoice.defaultFor(USE_CASE, bundles.values());
      if (fallback.isPresent()) {
        bundleName = fallback.map(Bundle::name);
        placement = fallback.get().placement();
        checkBundleMemory(fallback.get(), limits, problems);
        requests.putAll(BundleChoice.resources(fallback.get()));
        limitsMap.putAll(BundleChoice.resources(fallback.get()));
      } else {
        Quantity memory = new Quantity(Long.toString(limits.desiredCustomModelContainerSize()));
        requests.put("memory", memory);
        limitsMap.put("memory", memory);
      }
    }
    if (!problems.isEmpty()) {
      return new Outcome(Optional.empty(), List.copyOf(problems));
    }
    return new Outcome(
        Optional.of(
            new Resolved(
                replicas,
                requiresHa,
                egress,
                requests,
                limitsMap,
                bundleName,
                autoscale,
                placement)),
        List.of());
  }

  private static void checkBundleMemory(
      Bundle bundle, OperatorLimits limits, List<Problem> problems) {
    bundle
        .memoryBytes()
        .filter(m -> m > limits.maxCustomModelContainerSize())
        .ifPresent(
            m ->
                problems.add(
                    Problem.of(
                        Reasons.LIMIT_EXCEEDED,
                        "ResourceBundle \""
                            + bundle.name()
                            + "\" memoryBytes "
                            + m
                            + " exceeds the operator limit maxCustomModelContainerSize="
                            + limits.maxCustomModelContainerSize())));
  }
}
