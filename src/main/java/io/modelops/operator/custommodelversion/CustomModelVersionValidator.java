package io.modelops.operator.custommodelversion;

import io.modelops.operator.api.v1alpha1.common.CodeSource;
import io.modelops.operator.api.v1alpha1.common.Formats;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterDefinition;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionSpec;
import io.modelops.operator.api.v1alpha1.custommodelversion.RequiredMetadataValue;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.executionenvironment.EnvironmentResolution;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.pod.PodInputs;
import io.modelops.operator.pod.RuntimeParameter;
import io.modelops.operator.runtimeparams.RuntimeParameters;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import io.modelops.operator.validation.GitUrls;
import io.modelops.operator.validation.PullSecrets;
import io.modelops.operator.validation.WorkloadReferences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Validates a CustomModelVersion and resolves what its pod needs — its image (from its
 * environment), its code, its entry point, its runtime parameters and its required metadata —
 * returning every problem at once. The version reconciler reports it; the model reconciler serves
 * only what passed it, so both always agree and pod assembly never sees a spec it would refuse.
 *
 * <p>Besides the lookups (environment, ConfigMap, PVC, Secrets), it repeats the shape checks the
 * CRD schema makes (exactly one code source, relative paths, field names), since informers can
 * deliver objects the schema never saw, and it refuses what only assembly would notice: a required
 * metadata value whose environment variable the serving pod already sets, and a credential
 * parameter without a Secret reference.
 */
public final class CustomModelVersionValidator {
  /**
   * Environment variables a serving pod sets itself (besides runtime parameters), which a required
   * metadata value must not take over.
   */
  public static final Set<String> SERVING_POD_VARIABLES =
      Set.of(
          "HOME",
          "PORT",
          "URL_PREFIX",
          "TARGET_TYPE",
          "TARGET_NAME",
          "POSITIVE_CLASS_LABEL",
          "NEGATIVE_CLASS_LABEL",
          "PREDICTION_THRESHOLD",
          "CLASS_LABELS",
          "MODELOPS_MODEL",
          "MODELOPS_MODEL_VERSION");

  /** The entry point when the version names none. */
  public static final String DEFAULT_ENTRY_POINT = "start_server.sh";

  private static final Pattern RELATIVE_PATH = Pattern.compile(Formats.RELATIVE_PATH);
  private static final Pattern FIELD_NAME = Pattern.compile(Formats.FIELD_NAME);

  private CustomModelVersionValidator() {}

  /**
   * A version ready to serve, in the terms pod assembly takes.
   *
   * @param code the code source (exactly one set in the spec)
   * @param entryPoint the entry point, relative to the code directory
   * @param podParameters the runtime parameters as the pod exports them
   */
  public record Resolved(
      EnvironmentResolution.Resolved environment,
      List<RuntimeParameters.Parameter> parameters,
      Map<String, String> metadata,
      io.modelops.operator.pod.CodeOrigin code,
      String entryPoint,
      List<RuntimeParameter> podParameters) {}

  /** The resolution, or all problems at once; {@code parameters} for the status either way. */
  public record Outcome(
      Optional<Resolved> resolved,
      List<Problem> problems,
      List<RuntimeParameters.Parameter> parameters) {}

  /**
   * The lookups to resolve {@code version} with: {@link NamespaceLookups#VERIFIED} once the version
   * is {@code Validated=True} at its current generation (its Secret, ConfigMap and PVC references
   * were looked up and found, and its spec cannot change them without a new generation), else
   * {@code live}. Secrets are neither listed nor watched (least privilege), so a referenced object
   * deleted later shows in the served pods' status, not here.
   */
  public static NamespaceLookups lookupsFor(
      CustomModelVersion version, Supplier<NamespaceLookups> live) {
    var status = version.getStatus();
    boolean verified =
        status != null
            && Conditions.isTrue(status, Conditions.VALIDATED)
            && Objects.equals(
                status.getObservedGeneration(), version.getMetadata().getGeneration());
    return verified ? NamespaceLookups.VERIFIED : live.get();
  }

  /**
   * {@link #validate(CustomModelVersion, Optional, Function, NamespaceLookups, Collection)}, no
   * http git host.
   */
  public static Outcome validate(
      CustomModelVersion version,
      Optional<CustomModel> model,
      Function<String, Optional<ExecutionEnvironment>> environments,
      NamespaceLookups lookups) {
    return validate(version, model, environments, lookups, List.of());
  }

