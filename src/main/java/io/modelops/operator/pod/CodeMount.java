package io.modelops.operator.pod;

import static io.modelops.operator.pod.PodLayout.CODE_DIR;
import static io.modelops.operator.pod.PodLayout.CODE_VOLUME;
import static io.modelops.operator.pod.PodLayout.CODE_WORKSPACE;
import static io.modelops.operator.pod.PodLayout.GIT_FETCH_CONTAINER;
import static io.modelops.operator.pod.PodLayout.IMAGE_COPY_CONTAINER;
import static io.modelops.operator.pod.PodLayout.TMP_DIR;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.modelops.operator.validation.GitUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a code source becomes the read-only {@code /opt/code} of the main container: the code volume,
 * the main container's mount of it, and the init container that fills it, if any.
 *
 * <ul>
 *   <li>ConfigMap: a configMap volume with defaultMode 0555, so scripts are executable.
 *   <li>Git: an init container from the operator's git fetcher image fetches {@code ref} (depth 1)
 *       into an emptyDir; the main container mounts the {@code path} subdirectory. A private
 *       repository's token reaches the init container through {@code secretKeyRef} and a git
 *       credential helper bound to the URL's own origin (its scheme, host and port: https, or http
 *       only to a host the operator's {@code gitHttpHosts} names; a redirect to another host gets
 *       nothing), never in a URL, argument or literal. The token is used as the HTTPS password; the
 *       user name is the one in the URL, else {@code x-access-token} (what GitHub app tokens
 *       expect; GitHub, GitLab and Azure DevOps personal tokens accept any user name; Bitbucket
 *       users put theirs in the URL). The URL, ref and path travel as environment variables, so no
 *       user input is ever parsed by the shell. The init container fails with a message naming the
 *       path if the path is not in the commit.
 *   <li>OCI image: an init container runs the code image itself and copies its {@code /code} into
 *       an emptyDir ({@code cp -R /code/. /workspace/}). Contract: the code image has a {@code
 *       /code} directory readable by UID 10001 and a {@code cp} on PATH (busybox or
 *       distroless-debug bases do; {@code FROM scratch} does not). Kubernetes image volumes would
 *       avoid the copy, but they sit behind the ImageVolume feature gate, need a recent container
 *       runtime, and Pod Security "restricted" admits them only from Kubernetes 1.33; init-copy
 *       works on every cluster we support.
 *   <li>PVC: a persistentVolumeClaim volume mounted read-only, at its {@code subPath}.
 * </ul>
 *
 * Whatever the source, the entry point must be executable in it (committed with the executable bit
 * in git, {@code chmod +x} in an image or on the volume): the main container execs it directly,
 * without a shell.
 *
 * @param volume the code volume
 * @param mainMount the main container's read-only mount at {@code /opt/code}
 * @param initContainers the containers that fill the volume before the main one starts
 */
record CodeMount(Volume volume, VolumeMount mainMount, List<Container> initContainers) {
  /** Where the git fetcher checks out the repository, inside the code volume. */
  static final String GIT_CHECKOUT_DIR = "repo";

  private static final String GIT_CHECKOUT = CODE_WORKSPACE + "/" + GIT_CHECKOUT_DIR;

  /**
   * The git fetcher's script. Only {@code sh} and git (2.31+, for GIT_CONFIG_COUNT) are needed. A
   * depth-1 fetch of the ref followed by a checkout of FETCH_HEAD works for branches, tags and full
   * commit SHAs alike (SHAs where the server lets clients fetch them, as GitHub and GitLab do),
   * where {@code git clone --branch} refuses SHAs. {@code --end-of-options} (git 2.24+) before the
   * URL and the ref: whatever the schema lets through, git reads them as a URL and a ref, never as
   * an option such as {@code --upload-pack=<command>}.
   */
  static final String GIT_FETCH_SCRIPT =
      """
      set -eu
      git -c init.defaultBranch=main init -q "$MODELOPS_GIT_CHECKOUT"
      cd "$MODELOPS_GIT_CHECKOUT"
      git remote add --end-of-options origin "$MODELOPS_GIT_URL"
      git fetch -q --depth 1 --end-of-options origin "$MODELOPS_GIT_REF"
      git -c advice.detachedHead=false checkout -q FETCH_HEAD
      if [ ! -d "./$MODELOPS_GIT_PATH" ]; then
        echo "path '$MODELOPS_GIT_PATH' not found in $MODELOPS_GIT_URL at $MODELOPS_GIT_REF" >&2
        exit 1
      fi
      """;

