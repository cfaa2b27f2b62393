package io.modelops.operator.custommodeltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.SimulatedImages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CustomModelTests end to end on the local control plane (restricted Pod Security namespace): the
 * Job and its pod as built (model server from the serving assembly as a sidecar, tester with its
 * plan), the NetworkPolicy, the tester's report (written by the kwok stage for test pods) read back
 * into status, one test at a time per model, cancel, refusals by field, and the promotion gate.
 */
@Tag("cluster")
class CustomModelTestLifecycleTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static final ObjectMapper JSON = new ObjectMapper();
  static InProcessOperator operator;
  static String ns;
  static String env;

  @BeforeAll
  static void start() {
    ns = cluster.namespace();
    env = "tests-" + ns;
    operator = InProcessOperator.start(cluster.client(), ns);
    Manifests.applyClusterScoped(
        cluster.client(),
        ExecutionEnvironment.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: ExecutionEnvironment
        metadata: {name: %s}
        spec:
          programmingLanguage: python
          versions:
            - {label: ok, image: "python:3.11-slim"}
            - {label: crash, image: "%s"}
            - {label: forever, image: "%s"}
        """
            .formatted(env, SimulatedImages.CRASH_LOOP, SimulatedImages.RUNS_FOREVER));
    Manifests.apply(
        cluster.client(),
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: code}
        data: {start_server.sh: "exec python server.py"}
        """);
    Manifests.apply(
        cluster.client(),
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: churn-data}
        data: {test.csv: "tenure,plan,churned\\n3,basic,yes\\n40,premium,no\\n"}
        """);
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
  }

  static void model(String name, String extra) {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomModel.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: %s}
        spec:
          targetType: Binary
          targetName: churned
          positiveClassLabel: "yes"
          negativeClassLabel: "no"
        %s
        """
            .formatted(name, extra.indent(2)));
  }

  static void version(String name, String model, String envVersion) {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: %s}
        spec:
          customModelRef: {name: %s}
          environment: {name: %s, version: %s}
          code: {configMap: {name: code}}
        """
            .formatted(name, model, env, envVersion));
  }

  static void test(String name, String version, String extra) {
    Manifests.apply(
        cluster.client(),
        ns,
        CustomModelTest.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelTest
        metadata: {name: %s}
        spec:
          customModelVersionRef: {name: %s}
        %s
        """
            .formatted(name, version, extra.indent(2)));
  }

  static final String DATASET = "dataset: {configMapKeyRef: {name: churn-data, key: test.csv}}";

  static CustomModelTest get(String name) {
    return cluster.client().resources(CustomModelTest.class).inNamespace(ns).withName(name).get();
  }

  static TestingStatus overall(String name) {
    CustomModelTest t = get(name);
    return t == null || t.getStatus() == null ? null : t.getStatus().getOverallStatus();
  }

  static Condition condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElse(null);
  }

  static Job job(String name) {
    return cluster.client().batch().v1().jobs().inNamespace(ns).withName(name).get();
  }

  @Test
  void aTestRunsTheVersionsServerBesideTheTesterAndReadsItsReportIntoStatus() throws Exception {
    model("churn", "");
    version("churn-v1", "churn", "ok");
    test(
        "churn-v1-check",
        "churn-v1",
        DATASET
            + "\nconfiguration: {nullValueImputation: warn}"
            + "\noverrides: {maximumMemory: 268435456, desiredMemory: 134217728}"
            + "\ntimeoutSeconds: 900");

    await().atMost(Duration.ofSeconds(60)).until(() -> job("churn-v1-check-test") != null);
    Job job = job("churn-v1-check-test");
    CustomModelTest created = get("churn-v1-check");
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(900L);
    assertThat(job.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getKind()).isEqualTo("CustomModelTest");
              assertThat(r.getUid()).isEqualTo(created.getMetadata().getUid());
              assertThat(r.getController()).isTrue();
            });
    assertThat(job.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "modelops-operator")
        .containsEntry("app.kubernetes.io/component", "model-test")
        .doesNotContainKey("modelops.io/model");
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    Container server =
        pod.getInitContainers().stream()
            .filter(c -> c.getName().equals("model"))
            .findFirst()
            .orElseThrow();
    assertThat(server.getRestartPolicy()).isEqualTo("Always");
    assertThat(server.getImage()).isEqualTo("python:3.11-slim");
    assertThat(server.getEnv())
        .extracting(EnvVar::getName, EnvVar::getValue)
        .contains(
            org.assertj.core.groups.Tuple.tuple("PORT", "8080"),
            org.assertj.core.groups.Tuple.tuple("URL_PREFIX", "/churn"),
            org.assertj.core.groups.Tuple.tuple("TARGET_TYPE", "Binary"),
            org.assertj.core.groups.Tuple.tuple("POSITIVE_CLASS_LABEL", "yes"));
    assertThat(server.getResources().getLimits().get("memory").toString()).isEqualTo("268435456");
    assertThat(server.getResources().getRequests().get("memory").toString()).isEqualTo("134217728");
    assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/churn/");
    assertThat(pod.getContainers())
        .singleElement()
        .extracting(Container::getName)
        .isEqualTo("tester");
    Container tester = pod.getContainers().get(0);
    assertThat(tester.getImage()).isEqualTo(OperatorConfig.defaults().testerImage());
    assertThat(tester.getArgs()).containsExactly("test-model");
    assertThat(tester.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(tester.getResources().getLimits()).containsKeys("memory", "ephemeral-storage");
    assertThat(tester.getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getMountPath()).isEqualTo("/var/run/modelops/dataset");
              assertThat(m.getReadOnly()).isTrue();
            });
    JsonNode plan =
        JSON.readTree(
            tester.getEnv().stream()
                .filter(e -> e.getName().equals("MODELOPS_TEST_PLAN"))
                .findFirst()
                .orElseThrow()
                .getValue());
    assertThat(plan.get("serverUrl").asText()).isEqualTo("http://127.0.0.1:8080/churn");
    assertThat(plan.get("targetType").asText()).isEqualTo("Binary");
    assertThat(plan.get("datasetPath").asText()).isEqualTo("/var/run/modelops/dataset/dataset.csv");
    assertThat(plan.at("/checks/errorCheck").asText()).isEqualTo("fail");
    assertThat(plan.at("/checks/nullValueImputation").asText()).isEqualTo("warn");
    assertThat(plan.at("/checks/sideEffects").asText()).isEqualTo("skip");
    assertThat(plan.get("classLabels")).hasSize(2);
    NetworkPolicy policy =
        cluster
            .client()
            .network()
            .networkPolicies()
            .inNamespace(ns)
            .withName("churn-v1-check-test")
            .get();
    assertThat(policy).isNotNull();
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsEntry("modelops.io/test", "churn-v1-check");
    assertThat(policy.getSpec().getIngress()).isEmpty();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> overall("churn-v1-check") == TestingStatus.SUCCEEDED);
    var status = get("churn-v1-check").getStatus();
    assertThat(status.getTestingStatus().getErrorCheck().getStatus())
        .isEqualTo(TestingStatus.SUCCEEDED);
    assertThat(status.getTestingStatus().getLongRunningService().getStatus())
        .isEqualTo(TestingStatus.SUCCEEDED);
    assertThat(status.getTestingStatus().getSideEffects().getStatus())
        .isEqualTo(TestingStatus.SKIPPED);
    assertThat(status.getCustomModel()).isEqualTo("churn");
    assertThat(status.getJobName()).isEqualTo("churn-v1-check-test");
    assertThat(status.getPodName()).startsWith("churn-v1-check-test-");
    assertThat(status.getLogs())
        .isEqualTo("kubectl logs -n " + ns + " " + status.getPodName() + " -c tester");
    assertThat(status.getStartedAt()).isNotNull();
    assertThat(status.getCompletedAt()).isNotNull();
    assertThat(status.getMessage()).startsWith("succeeded: ");
    CustomModelVersion v =
        cluster
            .client()
            .resources(CustomModelVersion.class)
            .inNamespace(ns)
            .withName("churn-v1")
            .get();
    assertThat(status.getTestedVersionGeneration()).isEqualTo(v.getMetadata().getGeneration());
    assertThat(condition(status.getConditions(), "Ready").getStatus())
        .isEqualTo(ConditionStatus.TRUE);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              var vs =
                  cluster
                      .client()
                      .resources(CustomModelVersion.class)
                      .inNamespace(ns)
                      .withName("churn-v1")
                      .get()
                      .getStatus();
              assertThat(vs.getTestingStatus()).isEqualTo(TestingStatus.SUCCEEDED);
              assertThat(vs.getLatestTest()).isEqualTo("churn-v1-check");
            });
  }

  @Test
  void aServerThatNeverStaysUpFailsLongRunningServiceAndAbortsTheRest() {
    model("crashy", "");
    version("crashy-v1", "crashy", "crash");
    test("crashy-v1-check", "crashy-v1", DATASET);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> overall("crashy-v1-check") == TestingStatus.FAILED);
    var status = get("crashy-v1-check").getStatus();
    assertThat(status.getTestingStatus().getLongRunningService().getStatus())
        .isEqualTo(TestingStatus.FAILED);
    assertThat(status.getTestingStatus().getErrorCheck().getStatus())
        .isEqualTo(TestingStatus.ABORTED);
    assertThat(status.getMessage()).startsWith("failed: longRunningService failed: ");
    assertThat(condition(status.getConditions(), "Ready").getReason()).isEqualTo("Failed");
  }

  @Test
  void oneTestRunsAtATimePerModelTheNextWaitsQueuedThenRunsWhenTheFirstIsCanceled() {
    model("slow", "");
    version("slow-v1", "slow", "forever");
    test("slow-first", "slow-v1", DATASET);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> overall("slow-first") == TestingStatus.IN_PROGRESS);
    test("slow-second", "slow-v1", DATASET);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> overall("slow-second") == TestingStatus.QUEUED);
    assertThat(condition(get("slow-second").getStatus().getConditions(), "Progressing").getReason())
        .isEqualTo("Queued");
    assertThat(job("slow-second-test")).isNull();

    Manifests.mergePatch(
        cluster.client(), CustomModelTest.class, ns, "slow-first", "{\"spec\":{\"cancel\":true}}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> overall("slow-first") == TestingStatus.CANCELED);
    await().atMost(Duration.ofSeconds(30)).until(() -> job("slow-first-test") == null);
    // Woken by the first test leaving the queue, not by polling (the safety net is 10 minutes).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> overall("slow-second") == TestingStatus.IN_PROGRESS);
    assertThat(job("slow-second-test")).isNotNull();
    assertThat(Instant.parse(get("slow-second").getStatus().getStartedAt()))
        .isAfterOrEqualTo(
            Instant.parse(get("slow-first").getStatus().getCompletedAt()).minusSeconds(1));
    Manifests.mergePatch(
        cluster.client(), CustomModelTest.class, ns, "slow-second", "{\"spec\":{\"cancel\":true}}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> overall("slow-second") == TestingStatus.CANCELED);
  }

  @Test
  void refusalsNameTheFieldInStatusAndOneWarningEvent() {
    model("refused", "");
    version("refused-v1", "refused", "ok");
    test("no-version", "does-not-exist", DATASET);
    test("no-dataset", "refused-v1", "");
    test("no-key", "refused-v1", "dataset: {configMapKeyRef: {name: churn-data, key: other.csv}}");
    test("too-many", "refused-v1", DATASET + "\nperformance: {parallelUsers: 50}");
    test("no-bundle", "refused-v1", DATASET + "\noverrides: {resourceBundleRef: {name: nope}}");
    Map<String, String[]> expected =
        Map.of(
            "no-version",
            new String[] {
              "VersionNotFound",
              "spec.customModelVersionRef.name: CustomModelVersion \"does-not-exist\" does not"
                  + " exist in namespace "
                  + ns
            },
            "no-dataset",
            new String[] {
              "DatasetRequired",
              "spec.dataset is required: CustomModel refused has targetType Binary (only"
                  + " Unstructured models may be tested without a dataset)"
            },
            "no-key",
            new String[] {
              "ConfigMapKeyNotFound",
              "spec.dataset.configMapKeyRef.key: ConfigMap \"churn-data\" has no key \"other.csv\""
            },
            "too-many",
            new String[] {
              "LimitExceeded",
              "spec.performance.parallelUsers 50 exceeds the operator limit"
                  + " maxCustomModelTestingParallelUsers=20"
            },
            "no-bundle",
            new String[] {
              "BundleNotFound",
              "spec.overrides.resourceBundleRef.name: ResourceBundle \"nope\" does not exist"
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (var e : expected.entrySet()) {
                CustomModelTest t = get(e.getKey());
                assertThat(t.getStatus()).as(e.getKey()).isNotNull();
                assertThat(t.getStatus().getOverallStatus()).isEqualTo(TestingStatus.NOT_TESTED);
                Condition ready = condition(t.getStatus().getConditions(), "Ready");
                assertThat(ready.getReason()).as(e.getKey()).isEqualTo(e.getValue()[0]);
                assertThat(ready.getMessage()).as(e.getKey()).startsWith(e.getValue()[1]);
                assertThat(job(e.getKey() + "-test")).isNull();
                assertThat(
                        cluster.client().events().v1().events().inNamespace(ns).list().getItems())
                    .filteredOn(ev -> ev.getRegarding().getName().equals(e.getKey()))
                    .singleElement()
                    .satisfies(
                        ev -> {
                          assertThat(ev.getType()).isEqualTo("Warning");
                          assertThat(ev.getReason()).isEqualTo(e.getValue()[0]);
                          assertThat(ev.getNote()).startsWith(e.getValue()[1]);
                        });
              }
            });
    // A test waiting for its version starts once the version exists.
    version("does-not-exist", "refused", "ok");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> overall("no-version") == TestingStatus.SUCCEEDED);
  }

  @Test
  void theGateHoldsAVersionUntilASucceededTestAndKeepsServingTheOldOne() {
    model("gated", "promotion: {requireSuccessfulTest: true}");
    version("gated-v1", "gated", "ok");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModel m = gatedModel();
              Condition promoted = condition(m.getStatus().getConditions(), "Promoted");
              assertThat(promoted.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(promoted.getReason()).isEqualTo("TestRequired");
              assertThat(promoted.getMessage())
                  .isEqualTo(
                      "version gated-v1 (generation 1) waits for a succeeded CustomModelTest"
                          + " (spec.promotion.requireSuccessfulTest); no test of it exists");
              assertThat(m.getStatus().getActiveVersion()).isNull();
            });
    assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("gated-v1").get())
        .isNull();

    test("gated-v1-check", "gated-v1", DATASET);
    // Released, then served: on a loaded machine the Deployment takes a while to be Available.
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(180))
        .untilAsserted(
            () -> {
              CustomModel m = gatedModel();
              Condition promoted = condition(m.getStatus().getConditions(), "Promoted");
              assertThat(promoted.getStatus())
                  .as(
                      "%s; test %s",
                      describe(m.getStatus().getConditions()),
                      get("gated-v1-check").getStatus().getOverallStatus())
                  .isEqualTo(ConditionStatus.TRUE);
              assertThat(promoted.getReason()).isEqualTo("TestSucceeded");
              assertThat(promoted.getMessage())
                  .isEqualTo(
                      "version gated-v1 passed CustomModelTest gated-v1-check at generation 1");
              assertThat(m.getStatus().getActiveVersion()).isEqualTo("gated-v1");
              assertThat(condition(m.getStatus().getConditions(), "Ready").getStatus())
                  .as("%s", describe(m.getStatus().getConditions()))
                  .isEqualTo(ConditionStatus.TRUE);
            });

    version("gated-v2", "gated", "crash");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModel m = gatedModel();
              Condition promoted = condition(m.getStatus().getConditions(), "Promoted");
              assertThat(promoted.getReason()).isEqualTo("TestRequired");
              assertThat(promoted.getMessage()).startsWith("version gated-v2 (generation 1) waits");
              assertThat(m.getStatus().getActiveVersion()).isEqualTo("gated-v1");
              assertThat(condition(m.getStatus().getConditions(), "Ready").getStatus())
                  .isEqualTo(ConditionStatus.TRUE);
            });
    test("gated-v2-check", "gated-v2", DATASET);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              CustomModel m = gatedModel();
              Condition promoted = condition(m.getStatus().getConditions(), "Promoted");
              assertThat(promoted.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(promoted.getReason()).isEqualTo("TestFailed");
              assertThat(promoted.getMessage())
                  .isEqualTo(
                      "version gated-v2 (generation 1) waits for a succeeded CustomModelTest"
                          + " (spec.promotion.requireSuccessfulTest); its latest test,"
                          + " CustomModelTest gated-v2-check, ended failed");
              assertThat(m.getStatus().getActiveVersion()).isEqualTo("gated-v1");
            });
    assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("gated-v2").get())
        .isNull();
  }

  static List<String> describe(List<Condition> conditions) {
    return conditions.stream()
        .map(c -> c.getType() + "=" + c.getStatus() + " " + c.getReason() + ": " + c.getMessage())
        .toList();
  }

  static CustomModel gatedModel() {
    return cluster.client().resources(CustomModel.class).inNamespace(ns).withName("gated").get();
  }
}