  /**
   * Validates {@code version} as its own reconciler does: its model must exist too.
   *
   * @param gitHttpHosts the hosts a git code source may reach over plain http
   */
  public static Outcome validate(
      CustomModelVersion version,
      Optional<CustomModel> model,
      Function<String, Optional<ExecutionEnvironment>> environments,
      NamespaceLookups lookups,
      Collection<String> gitHttpHosts) {
    Outcome servable = servable(version, environments, lookups, gitHttpHosts);
    if (model.isPresent()) {
      return servable;
    }
    List<Problem> problems = new ArrayList<>();
    problems.add(
        Problem.of(
            Reasons.MODEL_NOT_FOUND,
            "spec.customModelRef.name: CustomModel \""
                + version.getSpec().getCustomModelRef().getName()
                + "\" does not exist in namespace "
                + version.getMetadata().getNamespace()));
    problems.addAll(servable.problems());
    return new Outcome(Optional.empty(), List.copyOf(problems), servable.parameters());
  }

  /**
   * {@link #servable(CustomModelVersion, Function, NamespaceLookups, Collection)}, no http git
   * host.
   */
  public static Outcome servable(
      CustomModelVersion version,
      Function<String, Optional<ExecutionEnvironment>> environments,
      NamespaceLookups lookups) {
    return servable(version, environments, lookups, List.of());
  }

