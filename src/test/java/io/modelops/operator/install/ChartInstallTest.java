package io.modelops.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.modelops.operator.testing.ExternalCommand;
import io.modelops.operator.testing.LocalCluster;
import io.modelops.operator.testing.LocalClusterExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart installed with the real {@code helm} on the local control plane, in a namespace
 * enforcing Pod Security "restricted": every object is accepted, the operator Deployment becomes
 * Available (kwok runs its pods; the image is never pulled), and {@code kubectl auth can-i} proves
 * the operator's ServiceAccount can do what the reconcilers need and nothing broader, and that the
 * aggregated roles give users access to the modelops kinds.
 *
 * <p>Every cluster-scoped object carries a release name unique to this run, so concurrent runs on
 * the shared cluster never touch each other's objects.
 */
@Tag("cluster")
class ChartInstallTest {
  private static final String LEASE = "modelops-operator-leader";

  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  private static final List<Runnable> CLEANUP = new ArrayList<>();
  private static String release;
  private static String operator;
  private static String suffix;

  @BeforeAll
  static void install() {
    suffix = cluster.namespace().substring(cluster.namespace().lastIndexOf('-') + 1);
    release = "mo-" + suffix;
    operator = release + "-operator";
    helm(
        "install",
        release,
        RenderedChart.chart().toString(),
        "--namespace",
        cluster.namespace(),
        "--wait=watcher",
        "--timeout",
        "3m");
    CLEANUP.add(() -> helmQuietly("uninstall", release, "--namespace", cluster.namespace()));
  }

  @AfterAll
  static void cleanUp() {
    List<Runnable> steps = new ArrayList<>(CLEANUP);
    java.util.Collections.reverse(steps);
    steps.forEach(Runnable::run);
  }

