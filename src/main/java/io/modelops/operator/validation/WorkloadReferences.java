package io.modelops.operator.validation;

import io.modelops.operator.api.v1alpha1.common.CodeSource;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterDefinition;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterValue;
import io.modelops.operator.api.v1alpha1.common.SecretRef;
import io.modelops.operator.api.v1alpha1.custommodelversion.RequiredMetadataValue;
import io.modelops.operator.api.v1alpha1.executionenvironment.RequiredMetadataKey;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.WireNames;
import io.modelops.operator.runtimeparams.RuntimeParameters;
import io.modelops.operator.runtimeparams.RuntimeParameters.Definition;
import io.modelops.operator.runtimeparams.RuntimeParameters.Value;
import io.modelops.operator.status.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that need a lookup, shared by model versions and jobs: the code source's ConfigMap,
 * PersistentVolumeClaim or git Secret exists; runtime parameters resolve and their credential
 * Secrets exist; the environment's required metadata keys all have values. Every problem names the
 * field.
 */
public final class WorkloadReferences {
  /** The key read from a git credentials Secret when the reference names none. */
  public static final String DEFAULT_GIT_SECRET_KEY = "token";

  private WorkloadReferences() {}

  /** Problems with the code source's references. */
  public static List<Problem> checkCode(
      String field, CodeSource code, NamespaceLookups lookups, String namespace) {
    List<Problem> problems = new ArrayList<>();
    if (code == null) {
      return List.of(Problem.of("CodeNotFound", field + " is required"));
    }
    if (code.getConfigMap() != null && !lookups.configMapExists(code.getConfigMap().getName())) {
      problems.add(
          Problem.of(
              "ConfigMapNotFound",
              field
                  + ".configMap.name: ConfigMap \""
                  + code.getConfigMap().getName()
                  + "\" does not exist in namespace "
                  + namespace));
    }
    if (code.getPersistentVolumeClaim() != null
        && !lookups.persistentVolumeClaimExists(code.getPersistentVolumeClaim().getClaimName())) {
      problems.add(
          Problem.of(
              "PersistentVolumeClaimNotFound",
              field
                  + ".persistentVolumeClaim.claimName: PersistentVolumeClaim \""
                  + code.getPersistentVolumeClaim().getClaimName()
                  + "\" does not exist in namespace "
                  + namespace));
    }
    if (code.getGit() != null && code.getGit().getSecretRef() != null) {
      SecretRef ref = code.getGit().getSecretRef();
      checkSecret(
              field + ".git.secretRef",
              ref.getName(),
              ref.getKey() == null ? DEFAULT_GIT_SECRET_KEY : ref.getKey(),
              lookups,
              namespace)
          .ifPresent(problems::add);
    }
    return problems;
  }

  /** A Secret reference's problem, if any. */
  public static Optional<Problem> checkSecret(
      String field, String name, String key, NamespaceLookups lookups, String namespace) {
    return switch (lookups.secret(name, key)) {
      case PRESENT -> Optional.empty();
      case NO_SECRET ->
          Optional.of(
              Problem.of(
                  "SecretNotFound",
                  field + ": Secret \"" + name + "\" does not exist in namespace " + namespace));
      case NO_KEY ->
          Optional.of(
              Problem.of(
                  "SecretKeyNotFound",
                  field + ": Secret \"" + name + "\" has no key \"" + key + "\""));
    };
  }

  /** Runtime parameters as {@link RuntimeParameters} sees them. */
  public static List<Definition> definitions(List<RuntimeParameterDefinition> defs) {
    if (defs == null) {
      return List.of();
    }
    return defs.stream()
        .map(
            d ->
                new Definition(
                    d.getFieldName(),
                    WireNames.of(d.getType()),
                    Optional.ofNullable(d.getDefaultValue()),
                    Optional.ofNullable(d.getMinValue()),
                    Optional.ofNullable(d.getMaxValue()),
                    d.getAllowEmpty() == null || d.getAllowEmpty()))
        .toList();
  }

  /** Values at {@code field} (e.g. {@code spec.runtimeParameterValues}). */
  public static List<Value> values(String field, List<RuntimeParameterValue> values) {
    if (values == null) {
      return List.of();
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      RuntimeParameterValue v = values.get(i);
      out.add(
          new Value(
              field + "[" + i + "]", v.getFieldName(), WireNames.of(v.getType()), v.getValue()));
    }
    return out;
  }

  /** Resolves runtime parameters and checks that their credential Secrets exist. */
  @SafeVarargs
  public static RuntimeParameters.Resolution runtimeParameters(
      List<RuntimeParameterDefinition> defs,
      NamespaceLookups lookups,
      String namespace,
      List<Value>... values) {
    var resolution = RuntimeParameters.resolve(definitions(defs), values);
    List<Problem> problems = new ArrayList<>(resolution.problems());
    for (var p : resolution.parameters()) {
      p.credential()
          .flatMap(
              s ->
                  checkSecret(
                      "runtime parameter " + p.fieldName() + " secretRef",
                      s.name(),
                      s.key(),
                      lookups,
                      namespace))
          .ifPresent(problems::add);
    }
    return new RuntimeParameters.Resolution(resolution.parameters(), problems);
  }

  /** Problems for required metadata keys of the environment that have no value. */
  public static List<Problem> checkRequiredMetadata(
      String field,
      String environment,
      List<RequiredMetadataKey> required,
      List<RequiredMetadataValue> values) {
    Set<String> given =
        values == null
            ? Set.of()
            : values.stream().map(RequiredMetadataValue::getFieldName).collect(Collectors.toSet());
    List<Problem> problems = new ArrayList<>();
    for (RequiredMetadataKey key : required) {
      if (!given.contains(key.getFieldName())) {
        problems.add(
            Problem.of(
                "MissingRequiredMetadata",
                field
                    + ": "
                    + key.getFieldName()
                    + (key.getDisplayName() == null ? "" : " (" + key.getDisplayName() + ")")
                    + " is required by ExecutionEnvironment "
                    + environment));
      }
    }
    return problems;
  }
}
