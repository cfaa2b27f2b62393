package io.modelops.operator.pod;

import com.fasterxml.jackson.databind.node.NullNode;
import io.modelops.operator.api.v1alpha1.common.CodeSource;
import io.modelops.operator.runtimeparams.RuntimeParameters;
import io.modelops.operator.validation.WorkloadReferences;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Translates what the reconcilers resolved from the API (code source, runtime parameters,
 * environment) into the inputs of {@link io.modelops.operator.pod.PodAssembly}, the one pod
 * assembly shared by served models and job runs.
 */
public final class PodInputs {
  private PodInputs() {}

  /** The pod assembly's code source for an API code source (exactly one field is set). */
  public static CodeOrigin code(CodeSource code) {
    if (code.getConfigMap() != null) {
      return new CodeOrigin.ConfigMapCode(code.getConfigMap().getName());
    }
    if (code.getPersistentVolumeClaim() != null) {
      // No subPath or path means the root, as the API documents.
      return new CodeOrigin.PvcCode(
          code.getPersistentVolumeClaim().getClaimName(),
          Objects.requireNonNullElse(code.getPersistentVolumeClaim().getSubPath(), ""));
    }
    if (code.getGit() != null) {
      var git = code.getGit();
      Optional<SecretKey> credentials =
          Optional.ofNullable(git.getSecretRef())
              .map(
                  s ->
                      new SecretKey(
                          s.getName(),
                          s.getKey() == null
                              ? WorkloadReferences.DEFAULT_GIT_SECRET_KEY
                              : s.getKey()));
      return new CodeOrigin.GitCode(
          git.getUrl(),
          git.getRef() == null ? "HEAD" : git.getRef(),
          Objects.requireNonNullElse(git.getPath(), ""),
          credentials);
    }
    return new CodeOrigin.ImageCode(code.getImage());
  }

  /** Runtime parameters: credentials by Secret reference, the rest with their current value. */
  public static List<RuntimeParameter> parameters(List<RuntimeParameters.Parameter> resolved) {
    return resolved.stream()
        .map(
            p ->
                p.credential()
                    .<RuntimeParameter>map(
                        s ->
                            new RuntimeParameter.Credential(
                                p.fieldName(), new SecretKey(s.name(), s.key())))
                    .orElseGet(
                        () ->
                            new RuntimeParameter.Plain(
                                p.fieldName(),
                                p.type(),
                                p.currentValue().orElse(NullNode.getInstance()))))
        .toList();
  }

  /** Environment variables in the map's order. */
  public static List<EnvironmentVariable> environment(Map<String, String> env) {
    return env.entrySet().stream()
        .map(e -> new EnvironmentVariable(e.getKey(), e.getValue()))
        .toList();
  }
}
