package io.modelops.operator.customjobrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjob.CustomJobSpec;
import io.modelops.operator.api.v1alpha1.customjob.JobResources;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.customjob.WorkerConfigs;
import io.modelops.operator.executionenvironment.EnvironmentResolution;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.pod.Placement;
import io.modelops.operator.resourcebundle.BundleChoice;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.runtimeparams.RuntimeParameters;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import io.modelops.operator.validation.GitUrls;
import io.modelops.operator.validation.PullSecrets;
import io.modelops.operator.validation.WorkloadReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the CustomJobRun controller checks before a run may start, beyond the CRD schema: its
 * CustomJob exists; the job's environment resolves to an image; its code's ConfigMap, claim or git
 * Secret exists; runtime parameters resolve (the run's values over the job's) and their Secrets
 * exist; its bundle exists and allows custom jobs; its sidecar model has an endpoint; the job's
 * egress policy is one the platform allows in the namespace. Every problem is returned at once,
 * each naming the field; nothing throws.
 *
 * <p>Checking a reference means finding what it names, so a valid run comes back with what its
 * references resolved to ({@link Resolved}): planning then needs no lookup of its own.
 */
public final class CustomJobRunValidator {
  static final String USE_CASE = "customJob";

  /** Resources of a job that names neither a bundle nor cpu/memory, when no default bundle. */
  static final Map<String, Quantity> DEFAULT_RESOURCES =
      Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi"));

  private CustomJobRunValidator() {}

  /**
   * What validation looks up: environments and the sidecar model by name, every ResourceBundle,
   * references in the run's namespace by name (the controller answers the first three from its
   * caches).
   */
  public record Lookups(
      Function<String, Optional<ExecutionEnvironment>> environments,
      Map<String, Bundle> bundles,
      NamespaceLookups namespace,
      Function<String, Optional<CustomModel>> models) {}

  /**
   * What a valid run's references resolve to.
   *
   * @param image the container image of the job's environment
   * @param parameters the resolved runtime parameters
   * @param resources requests (= limits) from the bundle, cpu/memory, or the default
   * @param sidecar the sidecar model's name and endpoint, for hostedCustomMetric jobs
   * @param environment the resolved environment (image pull Secrets included)
   * @param placement the bundle's placement (none without a bundle)
   * @param workerConfig the job's workerConfig read as JSON, when it has one
   */
  public record Resolved(
      String image,
      List<RuntimeParameters.Parameter> parameters,
      Map<String, Quantity> resources,
      Optional<Sidecar> sidecar,
      EnvironmentResolution.Resolved environment,
      Placement placement,
      Optional<JsonNode> workerConfig) {}

  /** A hosted custom metric job's model: its name and where it serves. */
  public record Sidecar(String model, String endpoint) {}

  private static final Set<String> MAY_STILL_COME =
      Set.of(
          Reasons.CUSTOM_JOB_NOT_FOUND,
          Reasons.ENVIRONMENT_NOT_FOUND,
          Reasons.ENVIRONMENT_VERSION_NOT_FOUND,
          Reasons.BUNDLE_NOT_FOUND,
          Reasons.MODEL_NOT_FOUND);

  /** Whether a problem of this reason is an object that does not exist yet and may still come. */
  public static boolean mayStillCome(String reason) {
    return MAY_STILL_COME.contains(reason);
  }

  /** Every problem of a run, or what its references resolve to. */
  public record Result(List<Problem> problems, Optional<Resolved> resolved) {
    public boolean valid() {
      return problems.isEmpty();
    }

    /**
     * Every problem is an object that does not exist yet and may still come (the CustomJob, its
     * ExecutionEnvironment or environment version, its ResourceBundle, its sidecar model's
     * endpoint): the run waits rather than failing, as it would when a GitOps tool applies it
     * before them. Any other problem fails the run at once.
     */
    public boolean waits() {
      return !problems.isEmpty() && problems.stream().allMatch(p -> mayStillCome(p.reason()));
    }

    /** All problems as one: the first one's reason, every message. */
    public Problem summary() {
      return Problem.of(
          problems.get(0).reason(),
          problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
    }
  }

  /**
   * Validates {@code run} of {@code job}, whose egress policy must be one {@code egress} allows in
   * the run's namespace; {@code lookups} is asked for only when the job exists.
   */
  public static Result validate(
      CustomJobRun run, Optional<CustomJob> job, EgressRules egress, Supplier<Lookups> lookups) {
    return validate(run, job, egress, List.of(), lookups);
  }

