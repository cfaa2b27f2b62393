package io.modelops.operator.bench;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PlanningBench}'s baseline: the Deployment, Service and NetworkPolicy the operator plans
 * for the benchmark's model, written out by hand with fabric8 builders — no version choice, no
 * resolution, no checks. {@link PlanningBenchInputsTest} checks they equal the plan's objects.
 */
final class Baseline {
  private Baseline() {}

  static Deployment deployment() {
    Map<String, String> labels = modelLabels();
    labels.put("app.kubernetes.io/instance", "churn-v3");
    labels.put("modelops.io/version", "churn-v3");
    Map<String, Quantity> resources = new LinkedHashMap<>();
    resources.put("cpu", new Quantity("1"));
    resources.put("memory", new Quantity("1073741824"));
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("churn-v3")
        .withNamespace("team-a")
        .withLabels(labels)
        .addToAnnotations("modelops.io/version-name", "churn-v3")
        .addToAnnotations("modelops.io/resource-bundle", "cpu.small")
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withRevisionHistoryLimit(2)
        .withNewSelector()
        .addToMatchLabels("modelops.io/model", "churn")
        .addToMatchLabels("modelops.io/version", "churn-v3")
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString("25%"))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(new LinkedHashMap<>(labels))
        .addToAnnotations("modelops.io/model-name", "churn")
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withRestartPolicy("Always")
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(10001L)
        .withRunAsGroup(10001L)
        .withFsGroup(10001L)
        .withFsGroupChangePolicy("OnRootMismatch")
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addNewContainer()
        .withName("model")
        .withImage("python:3.11.9-slim")
        .withCommand("/opt/code/start_server.sh")
        .withWorkingDir("/opt/code")
        .addNewEnv()
        .withName("HOME")
        .withValue("/tmp")
        .endEnv()
        .addNewEnv()
        .withName("PORT")
        .withValue("8080")
        .endEnv()
        .addNewEnv()
        .withName("URL_PREFIX")
        .withValue("/churn")
        .endEnv()
        .addNewEnv()
        .withName("TARGET_TYPE")
        .withValue("Binary")
        .endEnv()
        .addNewEnv()
        .withName("TARGET_NAME")
        .withValue("churned")
        .endEnv()
        .addNewEnv()
        .withName("POSITIVE_CLASS_LABEL")
        .withValue("yes")
        .endEnv()
        .addNewEnv()
        .withName("NEGATIVE_CLASS_LABEL")
        .withValue("no")
        .endEnv()
        .addNewEnv()
        .withName("MODELOPS_MODEL")
        .withValue("churn")
        .endEnv()
        .addNewEnv()
        .withName("MODELOPS_MODEL_VERSION")
        .withValue("churn-v3")
        .endEnv()
        .addNewEnv()
        .withName("MODEL_FAMILY")
        .withValue("gbm")
        .endEnv()
        .addNewEnv()
        .withName("MLOPS_RUNTIME_PARAM_THRESHOLD_BOOST")
        .withValue("{\"type\":\"numeric\",\"payload\":0.1}")
        .endEnv()
        .addNewEnv()
        .withName("MLOPS_CREDENTIAL_WAREHOUSE")
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName("warehouse")
        .withKey("credential")
        .withOptional(false)
        .endSecretKeyRef()
        .endValueFrom()
        .endEnv()
        .addNewEnv()
        .withName("MLOPS_RUNTIME_PARAM_WAREHOUSE")
        .withValue("{\"type\":\"credential\",\"payload\":$(MLOPS_CREDENTIAL_WAREHOUSE)}")
        .endEnv()
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .withProtocol("TCP")
        .endPort()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/churn/")
        .withPort(new IntOrString("http"))
        .endHttpGet()
        .withPeriodSeconds(10)
        .withTimeoutSeconds(5)
        .withSuccessThreshold(1)
        .withFailureThreshold(3)
        .endReadinessProbe()
        .withNewResources()
        .withRequests(withEphemeralStorage(resources, "256Mi"))
        .withLimits(withEphemeralStorage(resources, "4Gi"))
        .endResources()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .withTerminationMessagePolicy("FallbackToLogsOnError")
        .addNewVolumeMount()
        .withName("code")
        .withMountPath("/opt/code")
        .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .endContainer()
        .addNewVolume()
        .withName("code")
        .withNewConfigMap()
        .withName("churn-code")
        .withDefaultMode(0555)
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .withSizeLimit(new Quantity("1Gi"))
        .endEmptyDir()
        .endVolume()
        // No placement and no pull secrets: the fields stay unset, as the operator leaves them.
        .withImagePullSecrets((List<LocalObjectReference>) null)
        .withNodeSelector(null)
        .withTolerations((List<Toleration>) null)
        .withTopologySpreadConstraints((List<TopologySpreadConstraint>) null)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Service service() {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("churn")
        .withNamespace("team-a")
        .withLabels(modelLabels())
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .addToSelector("modelops.io/model", "churn")
        .addToSelector("modelops.io/version", "churn-v3")
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(8080)
        .withTargetPort(new IntOrString("http"))
        .endPort()
        .endSpec()
        .build();
  }

  static NetworkPolicy networkPolicy() {
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName("churn-model")
        .withNamespace("team-a")
        .withLabels(modelLabels())
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .addToMatchLabels("modelops.io/model", "churn")
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .addNewIngress()
        .addNewFrom()
        .withNewPodSelector()
        .endPodSelector()
        .endFrom()
        .addNewPort()
        .withProtocol("TCP")
        .withPort(new IntOrString(8080))
        .endPort()
        .endIngress()
        .addNewEgress()
        .addNewTo()
        .withNewNamespaceSelector()
        .addToMatchLabels("kubernetes.io/metadata.name", "kube-system")
        .endNamespaceSelector()
        .withNewPodSelector()
        .addToMatchLabels("k8s-app", "kube-dns")
        .endPodSelector()
        .endTo()
        .addNewPort()
        .withProtocol("UDP")
        .withPort(new IntOrString(53))
        .endPort()
        .addNewPort()
        .withProtocol("TCP")
        .withPort(new IntOrString(53))
        .endPort()
        .endEgress()
        .endSpec()
        .build();
  }

  /** The labels every object of the model carries (a new, modifiable map). */
  private static Map<String, String> modelLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "churn");
    labels.put("app.kubernetes.io/managed-by", "modelops-operator");
    labels.put("app.kubernetes.io/component", "model-server");
    labels.put("modelops.io/model", "churn");
    return labels;
  }

  private static Map<String, Quantity> withEphemeralStorage(
      Map<String, Quantity> resources, String storage) {
    Map<String, Quantity> sorted = new java.util.TreeMap<>(resources);
    sorted.put("ephemeral-storage", new Quantity(storage));
    return new LinkedHashMap<>(sorted);
  }
}
