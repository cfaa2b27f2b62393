package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a PodSpec against the Pod Security Standards "restricted" profile (which includes
 * "baseline"), as the Pod Security admission controller of Kubernetes 1.33+ applies it to Linux
 * pods. Returns one line per violation, naming the field; an empty list means the pod would be
 * admitted into a namespace enforcing "restricted".
 *
 * <p>Reusable by any test that builds pods (serving Deployments, job runs, the model test job).
 * Annotations (the legacy AppArmor and seccomp ones) are outside a PodSpec and not checked; the
 * operator never writes them.
 */
public final class RestrictedPodSecurity {
  /** "restricted" volume types; {@code image} was added in Kubernetes 1.33. */
  private static final Set<String> ALLOWED_VOLUME_TYPES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "image",
          "persistentVolumeClaim",
          "projected",
          "secret");

  private static final Set<String> SAFE_SYSCTLS =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_unprivileged_port_start",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes");

  private static final Set<String> ALLOWED_SELINUX_TYPES =
      Set.of("container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  private static final Set<String> ALLOWED_SECCOMP = Set.of("RuntimeDefault", "Localhost");
  private static final Set<String> ALLOWED_APPARMOR = Set.of("RuntimeDefault", "Localhost");

  private RestrictedPodSecurity() {}

  /** One container of any kind, as the checks see it. */
  private record ContainerView(String path, SecurityContext context, List<ContainerPort> ports) {
    ContainerView {
      context = context == null ? new SecurityContext() : context;
      ports = ports == null ? List.of() : ports;
    }
  }

  /** Every rule of "restricted" this pod breaks; empty when it complies. */
  public static List<String> violations(PodSpec spec) {
    List<String> violations = new ArrayList<>();
    PodSecurityContext pod =
        spec.getSecurityContext() == null ? new PodSecurityContext() : spec.getSecurityContext();
    List<ContainerView> containers = containers(spec);

    hostNamespaces(spec, violations);
    volumeTypes(spec, violations);
    podLevel(pod, violations);
    for (ContainerView container : containers) {
      containerLevel(container, violations);
    }
    runAsNonRoot(pod, containers, violations);
    seccomp(pod, containers, violations);
    return violations;
  }

  private static List<ContainerView> containers(PodSpec spec) {
    List<ContainerView> views = new ArrayList<>();
    if (spec.getInitContainers() != null) {
      for (int i = 0; i < spec.getInitContainers().size(); i++) {
        var c = spec.getInitContainers().get(i);
        views.add(
            new ContainerView(
                "spec.initContainers[" + i + "] (" + c.getName() + ")",
                c.getSecurityContext(),
                c.getPorts()));
      }
    }
    if (spec.getContainers() != null) {
      for (int i = 0; i < spec.getContainers().size(); i++) {
        var c = spec.getContainers().get(i);
        views.add(
            new ContainerView(
                "spec.containers[" + i + "] (" + c.getName() + ")",
                c.getSecurityContext(),
                c.getPorts()));
      }
    }
    if (spec.getEphemeralContainers() != null) {
      for (int i = 0; i < spec.getEphemeralContainers().size(); i++) {
        var c = spec.getEphemeralContainers().get(i);
        views.add(
            new ContainerView(
                "spec.ephemeralContainers[" + i + "] (" + c.getName() + ")",
                c.getSecurityContext(),
                c.getPorts()));
      }
    }
    return views;
  }

  private static void hostNamespaces(PodSpec spec, List<String> violations) {
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      violations.add("spec.hostNetwork must not be true");
    }
    if (Boolean.TRUE.equals(spec.getHostPID())) {
      violations.add("spec.hostPID must not be true");
    }
    if (Boolean.TRUE.equals(spec.getHostIPC())) {
      violations.add("spec.hostIPC must not be true");
    }
  }

  private static void volumeTypes(PodSpec spec, List<String> violations) {
    if (spec.getVolumes() == null) {
      return;
    }
    for (Volume volume : spec.getVolumes()) {
      String type = volumeType(volume);
      if (!ALLOWED_VOLUME_TYPES.contains(type)) {
        violations.add("spec.volumes[" + volume.getName() + "] has restricted type " + type);
      }
    }
  }

  private static String volumeType(Volume v) {
    if (v.getConfigMap() != null) return "configMap";
    if (v.getCsi() != null) return "csi";
    if (v.getDownwardAPI() != null) return "downwardAPI";
    if (v.getEmptyDir() != null) return "emptyDir";
    if (v.getEphemeral() != null) return "ephemeral";
    if (v.getImage() != null) return "image";
    if (v.getPersistentVolumeClaim() != null) return "persistentVolumeClaim";
    if (v.getProjected() != null) return "projected";
    if (v.getSecret() != null) return "secret";
    if (v.getHostPath() != null) return "hostPath";
    if (v.getNfs() != null) return "nfs";
    if (v.getGitRepo() != null) return "gitRepo";
    return "other";
  }

  private static void podLevel(PodSecurityContext pod, List<String> violations) {
    if (pod.getRunAsUser() != null && pod.getRunAsUser() == 0L) {
      violations.add("spec.securityContext.runAsUser must not be 0");
    }
    hostProcess("spec.securityContext", pod.getWindowsOptions(), violations);
    seLinux("spec.securityContext", pod.getSeLinuxOptions(), violations);
    if (pod.getAppArmorProfile() != null
        && !ALLOWED_APPARMOR.contains(pod.getAppArmorProfile().getType())) {
      violations.add(
          "spec.securityContext.appArmorProfile.type must be RuntimeDefault or "
              + "Localhost, not "
              + pod.getAppArmorProfile().getType());
    }
    if (pod.getSysctls() != null) {
      for (Sysctl sysctl : pod.getSysctls()) {
        if (!SAFE_SYSCTLS.contains(sysctl.getName())) {
          violations.add("spec.securityContext.sysctls sets unsafe " + sysctl.getName());
        }
      }
    }
  }

  private static void containerLevel(ContainerView container, List<String> violations) {
    String path = container.path() + ".securityContext";
    SecurityContext context = container.context();
    if (Boolean.TRUE.equals(context.getPrivileged())) {
      violations.add(path + ".privileged must not be true");
    }
    if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
      violations.add(path + ".allowPrivilegeEscalation must be false");
    }
    if (context.getRunAsUser() != null && context.getRunAsUser() == 0L) {
      violations.add(path + ".runAsUser must not be 0");
    }
    if (context.getProcMount() != null && !"Default".equals(context.getProcMount())) {
      violations.add(path + ".procMount must be Default");
    }
    capabilities(path, context.getCapabilities(), violations);
    hostProcess(path, context.getWindowsOptions(), violations);
    seLinux(path, context.getSeLinuxOptions(), violations);
    if (context.getAppArmorProfile() != null
        && !ALLOWED_APPARMOR.contains(context.getAppArmorProfile().getType())) {
      violations.add(path + ".appArmorProfile.type must be RuntimeDefault or Localhost");
    }
    for (ContainerPort port : container.ports()) {
      if (port.getHostPort() != null && port.getHostPort() != 0) {
        violations.add(
            container.path() + ".ports hostPort " + port.getHostPort() + " must be unset or 0");
      }
    }
  }

  private static void capabilities(String path, Capabilities caps, List<String> violations) {
    List<String> drop = caps == null || caps.getDrop() == null ? List.of() : caps.getDrop();
    List<String> add = caps == null || caps.getAdd() == null ? List.of() : caps.getAdd();
    if (!drop.contains("ALL")) {
      violations.add(path + ".capabilities.drop must include ALL");
    }
    for (String capability : add) {
      if (!capability.equals("NET_BIND_SERVICE")) {
        violations.add(path + ".capabilities.add must not add " + capability);
      }
    }
  }

  private static void hostProcess(
      String path, WindowsSecurityContextOptions windows, List<String> violations) {
    if (windows != null && Boolean.TRUE.equals(windows.getHostProcess())) {
      violations.add(path + ".windowsOptions.hostProcess must not be true");
    }
  }

  private static void seLinux(String path, SELinuxOptions options, List<String> violations) {
    if (options == null) {
      return;
    }
    if (options.getType() != null
        && !options.getType().isEmpty()
        && !ALLOWED_SELINUX_TYPES.contains(options.getType())) {
      violations.add(path + ".seLinuxOptions.type " + options.getType() + " is not allowed");
    }
    if (options.getUser() != null && !options.getUser().isEmpty()) {
      violations.add(path + ".seLinuxOptions.user must be unset");
    }
    if (options.getRole() != null && !options.getRole().isEmpty()) {
      violations.add(path + ".seLinuxOptions.role must be unset");
    }
  }

  /**
   * runAsNonRoot must be true on the pod (containers may leave it unset, not set it false) or else
   * on every container.
   */
  private static void runAsNonRoot(
      PodSecurityContext pod, List<ContainerView> containers, List<String> violations) {
    boolean podNonRoot = Boolean.TRUE.equals(pod.getRunAsNonRoot());
    if (Boolean.FALSE.equals(pod.getRunAsNonRoot())) {
      violations.add("spec.securityContext.runAsNonRoot must not be false");
    }
    for (ContainerView container : containers) {
      Boolean own = container.context().getRunAsNonRoot();
      if (Boolean.FALSE.equals(own)) {
        violations.add(container.path() + ".securityContext.runAsNonRoot must not be false");
      } else if (own == null && !podNonRoot) {
        violations.add(
            container.path()
                + ".securityContext.runAsNonRoot must be true (the pod does not set it)");
      }
    }
  }

  /**
   * seccompProfile.type must be RuntimeDefault or Localhost wherever it is set, and set on the pod
   * or else on every container.
   */
  private static void seccomp(
      PodSecurityContext pod, List<ContainerView> containers, List<String> violations) {
    String podType = pod.getSeccompProfile() == null ? null : pod.getSeccompProfile().getType();
    if (podType != null && !ALLOWED_SECCOMP.contains(podType)) {
      violations.add(
          "spec.securityContext.seccompProfile.type must be RuntimeDefault or "
              + "Localhost, not "
              + podType);
    }
    for (ContainerView container : containers) {
      var profile = container.context().getSeccompProfile();
      String type = profile == null ? null : profile.getType();
      if (type != null && !ALLOWED_SECCOMP.contains(type)) {
        violations.add(
            container.path()
                + ".securityContext.seccompProfile.type must be "
                + "RuntimeDefault or Localhost, not "
                + type);
      } else if (type == null && podType == null) {
        violations.add(
            container.path()
                + ".securityContext.seccompProfile must be set (the pod does not set it)");
      }
    }
  }
}
