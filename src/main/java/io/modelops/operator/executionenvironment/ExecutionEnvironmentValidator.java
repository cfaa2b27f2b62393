package io.modelops.operator.executionenvironment;

import io.modelops.operator.api.v1alpha1.executionenvironment.EnvironmentVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.EnvironmentVersionStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironmentSpec;
import io.modelops.operator.api.v1alpha1.executionenvironment.ImageReferenceCheck;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the operator can check of an ExecutionEnvironment without a registry: that each version's
 * image reference parses, and whether it is pinned by digest. A pure function of the spec.
 */
public final class ExecutionEnvironmentValidator {
  private ExecutionEnvironmentValidator() {}

  /**
   * The checked versions (in spec order), the effective latest version label (the named one, else
   * the last listed), and every problem found.
   */
  public record Checked(
      List<EnvironmentVersionStatus> versions,
      Optional<String> latestVersion,
      List<Problem> problems) {
    public long pinnedCount() {
      return versions.stream().filter(v -> Boolean.TRUE.equals(v.getPinned())).count();
    }
  }

  public static Checked validate(ExecutionEnvironmentSpec spec) {
    List<EnvironmentVersion> versions = spec.getVersions() == null ? List.of() : spec.getVersions();
    List<EnvironmentVersionStatus> reported = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      EnvironmentVersion v = versions.get(i);
      EnvironmentVersionStatus s = new EnvironmentVersionStatus();
      s.setLabel(v.getLabel());
      s.setImage(v.getImage());
      ImageReference.Parsed parsed = ImageReference.parse(v.getImage());
      if (parsed.reference().isPresent()) {
        ImageReference ref = parsed.reference().get();
        s.setImageReference(ImageReferenceCheck.VALID);
        s.setRegistry(ref.registry());
        s.setRepository(ref.repository());
        s.setTag(ref.tag().orElse(null));
        s.setDigest(ref.digest().orElse(null));
        s.setPinned(ref.pinned());
      } else {
        String message =
            "spec.versions["
                + i
                + "].image: \""
                + v.getImage()
                + "\" is not a valid image reference: "
                + parsed.problem().orElseThrow();
        s.setImageReference(ImageReferenceCheck.INVALID);
        s.setMessage(message);
        problems.add(Problem.of(Reasons.INVALID_IMAGE_REFERENCE, message));
      }
      reported.add(s);
    }
    Optional<String> latest =
        spec.getLatestVersion() != null
            ? Optional.of(spec.getLatestVersion())
            : versions.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(versions.get(versions.size() - 1).getLabel());
    if (latest.isEmpty()) {
      problems.add(
          Problem.of(
              Reasons.NO_VERSIONS, "spec.versions is empty: list at least one {label, image}"));
    }
    return new Checked(reported, latest, problems);
  }
}