  /**
   * A git credential helper (run by git through {@code sh}) answering with the token from
   * MODELOPS_GIT_PASSWORD, and with the user name x-access-token unless the URL named one; only
   * when git asks for the URL's own protocol and host (MODELOPS_GIT_CREDENTIAL_PROTOCOL and
   * MODELOPS_GIT_CREDENTIAL_HOST). Git consults it only for that origin anyway ({@code
   * credential.<origin>.helper}); the helper's own check keeps the token bound to that origin
   * should the configuration ever be widened.
   */
  static final String GIT_CREDENTIAL_HELPER =
      "!f() { test \"$1\" = get || exit 0; user=; protocol=; host=; "
          + "while read -r line; do case \"$line\" in "
          + "username=*) user=given;; "
          + "protocol=*) protocol=\"${line#protocol=}\";; "
          + "host=*) host=\"${line#host=}\";; esac; done; "
          + "test \"$protocol\" = \"$MODELOPS_GIT_CREDENTIAL_PROTOCOL\" || exit 0; "
          + "test \"$host\" = \"$MODELOPS_GIT_CREDENTIAL_HOST\" || exit 0; "
          + "test -n \"$user\" || echo username=x-access-token; "
          + "echo \"password=$MODELOPS_GIT_PASSWORD\"; }; f";

  /**
   * Where a git token may go: the URL's own scheme and host (with its port), over https, or over
   * http to a host the operator's configuration names ({@code gitHttpHosts}); none otherwise.
   */
  record CredentialOrigin(String protocol, String host) {
    static Optional<CredentialOrigin> of(String url, Set<String> httpHosts) {
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      String host = uri.getHost();
      if (host == null || uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
        return Optional.empty();
      }
      if (!GitUrls.reachable(url, httpHosts)) {
        return Optional.empty();
      }
      return Optional.of(
          new CredentialOrigin(scheme, uri.getPort() < 0 ? host : host + ":" + uri.getPort()));
    }

    /** The git configuration key that scopes the helper to this origin. */
    String helperKey() {
      return "credential." + protocol + "://" + host + ".helper";
    }
  }

  static CodeMount of(CodeOrigin source, OperatorPodSettings settings, ResourceRequirements init) {
    if (source instanceof CodeOrigin.ConfigMapCode configMap) {
      return fromConfigMap(configMap);
    } else if (source instanceof CodeOrigin.GitCode git) {
      return fromGit(git, settings, init);
    } else if (source instanceof CodeOrigin.ImageCode image) {
      return fromImage(image, settings, init);
    } else if (source instanceof CodeOrigin.PvcCode pvc) {
      return fromPvc(pvc);
    }
    throw new IllegalStateException("unknown code source " + source);
  }

  private static CodeMount fromConfigMap(CodeOrigin.ConfigMapCode code) {
    Volume volume =
        new VolumeBuilder()
            .withName(CODE_VOLUME)
            .withNewConfigMap()
            .withName(code.name())
            .withDefaultMode(0555)
            .endConfigMap()
            .build();
    return new CodeMount(volume, readOnlyCodeMount(""), List.of());
  }