  /**
   * Validates {@code run} of {@code job}, as {@link #validate(CustomJobRun, Optional, EgressRules,
   * Supplier)}, with the hosts a git code source may reach over plain http.
   */
  public static Result validate(
      CustomJobRun run,
      Optional<CustomJob> job,
      EgressRules egress,
      Collection<String> gitHttpHosts,
      Supplier<Lookups> lookups) {
    String namespace = run.getMetadata().getNamespace();
    if (job.isEmpty()) {
      return new Result(
          List.of(
              Problem.of(
                  Reasons.CUSTOM_JOB_NOT_FOUND,
                  "spec.customJobRef.name: CustomJob \""
                      + run.getSpec().getCustomJobRef().getName()
                      + "\" does not exist in namespace "
                      + namespace)),
          Optional.empty());
    }
    Lookups found = lookups.get();
    CustomJobSpec spec = job.get().getSpec();
    String field = "CustomJob " + job.get().getMetadata().getName() + " spec.";
    List<Problem> problems = new ArrayList<>();
    WorkerConfigs.Parsed workerConfig =
        WorkerConfigs.parse(spec.getWorkerConfig(), field + "workerConfig");
    workerConfig.problem().ifPresent(problems::add);

    EgressPolicies.allowed(
            field + "resources.egressNetworkPolicy",
            Egress.of(
                spec.getResources() == null ? null : spec.getResources().getEgressNetworkPolicy()),
            namespace,
            egress)
        .ifPresent(problems::add);
    GitUrls.check(field + "code", spec.getCode(), gitHttpHosts).ifPresent(problems::add);
    var environment =
        EnvironmentResolution.resolve(
            field + "environment", spec.getEnvironment(), found.environments());
    environment.problem().ifPresent(problems::add);
    environment
        .resolved()
        .ifPresent(env -> problems.addAll(PullSecrets.check(env, found.namespace(), namespace)));
    problems.addAll(
        WorkloadReferences.checkCode(field + "code", spec.getCode(), found.namespace(), namespace));
    var parameters =
        WorkloadReferences.runtimeParameters(
            spec.getRuntimeParameterDefinitions(),
            found.namespace(),
            namespace,
            WorkloadReferences.values(
                field + "runtimeParameterValues", spec.getRuntimeParameterValues()),
            WorkloadReferences.values(
                "spec.runtimeParameterValues", run.getSpec().getRuntimeParameterValues()));
    problems.addAll(parameters.problems());
    Placement[] placement = {Placement.none()};
    Map<String, Quantity> resources =
        resources(job.get(), found.bundles(), problems, b -> placement[0] = b.placement());
    Optional<Sidecar> sidecar = Optional.empty();
    if (spec.getSidecarModelRef() != null) {
      String model = spec.getSidecarModelRef().getName();
      sidecar =
          found
              .models()
              .apply(model)
              .map(m -> m.getStatus() == null ? null : m.getStatus().getEndpoint())
              .map(endpoint -> new Sidecar(model, endpoint));
      if (sidecar.isEmpty()) {
        problems.add(
            Problem.of(
                Reasons.MODEL_NOT_FOUND,
                field
                    + "sidecarModelRef.name: CustomModel \""
                    + model
                    + "\" does not exist or has no endpoint yet in namespace "
                    + namespace));
      }
    }
    if (!problems.isEmpty()) {
      return new Result(List.copyOf(problems), Optional.empty());
    }
    return new Result(
        List.of(),
        Optional.of(
            new Resolved(
                environment.resolved().orElseThrow().image(),
                parameters.parameters(),
                resources,
                sidecar,
                environment.resolved().orElseThrow(),
                placement[0],
                workerConfig.json())));
  }

  /** The job's resources; {@code bundleUsed} hears of the bundle they come from, if any. */
  private static Map<String, Quantity> resources(
      CustomJob job,
      Map<String, Bundle> bundles,
      List<Problem> problems,
      Consumer<Bundle> bundleUsed) {
    JobResources r = job.getSpec().getResources();
    String field = "CustomJob " + job.getMetadata().getName() + " spec.resources";
    if (r != null && r.getResourceBundleRef() != null) {
      // Runs of a job that already ran keep a bundle that was deprecated since.
      Set<String> inUse =
          job.getStatus() != null && job.getStatus().getLastRun() != null
              ? Set.of(r.getResourceBundleRef().getName())
              : Set.of();
      var chosen =
          BundleChoice.resolve(
              field + ".resourceBundleRef",
              r.getResourceBundleRef().getName(),
              USE_CASE,
              bundles,
              inUse);
      chosen.problem().ifPresent(problems::add);
      chosen.bundle().ifPresent(bundleUsed);
      return chosen.resources();
    }
    if (r != null && (r.getCpu() != null || r.getMemory() != null)) {
      Map<String, Quantity> out = new LinkedHashMap<>();
      if (r.getCpu() != null) {
        out.put("cpu", r.getCpu());
      }
      if (r.getMemory() != null) {
        out.put("memory", r.getMemory());
      }
      return out;
    }
    Optional<Bundle> fallback = BundleChoice.defaultFor(USE_CASE, bundles.values());
    fallback.ifPresent(bundleUsed);
    return fallback.map(BundleChoice::resources).orElse(DEFAULT_RESOURCES);
  }
}
