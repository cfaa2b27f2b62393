package io.modelops.operator.pod;

import static io.modelops.operator.pod.Workloads.git;
import static io.modelops.operator.pod.Workloads.init;
import static io.modelops.operator.pod.Workloads.main;
import static io.modelops.operator.pod.Workloads.model;
import static io.modelops.operator.pod.Workloads.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodeSourceMountTest {

  private static VolumeMount codeMount(Container container) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getName().equals("code"))
        .findFirst()
        .orElseThrow();
  }

  private static Volume codeVolume(PodSpec spec) {
    return spec.getVolumes().stream()
        .filter(v -> v.getName().equals("code"))
        .findFirst()
        .orElseThrow();
  }

  private static EnvVar env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + container.getEnv()));
  }

  @Test
  void mountsConfigMapCodeReadOnlyAtOptCode() {
    PodSpec spec = spec(model());

    assertThat(codeVolume(spec).getConfigMap().getName()).isEqualTo("churn-code-v2");
    VolumeMount mount = codeMount(spec.getContainers().get(0));
    assertThat(mount.getMountPath()).isEqualTo("/opt/code");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(mount.getSubPath()).isNull();
    assertThat(spec.getInitContainers()).isEmpty();
  }

  @Test
  void configMapCodeFilesAreExecutableSoTheEntryPointRuns() {
    assertThat(codeVolume(spec(model())).getConfigMap().getDefaultMode()).isEqualTo(0555);
  }

  @Test
  void gitCodeIsFetchedByAnInitContainerIntoAnEmptyDir() {
    PodSpec spec = spec(model().code(git(Optional.empty())));

    assertThat(codeVolume(spec).getEmptyDir()).isNotNull();
    Container fetcher = spec.getInitContainers().get(0);
    assertThat(fetcher.getName()).isEqualTo("fetch-code");
    assertThat(fetcher.getImage()).isEqualTo("alpine/git:2.47.2");
    assertThat(fetcher.getCommand()).hasSize(3).startsWith("sh", "-c");
    VolumeMount workspace = codeMount(fetcher);
    assertThat(workspace.getMountPath()).isEqualTo("/workspace");
    assertThat(workspace.getReadOnly()).isNull();
  }

  @Test
  void gitInitContainerUsesTheConfiguredFetcherImage() {
    Container fetcher =
        init(
            model()
                .code(git(Optional.empty()))
                .operatorSettings(new OperatorPodSettings("registry.internal/git:1")));

    assertThat(fetcher.getImage()).isEqualTo("registry.internal/git:1");
  }

  @Test
  void mainContainerMountsTheGitPathReadOnly() {
    VolumeMount mount = codeMount(main(model().code(git(Optional.empty()))));

    assertThat(mount.getMountPath()).isEqualTo("/opt/code");
    assertThat(mount.getSubPath()).isEqualTo("repo/models/churn");
    assertThat(mount.getReadOnly()).isTrue();
  }

  @Test
  void gitCodeAtTheRepositoryRootMountsTheWholeCheckout() {
    var code =
        new CodeOrigin.GitCode("https://git.example.com/m.git", "main", "/", Optional.empty());

    assertThat(codeMount(main(model().code(code))).getSubPath()).isEqualTo("repo");
  }

  @Test
  void gitUrlRefAndPathReachTheFetcherAsEnvironmentNotAsScript() {
    String hostileUrl = "https://git.example.com/x.git\"; rm -rf /; echo \"$(id)";
    var code = new CodeOrigin.GitCode(hostileUrl, "main", "a b", Optional.empty());
    Container fetcher = init(model().code(code));

    assertThat(fetcher.getCommand().get(2))
        .isEqualTo(KubeletExpansion.verbatim(CodeMount.GIT_FETCH_SCRIPT))
        .doesNotContain("git.example.com");
    Map<String, String> seen = KubeletEnvironment.resolve(fetcher, Map.of());
    assertThat(seen)
        .containsEntry("MODELOPS_GIT_URL", hostileUrl)
        .containsEntry("MODELOPS_GIT_REF", "main")
        .containsEntry("MODELOPS_GIT_PATH", "a b")
        .containsEntry("MODELOPS_GIT_CHECKOUT", "/workspace/repo")
        .containsEntry("GIT_TERMINAL_PROMPT", "0")
        .containsEntry("HOME", "/tmp");
    assertThat(KubeletEnvironment.command(fetcher, seen).get(2))
        .isEqualTo(CodeMount.GIT_FETCH_SCRIPT);
  }

  @Test
  void gitInitContainerGetsTheVersionSecret() {
    Container fetcher = init(model().code(git(Optional.of(new SecretKey("git-token", "token")))));

    var ref = env(fetcher, "MODELOPS_GIT_PASSWORD").getValueFrom().getSecretKeyRef();
    assertThat(ref.getName()).isEqualTo("git-token");
    assertThat(ref.getKey()).isEqualTo("token");
    Map<String, String> seen =
        KubeletEnvironment.resolve(fetcher, Map.of("git-token", Map.of("token", "ghp_s3cr$t")));
    assertThat(seen)
        .containsEntry("MODELOPS_GIT_PASSWORD", "ghp_s3cr$t")
        .containsEntry("GIT_CONFIG_COUNT", "1")
        .containsEntry("GIT_CONFIG_KEY_0", "credential.https://git.example.com.helper")
        .containsEntry("MODELOPS_GIT_CREDENTIAL_PROTOCOL", "https")
        .containsEntry("MODELOPS_GIT_CREDENTIAL_HOST", "git.example.com")
        .containsEntry("GIT_CONFIG_VALUE_0", CodeMount.GIT_CREDENTIAL_HELPER);
  }

  @Test
  void gitTokenNeverAppearsAsALiteral() {
    PodSpec spec = spec(model().code(git(Optional.of(new SecretKey("git-token", "token")))));

    assertThat(spec.getInitContainers().get(0).getEnv())
        .filteredOn(e -> e.getName().equals("MODELOPS_GIT_PASSWORD"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue()).isNull());
    assertThat(spec.getInitContainers().get(0).getCommand()).noneMatch(c -> c.contains("token"));
  }

  @Test
  void publicGitRepositoryGetsNoCredentialHelper() {
    Container fetcher = init(model().code(git(Optional.empty())));

    assertThat(fetcher.getEnv())
        .extracting(EnvVar::getName)
        .doesNotContain("MODELOPS_GIT_PASSWORD", "GIT_CONFIG_COUNT", "GIT_CONFIG_VALUE_0");
  }

  @Test
  void imageCodeIsCopiedByAnInitContainerRunningTheCodeImage() {
    PodSpec spec = spec(model().code(new CodeOrigin.ImageCode("registry/org/churn-code:2")));

    Container copier = spec.getInitContainers().get(0);
    assertThat(copier.getName()).isEqualTo("copy-code");
    assertThat(copier.getImage()).isEqualTo("registry/org/churn-code:2");
    assertThat(copier.getCommand()).containsExactly("cp", "-R", "/code/.", "/workspace/");
    assertThat(codeMount(copier).getMountPath()).isEqualTo("/workspace");
    assertThat(codeVolume(spec).getEmptyDir()).isNotNull();
    VolumeMount mount = codeMount(spec.getContainers().get(0));
    assertThat(mount.getMountPath()).isEqualTo("/opt/code");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(mount.getSubPath()).isNull();
  }

  @Test
  void mountsPvcCodeReadOnlyAtItsSubPath() {
    PodSpec spec = spec(model().code(new CodeOrigin.PvcCode("models", "/churn/v2/")));

    var claim = codeVolume(spec).getPersistentVolumeClaim();
    assertThat(claim.getClaimName()).isEqualTo("models");
    assertThat(claim.getReadOnly()).isTrue();
    VolumeMount mount = codeMount(spec.getContainers().get(0));
    assertThat(mount.getMountPath()).isEqualTo("/opt/code");
    assertThat(mount.getSubPath()).isEqualTo("churn/v2");
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(spec.getInitContainers()).isEmpty();
  }

  @Test
  void pvcCodeWithoutSubPathMountsTheVolumeRoot() {
    assertThat(codeMount(main(model().code(new CodeOrigin.PvcCode("models", "")))).getSubPath())
        .isNull();
  }

  @Test
  void initContainersGetCpuMemoryAndEphemeralStorageButNeverGpus() {
    var resources =
        ComputeResources.requestsEqualLimits(
            Map.of(
                "cpu", new Quantity("2"),
                "memory", new Quantity("4Gi"),
                "nvidia.com/gpu", new Quantity("1")));
    Container fetcher = init(model().code(git(Optional.empty())).resources(resources));

    assertThat(fetcher.getResources().getRequests())
        .containsOnlyKeys("cpu", "memory", "ephemeral-storage")
        .containsEntry("memory", new Quantity("4Gi"))
        .containsEntry("ephemeral-storage", new Quantity("256Mi"));
    assertThat(fetcher.getResources().getLimits())
        .containsOnlyKeys("cpu", "memory", "ephemeral-storage")
        .containsEntry("ephemeral-storage", new Quantity("4Gi"));
  }

  @Test
  void initContainersHaveScratchSpaceAndTheRestrictedSecurityContext() {
    for (CodeOrigin code :
        new CodeOrigin[] {git(Optional.empty()), new CodeOrigin.ImageCode("registry/org/code:1")}) {
      Container init = init(model().code(code));

      assertThat(init.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/tmp");
      assertThat(init.getSecurityContext()).isEqualTo(PodSecurity.containerSecurityContext());
    }
  }
}
