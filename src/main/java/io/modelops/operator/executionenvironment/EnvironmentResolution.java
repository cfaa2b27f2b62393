package io.modelops.operator.executionenvironment;

import io.modelops.operator.api.v1alpha1.common.EnvironmentRef;
import io.modelops.operator.api.v1alpha1.executionenvironment.EnvironmentVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.executionenvironment.RequiredMetadataKey;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a version's or job's {@code environment} into the container image: a direct image, or an
 * ExecutionEnvironment's version (the named label, else the environment's latestVersion, else its
 * last listed version), with the metadata keys the environment requires.
 */
public final class EnvironmentResolution {
  private EnvironmentResolution() {}

  /**
   * The image to run, the environment version label used, the required metadata keys, and the
   * Secrets the environment version pulls its image with.
   */
  public record Resolved(
      String image,
      Optional<String> versionLabel,
      List<RequiredMetadataKey> requiredMetadataKeys,
      List<PullSecret> imagePullSecrets) {
    public Resolved {
      requiredMetadataKeys = List.copyOf(requiredMetadataKeys);
      imagePullSecrets = List.copyOf(imagePullSecrets);
    }
  }

  /**
   * An image pull Secret an environment version names, with the field that names it (e.g. {@code
   * ExecutionEnvironment "python" spec.versions[1].imagePullSecrets[0]}).
   */
  public record PullSecret(String name, String field) {}

  /** A resolution or the problem that prevents it. */
  public record Outcome(Optional<Resolved> resolved, Optional<Problem> problem) {}

  /**
   * Resolves {@code ref} found at {@code field} (e.g. {@code spec.environment}) using {@code
   * environments} to look ExecutionEnvironments up by name.
   */
  public static Outcome resolve(
      String field,
      EnvironmentRef ref,
      Function<String, Optional<ExecutionEnvironment>> environments) {
    if (ref == null) {
      return refused(Problem.of(Reasons.ENVIRONMENT_NOT_FOUND, field + " is required"));
    }
    if (ref.getImage() != null && !ref.getImage().isBlank()) {
      return new Outcome(
          Optional.of(new Resolved(ref.getImage(), Optional.empty(), List.of(), List.of())),
          Optional.empty());
    }
    Optional<ExecutionEnvironment> env = environments.apply(ref.getName());
    if (env.isEmpty() || env.get().getSpec() == null) {
      return refused(
          Problem.of(
              Reasons.ENVIRONMENT_NOT_FOUND,
              field + ".name: ExecutionEnvironment \"" + ref.getName() + "\" does not exist"));
    }
    var spec = env.get().getSpec();
    List<EnvironmentVersion> versions = spec.getVersions() == null ? List.of() : spec.getVersions();
    String label =
        ref.getVersion() != null
            ? ref.getVersion()
            : spec.getLatestVersion() != null
                ? spec.getLatestVersion()
                : versions.isEmpty() ? null : versions.get(versions.size() - 1).getLabel();
    Optional<EnvironmentVersion> version =
        versions.stream()
            .filter(v -> v.getLabel() != null && v.getLabel().equals(label))
            .findFirst();
    if (version.isEmpty()
        || version.get().getImage() == null
        || version.get().getImage().isBlank()) {
      String which = ref.getVersion() != null ? field + ".version" : field + ".name";
      return refused(
          Problem.of(
              Reasons.ENVIRONMENT_VERSION_NOT_FOUND,
              which
                  + ": ExecutionEnvironment \""
                  + ref.getName()
                  + "\" has no version \""
                  + label
                  + "\" with an image"));
    }
    List<RequiredMetadataKey> keys =
        spec.getRequiredMetadataKeys() == null ? List.of() : spec.getRequiredMetadataKeys();
    int index = versions.indexOf(version.get());
    List<String> secrets =
        version.get().getImagePullSecrets() == null
            ? List.of()
            : version.get().getImagePullSecrets();
    List<PullSecret> pullSecrets = new ArrayList<>();
    for (int i = 0; i < secrets.size(); i++) {
      pullSecrets.add(
          new PullSecret(
              secrets.get(i),
              "ExecutionEnvironment \""
                  + ref.getName()
                  + "\" spec.versions["
                  + index
                  + "].imagePullSecrets["
                  + i
                  + "]"));
    }
    return new Outcome(
        Optional.of(new Resolved(version.get().getImage(), Optional.of(label), keys, pullSecrets)),
        Optional.empty());
  }

  private static Outcome refused(Problem problem) {
    return new Outcome(Optional.empty(), Optional.of(problem));
  }
}