  /**
   * Validates and resolves {@code version} with ExecutionEnvironments and namespace lookups.
   *
   * @param gitHttpHosts the hosts a git code source may reach over plain http
   */
  public static Outcome servable(
      CustomModelVersion version,
      Function<String, Optional<ExecutionEnvironment>> environments,
      NamespaceLookups lookups,
      Collection<String> gitHttpHosts) {
    CustomModelVersionSpec spec = version.getSpec();
    String namespace = version.getMetadata().getNamespace();
    List<Problem> problems = new ArrayList<>();
    var environment =
        EnvironmentResolution.resolve("spec.environment", spec.getEnvironment(), environments);
    environment.problem().ifPresent(problems::add);
    GitUrls.check("spec.code", spec.getCode(), gitHttpHosts).ifPresent(problems::add);
    problems.addAll(WorkloadReferences.checkCode("spec.code", spec.getCode(), lookups, namespace));
    var parameters =
        WorkloadReferences.runtimeParameters(
            spec.getRuntimeParameterDefinitions(),
            lookups,
            namespace,
            WorkloadReferences.values(
                "spec.runtimeParameterValues", spec.getRuntimeParameterValues()));
    problems.addAll(parameters.problems());
    environment
        .resolved()
        .ifPresent(env -> problems.addAll(PullSecrets.check(env, lookups, namespace)));
    environment
        .resolved()
        .ifPresent(
            env ->
                problems.addAll(
                    WorkloadReferences.checkRequiredMetadata(
                        "spec.requiredMetadataValues",
                        spec.getEnvironment().getName(),
                        env.requiredMetadataKeys(),
                        spec.getRequiredMetadataValues())));
    problems.addAll(shape(spec));
    problems.addAll(credentials(spec, parameters.parameters()));
    if (!problems.isEmpty()) {
      return new Outcome(Optional.empty(), List.copyOf(problems), parameters.parameters());
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    if (spec.getRequiredMetadataValues() != null) {
      spec.getRequiredMetadataValues().forEach(m -> metadata.put(m.getFieldName(), m.getValue()));
    }
    String entryPoint = Optional.ofNullable(spec.getEntryPoint()).orElse(DEFAULT_ENTRY_POINT);
    return new Outcome(
        Optional.of(
            new Resolved(
                environment.resolved().orElseThrow(),
                parameters.parameters(),
                metadata,
                PodInputs.code(spec.getCode()),
                entryPoint,
                PodInputs.parameters(parameters.parameters()))),
        List.of(),
        parameters.parameters());
  }

  /** What the CRD schema also checks, repeated so pod assembly can rely on it. */
  static List<Problem> shape(CustomModelVersionSpec spec) {
    List<Problem> problems = new ArrayList<>();
    CodeSource code = spec.getCode();
    if (code != null) {
      long sources =
          java.util.stream.Stream.of(
                  code.getConfigMap(),
                  code.getGit(),
                  code.getImage(),
                  code.getPersistentVolumeClaim())
              .filter(Objects::nonNull)
              .count();
      if (sources != 1) {
        problems.add(
            invalid("spec.code: set exactly one of configMap, git, image, persistentVolumeClaim"));
      }
      if (code.getConfigMap() != null && blank(code.getConfigMap().getName())) {
        problems.add(invalid("spec.code.configMap.name is required"));
      }
      if (code.getPersistentVolumeClaim() != null
          && blank(code.getPersistentVolumeClaim().getClaimName())) {
        problems.add(invalid("spec.code.persistentVolumeClaim.claimName is required"));
      }
      if (code.getGit() != null && blank(code.getGit().getUrl())) {
        problems.add(invalid("spec.code.git.url is required"));
      }
      if (code.getGit() != null) {
        relativePath("spec.code.git.path", code.getGit().getPath()).ifPresent(problems::add);
      }
      if (code.getPersistentVolumeClaim() != null) {
        relativePath(
                "spec.code.persistentVolumeClaim.subPath",
                code.getPersistentVolumeClaim().getSubPath())
            .ifPresent(problems::add);
      }
    }
    if (spec.getEntryPoint() != null) {
      relativePath("spec.entryPoint", spec.getEntryPoint()).ifPresent(problems::add);
    }
    Set<String> parameterVariables = new HashSet<>();
    Set<String> definedNames = new HashSet<>();
    List<RuntimeParameterDefinition> definitions =
        spec.getRuntimeParameterDefinitions() == null
            ? List.of()
            : spec.getRuntimeParameterDefinitions();
    for (int i = 0; i < definitions.size(); i++) {
      String field = "spec.runtimeParameterDefinitions[" + i + "].fieldName";
      String name = definitions.get(i).getFieldName();
      if (!fieldName(name)) {
        problems.add(
            invalid(
                field
                    + ": \""
                    + name
                    + "\" is not a name of letters, digits and"
                    + " underscores"));
      } else if (!definedNames.add(name)) {
        problems.add(invalid(field + ": " + name + " is defined twice"));
      } else {
        parameterVariables.add("MLOPS_RUNTIME_PARAM_" + name);
        parameterVariables.add("MLOPS_CREDENTIAL_" + name);
      }
    }
    List<RequiredMetadataValue> values =
        spec.getRequiredMetadataValues() == null ? List.of() : spec.getRequiredMetadataValues();
    for (int i = 0; i < values.size(); i++) {
      String field = "spec.requiredMetadataValues[" + i + "]";
      RequiredMetadataValue value = values.get(i);
      if (!fieldName(value.getFieldName())) {
        problems.add(
            invalid(
                field
                    + ".fieldName: \""
                    + value.getFieldName()
                    + "\" is not a name of letters, digits and underscores"));
      } else if (SERVING_POD_VARIABLES.contains(value.getFieldName())
          || parameterVariables.contains(value.getFieldName())) {
        problems.add(
            Problem.of(
                Reasons.ENVIRONMENT_VARIABLE_CONFLICT,
                field
                    + ".fieldName: "
                    + value.getFieldName()
                    + " is an environment variable the model's pod already"
                    + " sets; choose another field name"));
      }
      if (value.getValue() == null) {
        problems.add(invalid(field + ".value is required"));
      }
    }
    return problems;
  }

  /**
   * A credential reaches the pod only through a Secret: one without a {@code secretRef} value (an
   * optional credential left empty, or a literal defaultValue) cannot be exported.
   */
  static List<Problem> credentials(
      CustomModelVersionSpec spec, List<RuntimeParameters.Parameter> parameters) {
    Set<String> given = new HashSet<>();
    if (spec.getRuntimeParameterValues() != null) {
      spec.getRuntimeParameterValues().forEach(v -> given.add(v.getFieldName()));
    }
    List<Problem> problems = new ArrayList<>();
    for (var p : parameters) {
      if (!"credential".equals(p.type())
          || p.credential().isPresent()
          || given.contains(p.fieldName())) {
        continue;
      }
      boolean literalDefault = p.defaultValue().filter(v -> !v.isNull()).isPresent();
      if (literalDefault) {
        problems.add(
            Problem.of(
                Reasons.INVALID_RUNTIME_PARAMETER,
                "runtime parameter "
                    + p.fieldName()
                    + " defaultValue: a credential is a reference {secretRef: {name,"
                    + " key}}, never a literal value"));
      } else if (allowsEmpty(spec, p.fieldName())) {
        problems.add(
            Problem.of(
                Reasons.MISSING_RUNTIME_PARAMETER,
                "runtime parameter "
                    + p.fieldName()
                    + " is a credential and needs a value {secretRef: {name, key}} in"
                    + " spec.runtimeParameterValues"));
      }
    }
    return problems;
  }

  private static boolean allowsEmpty(CustomModelVersionSpec spec, String fieldName) {
    return spec.getRuntimeParameterDefinitions().stream()
        .filter(d -> fieldName.equals(d.getFieldName()))
        .allMatch(d -> d.getAllowEmpty() == null || d.getAllowEmpty());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static boolean fieldName(String name) {
    return name != null && FIELD_NAME.matcher(name).matches();
  }

  private static Optional<Problem> relativePath(String field, String path) {
    if (path == null || RELATIVE_PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        invalid(
            field
                + ": \""
                + path
                + "\" must be a relative path without"
                + " \".\" or \"..\" segments"));
  }

  private static Problem invalid(String message) {
    return Problem.of(Reasons.INVALID_SPEC, message);
  }
}