  private static CodeMount fromGit(
      CodeOrigin.GitCode code, OperatorPodSettings settings, ResourceRequirements resources) {
    ContainerEnvironment environment =
        new ContainerEnvironment()
            .literal("HOME", TMP_DIR, "the git fetcher")
            .literal("GIT_TERMINAL_PROMPT", "0", "the git fetcher")
            .literal("MODELOPS_GIT_URL", code.url(), "git url")
            .literal("MODELOPS_GIT_REF", code.ref(), "git ref")
            .literal("MODELOPS_GIT_PATH", code.path(), "git path")
            .literal("MODELOPS_GIT_CHECKOUT", GIT_CHECKOUT, "the git fetcher");
    // A token whose URL is neither https nor an allowed http host is never handed to the fetcher.
    code.credentials()
        .ifPresent(
            secret ->
                CredentialOrigin.of(code.url(), settings.gitHttpHosts())
                    .ifPresent(
                        origin ->
                            environment
                                .fromSecret("MODELOPS_GIT_PASSWORD", secret, "git credentials")
                                .literal(
                                    "MODELOPS_GIT_CREDENTIAL_PROTOCOL",
                                    origin.protocol(),
                                    "git credentials")
                                .literal(
                                    "MODELOPS_GIT_CREDENTIAL_HOST",
                                    origin.host(),
                                    "git credentials")
                                .literal("GIT_CONFIG_COUNT", "1", "git credentials")
                                .literal("GIT_CONFIG_KEY_0", origin.helperKey(), "git credentials")
                                .literal(
                                    "GIT_CONFIG_VALUE_0",
                                    GIT_CREDENTIAL_HELPER,
                                    "git credentials")));
    Container fetcher =
        PodSecurity.restrictedContainer(GIT_FETCH_CONTAINER, settings.gitFetcherImage())
            .withCommand("sh", "-c", KubeletExpansion.verbatim(GIT_FETCH_SCRIPT))
            .withEnv(environment.variables())
            .withResources(resources)
            .withVolumeMounts(workspaceMount(), PodLayout.tmpMount())
            .build();
    String subPath =
        code.path().isEmpty() ? GIT_CHECKOUT_DIR : GIT_CHECKOUT_DIR + "/" + code.path();
    return new CodeMount(
        emptyDirCodeVolume(settings), readOnlyCodeMount(subPath), List.of(fetcher));
  }

  private static CodeMount fromImage(
      CodeOrigin.ImageCode code, OperatorPodSettings settings, ResourceRequirements resources) {
    Container copier =
        PodSecurity.restrictedContainer(IMAGE_COPY_CONTAINER, code.image())
            .withCommand("cp", "-R", "/code/.", CODE_WORKSPACE + "/")
            .withResources(resources)
            .withVolumeMounts(workspaceMount(), PodLayout.tmpMount())
            .build();
    return new CodeMount(emptyDirCodeVolume(settings), readOnlyCodeMount(""), List.of(copier));
  }

  private static CodeMount fromPvc(CodeOrigin.PvcCode code) {
    Volume volume =
        new VolumeBuilder()
            .withName(CODE_VOLUME)
            .withNewPersistentVolumeClaim()
            .withClaimName(code.claimName())
            .withReadOnly(true)
            .endPersistentVolumeClaim()
            .build();
    return new CodeMount(volume, readOnlyCodeMount(code.subPath()), List.of());
  }

  private static Volume emptyDirCodeVolume(OperatorPodSettings settings) {
    return new VolumeBuilder()
        .withName(CODE_VOLUME)
        .withNewEmptyDir()
        .withSizeLimit(settings.codeSizeLimit())
        .endEmptyDir()
        .build();
  }

  private static VolumeMount readOnlyCodeMount(String subPath) {
    return new VolumeMountBuilder()
        .withName(CODE_VOLUME)
        .withMountPath(CODE_DIR)
        .withReadOnly(true)
        .withSubPath(subPath.isEmpty() ? null : subPath)
        .build();
  }

  private static VolumeMount workspaceMount() {
    return new VolumeMountBuilder().withName(CODE_VOLUME).withMountPath(CODE_WORKSPACE).build();
  }
}
