package io.modelops.operator.executionenvironment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.executionenvironment.EnvironmentVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.EnvironmentVersionStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironmentSpec;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironmentStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ImageReferenceCheck;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionEnvironmentReconcilerTest {
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private final ExecutionEnvironmentReconciler reconciler =
      new ExecutionEnvironmentReconciler(
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void reportsEachVersionsParsedReferenceAndWhetherItIsPinned() {
    ExecutionEnvironmentStatus status =
        reconcile(
            env(
                null,
                version("1.0", "python:3.11-slim"),
                version("1.1", "ghcr.io/acme/py@" + DIGEST)));

    assertThat(status.getVersions())
        .extracting(
            EnvironmentVersionStatus::getLabel,
            EnvironmentVersionStatus::getImageReference,
            EnvironmentVersionStatus::getPinned,
            EnvironmentVersionStatus::getRegistry,
            EnvironmentVersionStatus::getRepository,
            EnvironmentVersionStatus::getTag,
            EnvironmentVersionStatus::getDigest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "1.0", ImageReferenceCheck.VALID, false, "docker.io", "python", "3.11-slim", null),
            org.assertj.core.groups.Tuple.tuple(
                "1.1", ImageReferenceCheck.VALID, true, "ghcr.io", "acme/py", null, DIGEST));
    assertThat(status.getLatestVersion()).isEqualTo("1.1");
    assertThat(ready(status))
        .satisfies(
            c -> {
              assertThat(c.getStatus().name()).isEqualTo("TRUE");
              assertThat(c.getReason()).isEqualTo("Available");
              assertThat(c.getMessage()).contains("1 pinned by digest").contains("latest 1.1");
            });
  }

  @Test
  void anImageThatDoesNotParseMakesTheEnvironmentNotReadyNamingTheField() {
    ExecutionEnvironmentStatus status =
        reconcile(env("1.0", version("1.0", "python:3.11-slim"), version("2.0", "Python:3.12")));

    assertThat(status.getVersions().get(1))
        .satisfies(
            v -> {
              assertThat(v.getImageReference()).isEqualTo(ImageReferenceCheck.INVALID);
              assertThat(v.getMessage())
                  .startsWith(
                      "spec.versions[1].image: \"Python:3.12\" is not a"
                          + " valid image reference: repository \"Python\"");
              assertThat(v.getPinned()).isNull();
              assertThat(v.getRepository()).isNull();
            });
    assertThat(status.getVersions().get(0).getImageReference())
        .isEqualTo(ImageReferenceCheck.VALID);
    assertThat(status.getLatestVersion()).isEqualTo("1.0");
    assertThat(ready(status))
        .satisfies(
            c -> {
              assertThat(c.getStatus().name()).isEqualTo("FALSE");
              assertThat(c.getReason()).isEqualTo("InvalidImageReference");
              assertThat(c.getMessage()).startsWith("spec.versions[1].image:");
            });
  }

  @Test
  void anEnvironmentWithoutVersionsIsNotReady() {
    ExecutionEnvironmentStatus status = reconcile(env(null));
    assertThat(status.getVersions()).isEmpty();
    assertThat(ready(status).getReason()).isEqualTo("NoVersions");
  }

  @Test
  void anUnchangedEnvironmentWritesNothing() {
    ExecutionEnvironment env = env(null, version("1.0", "python:3.11-slim"));
    env.setStatus(reconcile(env));
    assertThat(reconciler.reconcile(env, null).isPatchStatus()).isFalse();
  }

  private ExecutionEnvironmentStatus reconcile(ExecutionEnvironment env) {
    var control = reconciler.reconcile(env, null);
    assertThat(control.isPatchStatus()).isTrue();
    return control.getResource().orElseThrow().getStatus();
  }

  private static Condition ready(ExecutionEnvironmentStatus status) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }

  private static EnvironmentVersion version(String label, String image) {
    EnvironmentVersion v = new EnvironmentVersion();
    v.setLabel(label);
    v.setImage(image);
    return v;
  }

  private static ExecutionEnvironment env(String latest, EnvironmentVersion... versions) {
    ExecutionEnvironment env = new ExecutionEnvironment();
    env.setMetadata(new ObjectMetaBuilder().withName("python").withGeneration(1L).build());
    ExecutionEnvironmentSpec spec = new ExecutionEnvironmentSpec();
    spec.setVersions(List.of(versions));
    spec.setLatestVersion(latest);
    env.setSpec(spec);
    return env;
  }
}
