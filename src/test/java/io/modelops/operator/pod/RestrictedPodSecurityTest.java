package io.modelops.operator.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EphemeralContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The checker itself: it passes a minimal compliant pod and catches each kind of breach. */
class RestrictedPodSecurityTest {

  /** The smallest pod "restricted" admits. */
  private static PodSpecBuilder compliant() {
    return new PodSpecBuilder()
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addToContainers(
            new ContainerBuilder()
                .withName("app")
                .withImage("app")
                .withSecurityContext(compliantContainer().build())
                .build());
  }

  private static SecurityContextBuilder compliantContainer() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities();
  }

  private static PodSpec withContainerContext(UnaryOperator<SecurityContextBuilder> change) {
    return compliant()
        .editFirstContainer()
        .withSecurityContext(change.apply(compliantContainer()).build())
        .endContainer()
        .build();
  }

  @Test
  void admitsACompliantPod() {
    assertThat(RestrictedPodSecurity.violations(compliant().build())).isEmpty();
  }

  @Test
  void admitsPerContainerSettingsInsteadOfPodLevelOnes() {
    PodSpec spec =
        compliant()
            .withSecurityContext(null)
            .editFirstContainer()
            .withSecurityContext(
                compliantContainer()
                    .withRunAsNonRoot(true)
                    .withNewSeccompProfile()
                    .withType("Localhost")
                    .withLocalhostProfile("p.json")
                    .endSeccompProfile()
                    .build())
            .endContainer()
            .build();

    assertThat(RestrictedPodSecurity.violations(spec)).isEmpty();
  }

  @Test
  void admitsNetBindServiceAsTheOnlyAddedCapability() {
    PodSpec spec =
        withContainerContext(
            c -> c.editCapabilities().withAdd("NET_BIND_SERVICE").endCapabilities());

    assertThat(RestrictedPodSecurity.violations(spec)).isEmpty();
  }

  @Test
  void catchesAPodThatMayRunAsRoot() {
    PodSpec spec =
        compliant().editSecurityContext().withRunAsNonRoot(null).endSecurityContext().build();

    assertThat(RestrictedPodSecurity.violations(spec))
        .singleElement()
        .asString()
        .contains("runAsNonRoot must be true");
  }

  @Test
  void catchesAContainerThatOptsOutOfRunAsNonRoot() {
    PodSpec spec = withContainerContext(c -> c.withRunAsNonRoot(false));

    assertThat(RestrictedPodSecurity.violations(spec))
        .singleElement()
        .asString()
        .contains("spec.containers[0] (app)", "runAsNonRoot");
  }

  @Test
  void catchesRunAsUserZero() {
    assertThat(
            RestrictedPodSecurity.violations(
                compliant().editSecurityContext().withRunAsUser(0L).endSecurityContext().build()))
        .singleElement()
        .asString()
        .contains("spec.securityContext.runAsUser");
    assertThat(RestrictedPodSecurity.violations(withContainerContext(c -> c.withRunAsUser(0L))))
        .singleElement()
        .asString()
        .contains("runAsUser");
  }

  @Test
  void catchesMissingOrTrueAllowPrivilegeEscalation() {
    assertThat(
            RestrictedPodSecurity.violations(
                withContainerContext(c -> c.withAllowPrivilegeEscalation(null))))
        .singleElement()
        .asString()
        .contains("allowPrivilegeEscalation");
    assertThat(
            RestrictedPodSecurity.violations(
                withContainerContext(c -> c.withAllowPrivilegeEscalation(true))))
        .singleElement()
        .asString()
        .contains("allowPrivilegeEscalation");
  }

  @Test
  void catchesCapabilitiesNotDroppedOrAdded() {
    PodSpec noDrop = withContainerContext(c -> c.withCapabilities(null));

    assertThat(RestrictedPodSecurity.violations(noDrop))
        .singleElement()
        .asString()
        .contains("drop must include ALL");
    assertThat(
            RestrictedPodSecurity.violations(
                withContainerContext(
                    c -> c.editCapabilities().withAdd("SYS_ADMIN").endCapabilities())))
        .singleElement()
        .asString()
        .contains("SYS_ADMIN");
  }

  @Test
  void catchesMissingOrUnconfinedSeccomp() {
    PodSpec unset =
        compliant().editSecurityContext().withSeccompProfile(null).endSecurityContext().build();

    assertThat(RestrictedPodSecurity.violations(unset))
        .singleElement()
        .asString()
        .contains("seccompProfile must be set");
    assertThat(
            RestrictedPodSecurity.violations(
                withContainerContext(
                    c -> c.withNewSeccompProfile().withType("Unconfined").endSeccompProfile())))
        .singleElement()
        .asString()
        .contains("Unconfined");
  }

  @Test
  void catchesPrivilegedContainers() {
    assertThat(RestrictedPodSecurity.violations(withContainerContext(c -> c.withPrivileged(true))))
        .anySatisfy(v -> assertThat(v).contains("privileged"));
  }

  @Test
  void catchesHostNamespacesAndHostPorts() {
    PodSpec spec =
        compliant()
            .withHostNetwork(true)
            .withHostPID(true)
            .withHostIPC(true)
            .editFirstContainer()
            .addNewPort()
            .withContainerPort(80)
            .withHostPort(80)
            .endPort()
            .endContainer()
            .build();

    assertThat(RestrictedPodSecurity.violations(spec))
        .hasSize(4)
        .anySatisfy(v -> assertThat(v).contains("hostNetwork"))
        .anySatisfy(v -> assertThat(v).contains("hostPID"))
        .anySatisfy(v -> assertThat(v).contains("hostIPC"))
        .anySatisfy(v -> assertThat(v).contains("hostPort 80"));
  }

  @Test
  void catchesHostPathAndOtherRestrictedVolumeTypes() {
    PodSpec spec =
        compliant()
            .addToVolumes(
                new VolumeBuilder()
                    .withName("host")
                    .withNewHostPath()
                    .withPath("/")
                    .endHostPath()
                    .build())
            .addToVolumes(
                new VolumeBuilder()
                    .withName("share")
                    .withNewNfs()
                    .withServer("nfs")
                    .withPath("/")
                    .endNfs()
                    .build())
            .addToVolumes(
                new VolumeBuilder().withName("ok").withNewEmptyDir().endEmptyDir().build())
            .build();

    assertThat(RestrictedPodSecurity.violations(spec))
        .containsExactly(
            "spec.volumes[host] has restricted type hostPath",
            "spec.volumes[share] has restricted type nfs");
  }

  @Test
  void checksInitAndEphemeralContainersToo() {
    PodSpec spec =
        compliant()
            .addToInitContainers(new ContainerBuilder().withName("init").withImage("i").build())
            .addToEphemeralContainers(
                new EphemeralContainerBuilder().withName("debug").withImage("d").build())
            .build();

    assertThat(RestrictedPodSecurity.violations(spec))
        .anySatisfy(v -> assertThat(v).startsWith("spec.initContainers[0] (init)"))
        .anySatisfy(v -> assertThat(v).startsWith("spec.ephemeralContainers[0] (debug)"))
        .allSatisfy(v -> assertThat(v).doesNotContain("(app)"));
  }

  @Test
  void catchesUnsafeSysctlsAndCustomSeLinuxUsers() {
    PodSpec spec =
        compliant()
            .editSecurityContext()
            .addNewSysctl()
            .withName("kernel.msgmax")
            .withValue("1")
            .endSysctl()
            .addNewSysctl()
            .withName("net.ipv4.tcp_syncookies")
            .withValue("1")
            .endSysctl()
            .withNewSeLinuxOptions()
            .withUser("root")
            .endSeLinuxOptions()
            .endSecurityContext()
            .build();

    assertThat(RestrictedPodSecurity.violations(spec))
        .containsExactlyInAnyOrder(
            "spec.securityContext.sysctls sets unsafe kernel.msgmax",
            "spec.securityContext.seLinuxOptions.user must be unset");
  }

  @Test
  void catchesUnconfinedAppArmorAndProcMount() {
    PodSpec spec =
        withContainerContext(
            c ->
                c.withProcMount("Unmasked")
                    .withNewAppArmorProfile()
                    .withType("Unconfined")
                    .endAppArmorProfile());

    assertThat(RestrictedPodSecurity.violations(spec))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v).contains("procMount"))
        .anySatisfy(v -> assertThat(v).contains("appArmorProfile"));
  }
}
