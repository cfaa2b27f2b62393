package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;

/**
 * The security settings that make every assembled pod meet the Pod Security Standards "restricted"
 * profile.
 *
 * <p>The pod runs as UID and GID {@value #USER_ID} whatever the image's USER says: environment
 * images such as {@code python:3.11-slim} default to root, which "restricted" refuses, and a fixed
 * non-root UID lets the kubelet check runAsNonRoot without reading the image. 10001 is outside the
 * range distributions give to system and first login users, so it does not accidentally own files
 * baked into an image. fsGroup gives that group the emptyDirs and any PVC, so code and scratch
 * space are readable and writable by the process.
 */
final class PodSecurity {
  /** The UID, GID and fsGroup of every container. */
  static final long USER_ID = 10001L;

  private PodSecurity() {}

  static PodSecurityContext podSecurityContext() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(USER_ID)
        .withRunAsGroup(USER_ID)
        .withFsGroup(USER_ID)
        // Skip the recursive chown of a large code PVC when its root already fits.
        .withFsGroupChangePolicy("OnRootMismatch")
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  static SecurityContext containerSecurityContext() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .build();
  }

  /**
   * A container with the restricted security context. Its termination message falls back to the log
   * tail, so a crash's last words reach the pod status, where the reconciler reads them for the
   * user.
   */
  static ContainerBuilder restrictedContainer(String name, String image) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(image)
        .withSecurityContext(containerSecurityContext())
        .withTerminationMessagePolicy("FallbackToLogsOnError");
  }
}
