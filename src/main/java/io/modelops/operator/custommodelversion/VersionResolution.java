package io.modelops.operator.custommodelversion;

import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionSpec;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.executionenvironment.EnvironmentResolution;
import io.modelops.operator.runtimeparams.RuntimeParameters;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.workload.NamespaceLookups;
import io.modelops.operator.workload.WorkloadReferences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything a version needs resolved before it can be served — its image (from its
 * environment), its code references, its runtime parameters and its required metadata — or
 * every problem that stops it. The version reconciler reports it; the model reconciler serves
 * from it, so both always agree.
 */
public final class VersionResolution {
  private VersionResolution() {}

  /** A version ready to serve. */
  public record Resolved(EnvironmentResolution.Resolved environment,
      List<RuntimeParameters.Parameter> parameters, Map<String, String> metadata) {}

  /** The resolution, or all problems at once. */
  public record Outcome(Optional<Resolved> resolved, List<Problem> problems,
      List<RuntimeParameters.Parameter> parameters) {}

  /**
   * The lookups to resolve {@code version} with: {@link NamespaceLookups#VERIFIED} once the
   * version is {@code Validated=True} at its current generation (its Secret, ConfigMap and PVC
   * references were looked up and found, and its spec cannot change them without a new
   * generation), else {@code live}. Secrets are neither listed nor watched (least privilege), so
   * a referenced object deleted later shows in the served pods' status, not here.
   */
  public static NamespaceLookups lookupsFor(CustomModelVersion version,
      Supplier<NamespaceLookups> live) {
    var status = version.getStatus();
    boolean verified = status != null
        && Conditions.isTrue(status, Conditions.VALIDATED)
        && Objects.equals(status.getObservedGeneration(), version.getMetadata().getGeneration());
    return verified ? NamespaceLookups.VERIFIED : live.get();
  }

  /** Resolves {@code version} with ExecutionEnvironments and namespace lookups. */
  public static Outcome resolve(CustomModelVersion version,
      Function<String, Optional<ExecutionEnvironment>> environments, NamespaceLookups lookups) {
    CustomModelVersionSpec spec = version.getSpec();
    String namespace = version.getMetadata().getNamespace();
    List<Problem> problems = new ArrayList<>();
    var environment = EnvironmentResolution.resolve("spec.environment", spec.getEnvironment(),
        environments);
    environment.problem().ifPresent(problems::add);
    problems.addAll(WorkloadReferences.checkCode("spec.code", spec.getCode(), lookups,
        namespace));
    var parameters = WorkloadReferences.runtimeParameters(spec.getRuntimeParameterDefinitions(),
        lookups, namespace,
        WorkloadReferences.values("spec.runtimeParameterValues",
            spec.getRuntimeParameterValues()));
    problems.addAll(parameters.problems());
    environment.resolved().ifPresent(env -> problems.addAll(
        WorkloadReferences.checkRequiredMetadata("spec.requiredMetadataValues",
            spec.getEnvironment().getName(), env.requiredMetadataKeys(),
            spec.getRequiredMetadataValues())));
    Map<String, String> metadata = new LinkedHashMap<>();
    if (spec.getRequiredMetadataValues() != null) {
      spec.getRequiredMetadataValues().forEach(m -> metadata.put(m.getFieldName(), m.getValue()));
    }
    if (!problems.isEmpty()) {
      return new Outcome(Optional.empty(), List.copyOf(problems), parameters.parameters());
    }
    return new Outcome(Optional.of(new Resolved(environment.resolved().orElseThrow(),
        parameters.parameters(), metadata)), List.of(), parameters.parameters());
  }
}