  @Test
  void everyObjectOfTheReleaseIsAcceptedAndTheOperatorBecomesAvailable() {
    String manifest = helm("get", "manifest", release, "--namespace", cluster.namespace());
    List<String> objects =
        RenderedChart.parse(manifest).objects().stream().map(RenderedChart::describe).toList();
    assertThat(objects)
        .contains(
            "Deployment " + cluster.namespace() + "/" + operator,
            "ClusterRole " + operator,
            "ClusterRole " + release + "-view",
            "Role " + cluster.namespace() + "/" + operator + "-leader-election",
            "NetworkPolicy " + cluster.namespace() + "/" + operator,
            "PodDisruptionBudget " + cluster.namespace() + "/" + operator);
    String got =
        kubectl("get", "-f", "-", "-o", "name").stdin(manifest).run().requireSuccess().stdout();
    assertThat(got.lines()).hasSameSizeAs(objects);

    await()
        .ignoreExceptions()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () -> {
              Deployment deployment =
                  client()
                      .apps()
                      .deployments()
                      .inNamespace(cluster.namespace())
                      .withName(operator)
                      .get();
              assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);
              assertThat(deployment.getStatus().getConditions())
                  .anySatisfy(
                      c -> {
                        assertThat(c.getType()).isEqualTo("Available");
                        assertThat(c.getStatus()).isEqualTo("True");
                      });
            });
    // The namespace enforces Pod Security "restricted": the pods exist, so they were admitted.
    assertThat(
            client()
                .pods()
                .inNamespace(cluster.namespace())
                .withLabel("app.kubernetes.io/instance", release)
                .list()
                .getItems())
        .hasSize(2);
  }

  static Stream<Arguments> operatorNeeds() {
    String ns = "team-x";
    return Stream.of(
        row(true, "list", "custommodels.modelops.io", "-A"),
        row(true, "watch", "customjobs.modelops.io", "-A"),
        row(true, "list", "resourcebundles.modelops.io"),
        row(true, "watch", "executionenvironments.modelops.io"),
        row(true, "patch", "custommodels.modelops.io", "--subresource=status", "-n", ns),
        row(true, "update", "customjobruns.modelops.io", "--subresource=status", "-n", ns),
        row(true, "patch", "executionenvironments.modelops.io", "--subresource=status"),
        row(true, "create", "customjobruns.modelops.io", "-n", ns),
        row(true, "delete", "customjobruns.modelops.io", "-n", ns),
        row(true, "create", "deployments.apps", "-n", ns),
        row(true, "patch", "services", "-n", ns),
        row(true, "delete", "networkpolicies.networking.k8s.io", "-n", ns),
        row(true, "create", "poddisruptionbudgets.policy", "-n", ns),
        row(true, "create", "horizontalpodautoscalers.autoscaling", "-n", ns),
        row(true, "delete", "horizontalpodautoscalers.autoscaling", "-n", ns),
        row(true, "create", "jobs.batch", "-n", ns),
        row(true, "create", "configmaps", "-n", ns),
        row(true, "watch", "pods", "-A"),
        row(true, "get", "secrets/warehouse-creds", "-n", ns),
        row(true, "get", "persistentvolumeclaims/training-data", "-n", ns),
        row(true, "create", "events", "-n", ns),
        row(true, "create", "events.events.k8s.io", "-n", ns),
        row(true, "update", "custommodels.modelops.io", "--subresource=finalizers", "-n", ns));
  }

  static Stream<Arguments> operatorMustNot() {
    String ns = "team-x";
    return Stream.of(
        row(false, "delete", "nodes"),
        row(false, "get", "nodes"),
        row(false, "list", "secrets", "-A"),
        row(false, "list", "secrets", "-n", ns),
        row(false, "watch", "secrets", "-n", ns),
        row(false, "create", "secrets", "-n", ns),
        row(false, "create", "clusterroles.rbac.authorization.k8s.io"),
        row(false, "create", "rolebindings.rbac.authorization.k8s.io", "-n", ns),
        row(false, "escalate", "clusterroles.rbac.authorization.k8s.io"),
        row(false, "bind", "clusterroles.rbac.authorization.k8s.io"),
        row(false, "impersonate", "users"),
        row(false, "impersonate", "serviceaccounts", "-n", ns),
        row(false, "update", "custommodels.modelops.io", "-n", ns),
        row(false, "patch", "custommodels.modelops.io", "-n", ns),
        row(false, "delete", "custommodels.modelops.io", "-n", ns),
        row(false, "patch", "customjobs.modelops.io", "-n", ns),
        row(false, "update", "custommodelversions.modelops.io", "-n", ns),
        row(false, "create", "resourcebundles.modelops.io"),
        row(false, "patch", "pods", "-n", ns),
        row(false, "delete", "pods", "-n", ns),
        row(false, "create", "pods/exec", "-n", ns),
        row(false, "create", "serviceaccounts/token", "-n", ns),
        row(false, "create", "customresourcedefinitions.apiextensions.k8s.io"),
        row(false, "list", "customresourcedefinitions.apiextensions.k8s.io"),
        row(false, "deletecollection", "deployments.apps", "-n", ns),
        row(false, "*", "*", "-A"));
  }

  @ParameterizedTest(name = "can {1} {2} {3}")
  @MethodSource("operatorNeeds")
  void operatorCanDoWhatItsReconcilersNeed(
      boolean allowed, String verb, String resource, List<String> scope) {
    assertThat(canI(operatorAccount(), verb, resource, scope)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "cannot {1} {2} {3}")
  @MethodSource("operatorMustNot")
  void operatorCannotDoAnythingBroader(
      boolean allowed, String verb, String resource, List<String> scope) {
    assertThat(canI(operatorAccount(), verb, resource, scope)).isEqualTo(allowed);
  }

  @Test
  void operatorElectsItsLeaderOnlyOnItsLeaseInItsNamespace() {
    String ns = cluster.namespace();
    assertThat(canI(operatorAccount(), "create", "leases.coordination.k8s.io", List.of("-n", ns)))
        .isTrue();
    for (String verb : List.of("get", "update", "patch")) {
      assertThat(
              canI(
                  operatorAccount(),
                  verb,
                  "leases.coordination.k8s.io/" + LEASE,
                  List.of("-n", ns)))
          .as(verb)
          .isTrue();
    }
    assertThat(
            canI(
                operatorAccount(),
                "update",
                "leases.coordination.k8s.io/other-leader",
                List.of("-n", ns)))
        .isFalse();
    assertThat(
            canI(
                operatorAccount(),
                "update",
                "leases.coordination.k8s.io/" + LEASE,
                List.of("-n", "kube-system")))
        .isFalse();
    assertThat(
            canI(
                operatorAccount(),
                "create",
                "leases.coordination.k8s.io",
                List.of("-n", "default")))
        .isFalse();
    assertThat(canI(operatorAccount(), "list", "leases.coordination.k8s.io", List.of("-n", ns)))
        .isFalse();
  }

  @Test
  void aggregatedRolesGiveUsersTheModelopsKinds() {
    String ns = cluster.namespace();
    String editor = "editor-" + suffix;
    String viewer = "viewer-" + suffix;
    client()
        .rbac()
        .roleBindings()
        .inNamespace(ns)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("edit-" + suffix)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "edit")
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(editor)
                .endSubject()
                .build())
        .create();
    String viewBinding = "view-" + suffix;
    client()
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(viewBinding)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "view")
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(viewer)
                .endSubject()
                .build())
        .create();
    CLEANUP.add(() -> client().rbac().clusterRoleBindings().withName(viewBinding).delete());
    List<String> here = List.of("-n", ns);

    // The controller-manager aggregates the labelled ClusterRoles into edit and view.
    await()
        .ignoreExceptions()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                canI(editor, "create", "custommodels.modelops.io", here)
                    && canI(viewer, "list", "customjobruns.modelops.io", List.of("-A")));

    for (String kind :
        List.of(
            "custommodels",
            "custommodelversions",
            "customjobs",
            "customjobruns",
            "custommodeltests")) {
      assertThat(canI(editor, "create", kind + ".modelops.io", here)).as(kind).isTrue();
      assertThat(canI(editor, "deletecollection", kind + ".modelops.io", here)).as(kind).isTrue();
      assertThat(
              canI(
                  editor,
                  "patch",
                  kind + ".modelops.io",
                  List.of("-n", ns, "--subresource=status")))
          .as(kind + "/status")
          .isFalse();
      assertThat(canI(viewer, "watch", kind + ".modelops.io", List.of("-A"))).as(kind).isTrue();
      assertThat(canI(viewer, "create", kind + ".modelops.io", here)).as(kind).isFalse();
    }
    // kubectl scale custommodel/NAME goes through the scale subresource.
    assertThat(
            canI(
                editor,
                "update",
                "custommodels.modelops.io",
                List.of("-n", ns, "--subresource=scale")))
        .isTrue();
    assertThat(
            canI(
                viewer,
                "update",
                "custommodels.modelops.io",
                List.of("-n", ns, "--subresource=scale")))
        .isFalse();
    assertThat(canI(editor, "create", "custommodels.modelops.io", List.of("-n", "elsewhere")))
        .isFalse();
    assertThat(canI(viewer, "list", "resourcebundles.modelops.io", List.of())).isTrue();
    assertThat(canI(viewer, "get", "executionenvironments.modelops.io", List.of())).isTrue();
    assertThat(canI(viewer, "create", "resourcebundles.modelops.io", List.of())).isFalse();
    assertThat(canI(viewer, "delete", "executionenvironments.modelops.io", List.of())).isFalse();
  }

  @Test
  void namespacedInstallReachesOnlyTheWatchedNamespaces() {
    String base = cluster.namespace();
    String ops = base + "-ops";
    List<String> watched = List.of(base + "-a", base + "-b");
    for (String ns : List.of(ops, watched.get(0), watched.get(1))) {
      createNamespace(ns);
    }
    String scoped = "ms-" + suffix;
    helm(
        "install",
        scoped,
        RenderedChart.chart().toString(),
        "--namespace",
        ops,
        "--set",
        "config.watchNamespaces={" + String.join(",", watched) + "}",
        "--set",
        "replicaCount=1",
        "--set",
        "metrics.allowedNamespaces={" + base + "-monitoring}",
        "--set",
        "networkPolicy.probesFrom[0].ipBlock.cidr=10.0.0.0/8",
        "--wait=watcher",
        "--timeout",
        "3m");
    CLEANUP.add(() -> helmQuietly("uninstall", scoped, "--namespace", ops));
    String account = "system:serviceaccount:" + ops + ":" + scoped + "-operator";
    // The API server accepts the policy: /metrics from the named namespace only, the probe port
    // from the nodes' range.
    NetworkPolicy policy =
        client().network().networkPolicies().inNamespace(ops).withName(scoped + "-operator").get();
    assertThat(policy.getSpec().getIngress())
        .extracting(
            rule ->
                rule.getPorts().get(0).getPort().getStrVal()
                    + " from "
                    + (rule.getFrom().get(0).getIpBlock() != null
                        ? rule.getFrom().get(0).getIpBlock().getCidr()
                        : rule.getFrom()
                            .get(0)
                            .getNamespaceSelector()
                            .getMatchExpressions()
                            .get(0)
                            .getValues()))
        .containsExactly("metrics from [" + base + "-monitoring]", "probes from 10.0.0.0/8");

    for (String ns : watched) {
      List<String> in = List.of("-n", ns);
      assertThat(canI(account, "list", "custommodels.modelops.io", in)).isTrue();
      assertThat(canI(account, "create", "deployments.apps", in)).isTrue();
      assertThat(
              canI(
                  account,
                  "patch",
                  "custommodels.modelops.io",
                  List.of("-n", ns, "--subresource=status")))
          .isTrue();
      assertThat(canI(account, "get", "secrets/warehouse-creds", in)).isTrue();
      assertThat(canI(account, "list", "secrets", in)).isFalse();
    }
    for (String ns : List.of(base, ops, "kube-system")) {
      List<String> in = List.of("-n", ns);
      assertThat(canI(account, "list", "custommodels.modelops.io", in)).as(ns).isFalse();
      assertThat(canI(account, "create", "deployments.apps", in)).as(ns).isFalse();
      assertThat(canI(account, "get", "secrets/warehouse-creds", in)).as(ns).isFalse();
    }
    assertThat(canI(account, "list", "custommodels.modelops.io", List.of("-A"))).isFalse();
    // The cluster-scoped kinds are the documented exception: a Role cannot grant them.
    assertThat(canI(account, "list", "resourcebundles.modelops.io", List.of())).isTrue();
    assertThat(
            canI(
                account,
                "patch",
                "executionenvironments.modelops.io",
                List.of("--subresource=status")))
        .isTrue();
    assertThat(canI(account, "create", "events.events.k8s.io", List.of("-n", "default"))).isTrue();
    assertThat(canI(account, "update", "leases.coordination.k8s.io/" + LEASE, List.of("-n", ops)))
        .isTrue();
    await()
        .ignoreExceptions()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                client()
                    .apps()
                    .deployments()
                    .inNamespace(ops)
                    .withName(scoped + "-operator")
                    .isReady());
  }

  @Test
  void kubectlApplyOfTheRenderedChartInstallsTheOperator() {
    String ns = cluster.namespace() + "-kubectl";
    createNamespace(ns);
    String name = "mk-" + suffix;
    // One cluster-wide install per cluster: a second one's admission policy would reserve the
    // operator's marks for its own ServiceAccount, against the helm release's operator.
    String rendered =
        helm(
            "template",
            name,
            RenderedChart.chart().toString(),
            "--namespace",
            ns,
            "--set",
            "admissionPolicy.enabled=false");
    kubectl("apply", "-f", "-").stdin(rendered).run().requireSuccess();
    CLEANUP.add(
        () ->
            kubectl("delete", "--ignore-not-found", "--wait=false", "-f", "-")
                .stdin(rendered)
                .run());

    await()
        .ignoreExceptions()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                client()
                    .apps()
                    .deployments()
                    .inNamespace(ns)
                    .withName(name + "-operator")
                    .isReady());
    assertThat(
            canI(
                "system:serviceaccount:" + ns + ":" + name + "-operator",
                "list",
                "custommodels.modelops.io",
                List.of("-A")))
        .isTrue();
  }

  @Test
  void platformDefaultsAreAcceptedByTheApiServer() throws Exception {
    assertThat(
            client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("resourcebundles.modelops.io")
                .get())
        .as("the harness installs the modelops CRDs")
        .isNotNull();
    Path values = Files.createTempFile("platform-defaults-", ".yaml");
    try {
      Files.writeString(
          values,
          Files.readString(
                  LocalCluster.repoDir()
                      .resolve("src/test/resources/install/platform-defaults.yaml"))
              .replace("name: cpu.small", "name: cpu.small-" + suffix)
              .replace("name: python311", "name: python311-" + suffix));
      String rendered =
          helm(
              "template",
              release,
              RenderedChart.chart().toString(),
              "--namespace",
              cluster.namespace(),
              "-f",
              values.toString(),
              "--show-only",
              "templates/defaults.yaml");
      String applied =
          kubectl("apply", "--server-side", "--dry-run=server", "-f", "-", "-o", "name")
              .stdin(rendered)
              .run()
              .requireSuccess()
              .stdout();
      assertThat(applied.lines())
          .containsExactlyInAnyOrder(
              "resourcebundle.modelops.io/cpu.small-" + suffix,
              "executionenvironment.modelops.io/python311-" + suffix);
    } finally {
      Files.delete(values);
    }
  }

  /**
   * The operator itself, run from this build with a token of the chart's ServiceAccount, so only
   * the chart's RBAC stands between it and the API server: leader election passes JOSDK's access
   * check, every informer of every reconciler starts, and nothing is forbidden.
   */
  @Test
  void operatorRunsWithNothingButTheChartsRbac() throws Exception {
    String ns = cluster.namespace();
    String token =
        kubectl("create", "token", operator, "-n", ns, "--duration=1h")
            .run()
            .requireSuccess()
            .stdout()
            .strip();
    ObjectNode kubeconfig =
        (ObjectNode)
            RenderedChart.YAML.readTree(
                kubectl("config", "view", "--raw", "--minify", "--flatten")
                    .run()
                    .requireSuccess()
                    .stdout());
    ObjectNode user = (ObjectNode) kubeconfig.withArray("users").get(0);
    user.putObject("user").put("token", token);
    Path kubeconfigFile = Files.createTempFile("operator-kubeconfig-", ".yaml");
    Path configFile = Files.createTempFile("operator-config-", ".yaml");
    CLEANUP.add(() -> kubeconfigFile.toFile().delete());
    CLEANUP.add(() -> configFile.toFile().delete());
    RenderedChart.YAML.writeValue(kubeconfigFile.toFile(), kubeconfig);
    Files.writeString(
        configFile,
        client()
            .configMaps()
            .inNamespace(ns)
            .withName(operator + "-config")
            .get()
            .getData()
            .get("config.yaml"));
    int metricsPort;
    int probePort;
    try (ServerSocket a = new ServerSocket(0);
        ServerSocket b = new ServerSocket(0)) {
      metricsPort = a.getLocalPort();
      probePort = b.getLocalPort();
    }
    String identity = "chartinstalltest-" + suffix;
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest readyz =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + "/readyz")).build();

    try (ExternalCommand.Running running =
        ExternalCommand.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                "io.modelops.operator.bootstrap.Main")
            .env("KUBECONFIG", kubeconfigFile.toString())
            .env("MODELOPS_CONFIG_FILE", configFile.toString())
            .env("MODELOPS_METRICS_PORT", String.valueOf(metricsPort))
            .env("MODELOPS_PROBE_PORT", String.valueOf(probePort))
            .env("HOSTNAME", identity)
            .env("MODELOPS_INSTANCE", identity)
            .timeout(Duration.ofSeconds(20))
            .start()) {
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                assertThat(running.isAlive()).as(running.output()).isTrue();
                assertThat(http.send(readyz, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
              });
      assertThat(running.output()).doesNotContain("no controllers are registered");
      await()
          .ignoreExceptions()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                Lease lease = client().leases().inNamespace(ns).withName(LEASE).get();
                assertThat(lease).as(running.output()).isNotNull();
                assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(identity);
                assertThat(http.send(readyz, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(running.output())
                    .isEqualTo(200);
              });
      assertThat(running.isAlive()).isTrue();
      assertThat(running.output()).doesNotContainIgnoringCase("forbidden");
    }
  }

  /**
   * The chart's ValidatingAdmissionPolicy: a tenant (here a namespace's default ServiceAccount with
   * the "edit" role) cannot create built-in objects carrying the operator's marks, on the object or
   * in a pod template; unmarked objects pass; the operator's ServiceAccount may.
   */
  @Test
  void tenantsCannotForgeTheOperatorsMarks() {
    // No Pod Security label here: the decoy pod must reach the admission policy.
    String ns = cluster.namespace() + "-tenant";
    client()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    CLEANUP.add(() -> client().namespaces().withName(ns).delete());
    client()
        .rbac()
        .roleBindings()
        .inNamespace(ns)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("tenant-edit")
                .endMetadata()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName("edit")
                .endRoleRef()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("default")
                .withNamespace(ns)
                .endSubject()
                .build())
        .create();
    try (KubernetesClient tenant = impersonating("system:serviceaccount:" + ns + ":default");
        KubernetesClient operatorClient = impersonating(operatorAccount())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          refusal(
                              () ->
                                  tenant
                                      .configMaps()
                                      .inNamespace(ns)
                                      .resource(
                                          configMap(
                                              "forged-1",
                                              Map.of(
                                                  "app.kubernetes.io/managed-by",
                                                  "modelops-operator"),
                                              Map.of()))
                                      .create()))
                      .contains("metadata.labels", "reserved for the ModelOps operator"));
      assertThat(
              refusal(
                  () ->
                      tenant
                          .configMaps()
                          .inNamespace(ns)
                          .resource(
                              configMap("forged-2", Map.of("modelops.io/model", "churn"), Map.of()))
                          .create()))
          .contains("metadata.labels");
      assertThat(
              refusal(
                  () ->
                      tenant
                          .pods()
                          .inNamespace(ns)
                          .resource(
                              new PodBuilder()
                                  .withNewMetadata()
                                  .withName("decoy")
                                  .addToAnnotations("modelops.io/run-name", "x")
                                  .endMetadata()
                                  .withNewSpec()
                                  .addNewContainer()
                                  .withName("c")
                                  .withImage("busybox")
                                  .endContainer()
                                  .endSpec()
                                  .build())
                          .create()))
          .contains("metadata.annotations");
      assertThat(
              refusal(
                  () ->
                      tenant
                          .apps()
                          .deployments()
                          .inNamespace(ns)
                          .resource(
                              new DeploymentBuilder()
                                  .withNewMetadata()
                                  .withName("decoy")
                                  .endMetadata()
                                  .withNewSpec()
                                  .withNewSelector()
                                  .addToMatchLabels("app", "decoy")
                                  .endSelector()
                                  .withNewTemplate()
                                  .withNewMetadata()
                                  .addToLabels("app", "decoy")
                                  .addToLabels("app.kubernetes.io/managed-by", "modelops-operator")
                                  .endMetadata()
                                  .withNewSpec()
                                  .addNewContainer()
                                  .withName("c")
                                  .withImage("busybox")
                                  .endContainer()
                                  .endSpec()
                                  .endTemplate()
                                  .endSpec()
                                  .build())
                          .create()))
          .contains("spec.template.metadata.labels");
      // The operator's autoscaler informer selects HPAs by the model labels.
      assertThat(
              refusal(
                  () ->
                      tenant
                          .autoscaling()
                          .v2()
                          .horizontalPodAutoscalers()
                          .inNamespace(ns)
                          .resource(
                              new HorizontalPodAutoscalerBuilder()
                                  .withNewMetadata()
                                  .withName("decoy")
                                  .addToLabels("modelops.io/model", "churn")
                                  .endMetadata()
                                  .withNewSpec()
                                  .withMaxReplicas(3)
                                  .withNewScaleTargetRef()
                                  .withApiVersion("apps/v1")
                                  .withKind("Deployment")
                                  .withName("churn")
                                  .endScaleTargetRef()
                                  .endSpec()
                                  .build())
                          .create()))
          .contains("metadata.labels");

      assertThat(
              tenant
                  .configMaps()
                  .inNamespace(ns)
                  .resource(
                      configMap(
                          "plain",
                          Map.of("app.kubernetes.io/managed-by", "someone-else"),
                          Map.of("note", "ok")))
                  .create())
          .isNotNull();
      assertThat(
              operatorClient
                  .configMaps()
                  .inNamespace(ns)
                  .resource(
                      configMap(
                          "owned",
                          Map.of("app.kubernetes.io/managed-by", "modelops-operator"),
                          Map.of("modelops.io/run-name", "r")))
                  .create())
          .isNotNull();
    }
  }

  private static ConfigMap configMap(
      String name, Map<String, String> labels, Map<String, String> annotations) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .addToData("k", "v")
        .build();
  }

  /** The API server's refusal of {@code create}; fails the test when it is accepted. */
  private static String refusal(Runnable create) {
    try {
      create.run();
    } catch (KubernetesClientException e) {
      assertThat(e.getCode()).as(e.getMessage()).isIn(403, 422);
      return e.getMessage();
    }
    throw new AssertionError("the API server accepted an object carrying the operator's marks");
  }

  private static KubernetesClient impersonating(String user) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(client().getConfiguration())
                .withImpersonateUsername(user)
                .withImpersonateGroups("system:authenticated")
                .build())
        .build();
  }

  private static Arguments row(boolean allowed, String verb, String resource, String... scope) {
    return Arguments.of(allowed, verb, resource, List.of(scope));
  }

  private static String operatorAccount() {
    return "system:serviceaccount:" + cluster.namespace() + ":" + operator;
  }

  /** {@code kubectl auth can-i} as {@code user}: exit code 0 means yes, 1 means no. */
  private static boolean canI(String user, String verb, String resource, List<String> scope) {
    List<String> args = new ArrayList<>(List.of("auth", "can-i", verb, resource, "--as=" + user));
    args.addAll(scope);
    ExternalCommand.Result result = kubectl(args.toArray(String[]::new)).run();
    if (result.timedOut() || result.exitCode() > 1) {
      throw new AssertionError(result.describe());
    }
    String answer = result.stdout().strip();
    assertThat(answer).as(result.describe()).isIn("yes", "no");
    return answer.equals("yes");
  }

  private static void createNamespace(String name) {
    client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .endMetadata()
                .build())
        .create();
    CLEANUP.add(() -> client().namespaces().withName(name).delete());
  }

  private static KubernetesClient client() {
    return cluster.client();
  }

  private static Path kubeconfig() {
    client();
    return LocalCluster.kubeconfig();
  }

  private static String helm(String... args) {
    return helmCommand(args).run().requireSuccess().stdout();
  }

  private static void helmQuietly(String... args) {
    helmCommand(args).run();
  }

  /**
   * helm with the local cluster's kubeconfig. Installs skip the chart's crds/: on the shared
   * cluster the test harness (LocalCluster) owns the CRDs, and Helm 4 server-side-applies crds/ on
   * install, which would conflict with (or, forced, overwrite) the harness's copy.
   */
  private static ExternalCommand helmCommand(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (args[0].equals("install")) {
      all.add("--skip-crds");
    }
    all.addAll(List.of("--kubeconfig", kubeconfig().toString()));
    return ExternalCommand.helm(all.toArray(String[]::new)).timeout(Duration.ofMinutes(4));
  }

  private static ExternalCommand kubectl(String... args) {
    List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig().toString()));
    all.addAll(List.of(args));
    return ExternalCommand.kubectl(all.toArray(String[]::new));
  }
}
