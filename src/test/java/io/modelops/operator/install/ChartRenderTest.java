package io.modelops.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.modelops.operator.config.HttpEndpoints;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.testing.ExternalCommand;
import io.modelops.operator.testing.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart rendered with the real {@code helm}: lint, the operator's Deployment (two
 * leader-elected replicas, probes, Pod Security "restricted"), its config file (read by the
 * operator's own loader), metrics, isolation, and the strict values schema.
 */
class ChartRenderTest {
  private static final String NS = "modelops-system";

  private final RenderedChart defaults = RenderedChart.render("modelops", NS);

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "config.watchNamespaces={team-a,team-b}",
        "metrics.serviceMonitor.enabled=true",
        "metrics.allowedNamespaces={monitoring},networkPolicy.probesFrom[0].ipBlock.cidr=10.0.0.0/16",
        "replicaCount=1,podDisruptionBudget.enabled=false,networkPolicy.enabled=false",
        "defaults.resourceBundles[0].name=cpu.small,defaults.resourceBundles[0].spec.cpuCount=1"
      })
  void lintsStrictly(String set) {
    List<String> args =
        new java.util.ArrayList<>(List.of("lint", "--strict", RenderedChart.chart().toString()));
    if (!set.isEmpty()) {
      args.addAll(List.of("--set", set));
    }
    ExternalCommand.helm(args.toArray(String[]::new)).run().requireSuccess();
  }

  @Test
  void operatorRunsTwoLeaderElectedReplicasWithProbesOnAPortOfTheirOwn() {
    Deployment deployment = defaults.get("Deployment", "modelops-operator", Deployment.class);
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo(NS);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(
            deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isZero();
    Container operator = operatorContainer(deployment);
    assertThat(operator.getImage())
        .isEqualTo("ghcr.io/modelops/modelops-operator:" + chartYaml().get("appVersion").asText());
    assertThat(operator.getPorts())
        .extracting(p -> p.getName() + "=" + p.getContainerPort())
        .containsExactly("metrics=8080", "probes=8081");
    assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(
            List.of(
                operator.getLivenessProbe(),
                operator.getReadinessProbe(),
                operator.getStartupProbe()))
        .allSatisfy(p -> assertThat(p.getHttpGet().getPort().getStrVal()).isEqualTo("probes"));
    assertThat(configFile(defaults).leaderElection()).isTrue();
    assertThat(configFile(defaults).leaseNamespace()).isEqualTo(NS);
  }

  @Test
  void podMeetsPodSecurityRestrictedWithReadOnlyRootAndTmp() {
    Deployment deployment = defaults.get("Deployment", "modelops-operator", Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    Container operator = operatorContainer(deployment);
    assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(operator.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(operator.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(operator.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);

    VolumeMount tmp = mount(operator, "/tmp");
    assertThat(volume(pod, tmp.getName()).getEmptyDir()).isNotNull();
    // Only the operator's pod mounts an API token; its ServiceAccount does not by default.
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
    assertThat(pod.getServiceAccountName()).isEqualTo("modelops-operator");
    assertThat(
            defaults
                .get("ServiceAccount", "modelops-operator", ServiceAccount.class)
                .getAutomountServiceAccountToken())
        .isFalse();
  }

  @Test
  void memoryRequestEqualsLimitAndNoCpuLimit() {
    Container operator =
        operatorContainer(defaults.get("Deployment", "modelops-operator", Deployment.class));
    Map<String, Quantity> requests = operator.getResources().getRequests();
    Map<String, Quantity> limits = operator.getResources().getLimits();
    assertThat(requests).containsKeys("cpu", "memory");
    assertThat(limits.get("memory")).isEqualTo(requests.get("memory"));
    assertThat(limits).doesNotContainKey("cpu");
  }

  @Test
  void configFileIsMountedAndTheOperatorReadsIt(@TempDir Path dir) throws Exception {
    Deployment deployment = defaults.get("Deployment", "modelops-operator", Deployment.class);
    Container operator = operatorContainer(deployment);
    String file = env(operator, "MODELOPS_CONFIG_FILE");
    VolumeMount mount = mount(operator, Path.of(file).getParent().toString());
    assertThat(mount.getReadOnly()).isTrue();
    assertThat(
            volume(deployment.getSpec().getTemplate().getSpec(), mount.getName())
                .getConfigMap()
                .getName())
        .isEqualTo("modelops-operator-config");
    assertThat(defaults.get("ConfigMap", "modelops-operator-config", ConfigMap.class).getData())
        .containsOnlyKeys(Path.of(file).getFileName().toString());
    assertThat(env(operator, "MODELOPS_LOG_LEVEL")).isEqualTo("INFO");

    OperatorConfig config = configFile(defaults);
    assertThat(config.limits().maxCustomModelReplicasPerDeployment()).isEqualTo(8);
    assertThat(config.limits().maxCustomModelContainerSize()).isEqualTo(15_032_385_536L);
    assertThat(config.limits().desiredCustomModelContainerSize()).isEqualTo(134_217_728L);
    assertThat(config.watchNamespaces()).isEmpty();
    assertThat(config.endpoints()).isEqualTo(new HttpEndpoints(8080, 8081, 4, 10));

    RenderedChart custom =
        RenderedChart.render(
            "modelops",
            NS,
            "--set",
            "config.watchNamespaces={team-a,team-b}",
            "--set",
            "config.limits.maxCustomJobRuns=2",
            "--set",
            "config.limits.maxCustomModelReplicasPerDeployment=4",
            "--set",
            "config.platformApi.cidrs={10.20.0.0/16}",
            "--set",
            "config.platformApi.ports={443}",
            "--set",
            "config.platformApi.namespaceSelector.kubernetes\\.io/metadata\\.name=platform",
            "--set",
            "config.ingressNamespaces={ingress-nginx}",
            "--set",
            "config.endpoints.metricsPort=9090",
            "--set",
            "config.endpoints.probePort=9091",
            "--set",
            "config.endpoints.metricsThreads=8");
    OperatorConfig customConfig = configFile(custom);
    assertThat(customConfig.watchNamespaces()).containsExactly("team-a", "team-b");
    assertThat(customConfig.limits().maxCustomJobRuns()).isEqualTo(2);
    assertThat(customConfig.limits().maxCustomModelReplicasPerDeployment()).isEqualTo(4);
    assertThat(customConfig.platformApi().cidrs()).containsExactly("10.20.0.0/16");
    assertThat(customConfig.platformApi().ports()).containsExactly(443);
    assertThat(customConfig.platformApi().namespaceSelector())
        .containsEntry("kubernetes.io/metadata.name", "platform");
    assertThat(customConfig.ingressNamespaces()).containsExactly("ingress-nginx");
    assertThat(customConfig.endpoints()).isEqualTo(new HttpEndpoints(9090, 9091, 8, 10));
    Container customOperator =
        operatorContainer(custom.get("Deployment", "modelops-operator", Deployment.class));
    assertThat(customOperator.getPorts())
        .extracting(p -> p.getContainerPort())
        .containsExactly(9090, 9091);
    assertThat(
            custom
                .get("Service", "modelops-operator-metrics", Service.class)
                .getSpec()
                .getPorts()
                .get(0)
                .getPort())
        .isEqualTo(9090);
  }

  @Test
  void configChangeRollsThePodsAndOtherChangesDoNot() {
    String checksum = checksum(defaults);
    assertThat(checksum).matches("[0-9a-f]{64}");
    assertThat(
            checksum(
                RenderedChart.render("modelops", NS, "--set", "config.limits.maxCustomJobRuns=2")))
        .isNotEqualTo(checksum);
    assertThat(
            checksum(
                RenderedChart.render("modelops", NS, "--set", "config.watchNamespaces={team-a}")))
        .isNotEqualTo(checksum);
    assertThat(checksum(RenderedChart.render("modelops", NS, "--set", "podAnnotations.team=ml")))
        .isEqualTo(checksum);
  }

  @Test
  void metricsServiceSelectsTheOperatorPodsAndExposesOnlyMetrics() {
    Service service = defaults.get("Service", "modelops-operator-metrics", Service.class);
    Deployment deployment = defaults.get("Deployment", "modelops-operator", Deployment.class);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("metrics"));
  }

  @Test
  void serviceMonitorOnlyWhenEnabledAndTheClusterServesIt() {
    String api = "monitoring.coreos.com/v1/ServiceMonitor";
    assertThat(defaults.ofKind("ServiceMonitor")).isEmpty();
    assertThat(RenderedChart.render("modelops", NS, "--api-versions", api).ofKind("ServiceMonitor"))
        .isEmpty();
    assertThat(
            RenderedChart.render("modelops", NS, "--set", "metrics.serviceMonitor.enabled=true")
                .ofKind("ServiceMonitor"))
        .isEmpty();
    JsonNode monitor =
        RenderedChart.render(
                "modelops",
                NS,
                "--api-versions",
                api,
                "--set",
                "metrics.serviceMonitor.enabled=true",
                "--set",
                "metrics.serviceMonitor.labels.release=prometheus")
            .get("ServiceMonitor", "modelops-operator");
    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
    assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("metrics");
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
  }

  @Test
  void networkPolicyAdmitsNoPodByDefaultAndEgressOnlyToDnsAndTheApiServer() {
    NetworkPolicy policy = defaults.get("NetworkPolicy", "modelops-operator", NetworkPolicy.class);
    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/name", "modelops-operator");
    // No platform namespace named: no pod may connect at all (fail closed).
    assertThat(policy.getSpec().getIngress()).isEmpty();
    assertThat(policy.getSpec().getEgress())
        .flatExtracting(r -> r.getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .containsExactlyInAnyOrder(53, 53, 443, 6443);

    NetworkPolicy pinned =
        RenderedChart.render("modelops", NS, "--set", "networkPolicy.apiServerCidrs={10.96.0.1/32}")
            .get("NetworkPolicy", "modelops-operator", NetworkPolicy.class);
    assertThat(pinned.getSpec().getEgress().get(1).getTo())
        .singleElement()
        .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.96.0.1/32"));
  }

  @Test
  void metricsAreReachableOnlyFromTheNamespacesThePlatformNames() {
    NetworkPolicy policy =
        RenderedChart.render(
                "modelops",
                NS,
                "--set",
                "metrics.allowedNamespaces={monitoring,observability}",
                "--set",
                "metrics.allowedFrom[0].namespaceSelector.matchLabels.team=sre",
                "--set",
                "metrics.allowedFrom[0].podSelector.matchLabels.app=prometheus")
            .get("NetworkPolicy", "modelops-operator", NetworkPolicy.class);
    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getPorts())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("metrics"));
              assertThat(rule.getFrom()).hasSize(2);
              var byName = rule.getFrom().get(0).getNamespaceSelector();
              assertThat(byName.getMatchLabels()).isNullOrEmpty();
              assertThat(byName.getMatchExpressions())
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.getKey()).isEqualTo("kubernetes.io/metadata.name");
                        assertThat(e.getOperator()).isEqualTo("In");
                        assertThat(e.getValues()).containsExactly("monitoring", "observability");
                      });
              assertThat(rule.getFrom().get(0).getPodSelector()).isNull();
              assertThat(rule.getFrom().get(1).getNamespaceSelector().getMatchLabels())
                  .containsExactly(Map.entry("team", "sre"));
              assertThat(rule.getFrom().get(1).getPodSelector().getMatchLabels())
                  .containsExactly(Map.entry("app", "prometheus"));
            });
    // The probe port gets a rule only for network plugins that filter node traffic.
    NetworkPolicy probes =
        RenderedChart.render(
                "modelops", NS, "--set", "networkPolicy.probesFrom[0].ipBlock.cidr=10.0.0.0/16")
            .get("NetworkPolicy", "modelops-operator", NetworkPolicy.class);
    assertThat(probes.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getPorts())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("probes"));
              assertThat(rule.getFrom())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getIpBlock().getCidr()).isEqualTo("10.0.0.0/16"));
            });
  }

  @Test
  void disruptionBudgetKeepsOneReplicaWhenThereAreTwo() {
    PodDisruptionBudget pdb =
        defaults.get("PodDisruptionBudget", "modelops-operator", PodDisruptionBudget.class);
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/instance", "modelops");
    assertThat(
            RenderedChart.render("modelops", NS, "--set", "replicaCount=1")
                .ofKind("PodDisruptionBudget"))
        .isEmpty();
  }

  @Test
  void admissionPolicyReservesTheOperatorsMarksForItsServiceAccountOnly() {
    JsonNode policy =
        defaults.objects().stream()
            .filter(o -> o.get("kind").asText().equals("ValidatingAdmissionPolicy"))
            .findFirst()
            .orElseThrow();
    assertThat(policy.at("/spec/failurePolicy").asText()).isEqualTo("Fail");
    assertThat(policy.at("/spec/matchConditions/0/expression").asText())
        .contains("'system:serviceaccount:" + NS + ":modelops-operator'");
    assertThat(policy.at("/spec/validations").toString())
        .contains("modelops.io/", "app.kubernetes.io/managed-by", "spec.template.metadata.labels");
    JsonNode binding =
        defaults.objects().stream()
            .filter(o -> o.get("kind").asText().equals("ValidatingAdmissionPolicyBinding"))
            .findFirst()
            .orElseThrow();
    assertThat(binding.at("/spec/validationActions/0").asText()).isEqualTo("Deny");
    assertThat(binding.at("/spec/matchResources").isMissingNode()).isTrue();

    JsonNode scoped =
        RenderedChart.render("modelops", NS, "--set", "config.watchNamespaces={team-a,team-b}")
            .objects()
            .stream()
            .filter(o -> o.get("kind").asText().equals("ValidatingAdmissionPolicyBinding"))
            .findFirst()
            .orElseThrow();
    assertThat(
            scoped
                .at("/spec/matchResources/namespaceSelector/matchExpressions/0/values")
                .toString())
        .isEqualTo("[\"team-a\",\"team-b\"]");
    assertThat(
            RenderedChart.render("modelops", NS, "--set", "admissionPolicy.enabled=false")
                .ofKind("ValidatingAdmissionPolicy"))
        .isEmpty();
  }

  @Test
  void everyObjectIsLabelledAndNamespacedObjectsLiveInTheReleaseNamespace() {
    assertThat(defaults.objects())
        .allSatisfy(
            o -> {
              assertThat(o.at("/metadata/labels/app.kubernetes.io~1name").asText())
                  .isEqualTo("modelops-operator");
              assertThat(o.at("/metadata/labels/app.kubernetes.io~1instance").asText())
                  .isEqualTo("modelops");
              assertThat(o.at("/metadata/labels/app.kubernetes.io~1managed-by").asText())
                  .isEqualTo("Helm");
              String kind = o.get("kind").asText();
              boolean clusterScoped =
                  kind.startsWith("Cluster") || kind.startsWith("ValidatingAdmissionPolicy");
              if (!clusterScoped) {
                assertThat(o.at("/metadata/namespace").asText()).as(kind).isEqualTo(NS);
              }
            });
    assertThat(defaults.objects())
        .extracting(RenderedChart::describe)
        .containsExactlyInAnyOrder(
            "NetworkPolicy modelops-system/modelops-operator",
            "PodDisruptionBudget modelops-system/modelops-operator",
            "ServiceAccount modelops-system/modelops-operator",
            "ConfigMap modelops-system/modelops-operator-config",
            "ClusterRole modelops-operator",
            "ClusterRole modelops-view",
            "ClusterRole modelops-edit",
            "ClusterRole modelops-admin",
            "ClusterRoleBinding modelops-operator",
            "Role modelops-system/modelops-operator-leader-election",
            "RoleBinding modelops-system/modelops-operator-leader-election",
            "Service modelops-system/modelops-operator-metrics",
            "Deployment modelops-system/modelops-operator",
            "ValidatingAdmissionPolicy modelops-operator-reserved-marks",
            "ValidatingAdmissionPolicyBinding modelops-operator-reserved-marks");
  }

  @Test
  void namespaceIsRenderedForStaticManifestsWithRestrictedPodSecurity() {
    assertThat(defaults.ofKind("Namespace")).isEmpty();
    Namespace ns =
        RenderedChart.render("modelops", NS, "--set", "namespace.create=true")
            .get("Namespace", NS, Namespace.class);
    assertThat(ns.getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void defaultBundlesAndEnvironmentsAreOffUnlessListed() {
    assertThat(defaults.ofKind("ResourceBundle")).isEmpty();
    assertThat(defaults.ofKind("ExecutionEnvironment")).isEmpty();
    RenderedChart listed =
        RenderedChart.render(
            "modelops",
            NS,
            "-f",
            LocalCluster.repoDir()
                .resolve("src/test/resources/install/platform-defaults.yaml")
                .toString());
    JsonNode bundle = listed.get("ResourceBundle", "cpu.small");
    assertThat(bundle.at("/metadata/namespace").isMissingNode()).isTrue();
    assertThat(bundle.at("/spec/memoryBytes").asLong()).isEqualTo(1_073_741_824L);
    assertThat(bundle.at("/spec/useCases").toString()).contains("customModel", "customJob");
    JsonNode environment = listed.get("ExecutionEnvironment", "python311");
    assertThat(environment.at("/spec/versions/0/image").asText()).isEqualTo("python:3.11-slim");
  }

  @Test
  void schemaRefusesUnknownKeysAndOutOfRangeValues() {
    assertThat(RenderedChart.template("modelops", NS, "--set", "replicas=3").stderr())
        .contains("additional properties 'replicas' not allowed");
    assertThat(
            RenderedChart.template("modelops", NS, "--set", "config.limit.maxCustomJobRuns=1")
                .stderr())
        .contains("additional properties 'limit' not allowed");
    assertThat(
            RenderedChart.template(
                    "modelops", NS, "--set", "config.limits.maxCustomModelReplicasPerDeployment=9")
                .stderr())
        .contains("/config/limits/maxCustomModelReplicasPerDeployment");
    assertThat(RenderedChart.template("modelops", NS, "--set", "logLevel=LOUD").stderr())
        .contains("/logLevel");
    assertThat(
            RenderedChart.template("modelops", NS, "--set", "config.watchNamespaces={Team_A}")
                .stderr())
        .contains("/config/watchNamespaces");
    assertThat(RenderedChart.template("modelops", NS, "--set", "config.httpPort=9090").stderr())
        .contains("additional properties 'httpPort' not allowed");
    assertThat(
            RenderedChart.template("modelops", NS, "--set", "config.endpoints.metricsThreads=0")
                .stderr())
        .contains("/config/endpoints/metricsThreads");
    assertThat(
            RenderedChart.template("modelops", NS, "--set", "metrics.allowedNamespaces={Mon}")
                .stderr())
        .contains("/metrics/allowedNamespaces");
  }

  @Test
  void severalReplicasRequireLeaderElection() {
    ExternalCommand.Result refused =
        RenderedChart.template("modelops", NS, "--set", "leaderElection.enabled=false");
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.stderr()).contains("replicaCount > 1 needs leaderElection.enabled");
    RenderedChart single =
        RenderedChart.render(
            "modelops", NS, "--set", "leaderElection.enabled=false", "--set", "replicaCount=1");
    assertThat(configFile(single).leaderElection()).isFalse();
  }

  @Test
  void imageTagAndDigestCanBeSet() {
    assertThat(
            operatorContainer(
                    RenderedChart.render("modelops", NS, "--set", "image.tag=0.2.0")
                        .get("Deployment", "modelops-operator", Deployment.class))
                .getImage())
        .isEqualTo("ghcr.io/modelops/modelops-operator:0.2.0");
    String digest = "sha256:" + "a".repeat(64);
    assertThat(
            operatorContainer(
                    RenderedChart.render("modelops", NS, "--set", "image.digest=" + digest)
                        .get("Deployment", "modelops-operator", Deployment.class))
                .getImage())
        .isEqualTo("ghcr.io/modelops/modelops-operator@" + digest);
  }

  @Test
  void appVersionIsTheMavenVersionAndTheReleaseNameGivesTheObjectNames() throws Exception {
    String pom = Files.readString(LocalCluster.repoDir().resolve("pom.xml"));
    Matcher version =
        Pattern.compile(
                "<artifactId>modelops-operator</artifactId>\\s*" + "<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(version.find()).isTrue();
    assertThat(chartYaml().get("appVersion").asText())
        .isEqualTo(version.group(1).replace("-SNAPSHOT", ""));
    assertThat(chartYaml().get("apiVersion").asText()).isEqualTo("v2");

    RenderedChart other = RenderedChart.render("ml-platform", "ops");
    assertThat(other.ofKind("Deployment"))
        .extracting(RenderedChart::describe)
        .containsExactly("Deployment ops/ml-platform-operator");
    assertThat(other.ofKind("ClusterRole"))
        .extracting(RenderedChart::describe)
        .contains("ClusterRole ml-platform-operator", "ClusterRole ml-platform-view");
  }

  @Test
  void notesTellTheUserWhatToDoNext() {
    String notes =
        ExternalCommand.helm(
                "install",
                "modelops",
                RenderedChart.chart().toString(),
                "--namespace",
                NS,
                "--dry-run=client")
            .run()
            .requireSuccess()
            .stdout();
    assertThat(notes)
        .contains(
            "NOTES:",
            "kubectl -n modelops-system rollout status " + "deployment/modelops-operator",
            "kubectl apply --server-side -f examples/",
            "kubectl get modelops -A",
            "kubectl wait --for=condition=Ready",
            "docs/argocd.md");
  }

  static Container operatorContainer(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("operator"))
        .findFirst()
        .orElseThrow();
  }

  private static VolumeMount mount(Container container, String path) {
    return container.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name));
  }

  private static String checksum(RenderedChart render) {
    return render
        .get("Deployment", "modelops-operator", Deployment.class)
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get("checksum/config");
  }

  /** The rendered config file, loaded by the operator's own configuration loader. */
  static OperatorConfig configFile(RenderedChart render) {
    String yaml =
        render.ofKind("ConfigMap", ConfigMap.class).stream()
            .filter(c -> c.getMetadata().getName().endsWith("-config"))
            .findFirst()
            .orElseThrow()
            .getData()
            .get("config.yaml");
    try {
      Path file = Files.createTempFile("modelops-config-", ".yaml");
      try {
        Files.writeString(file, yaml);
        return OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", file.toString()));
      } finally {
        Files.delete(file);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode chartYaml() {
    try {
      return RenderedChart.YAML.readTree(RenderedChart.chart().resolve("Chart.yaml").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
