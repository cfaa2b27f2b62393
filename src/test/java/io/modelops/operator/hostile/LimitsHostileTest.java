package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenants pushing at the operator's limits: objects as large as the schema admits (filled with the
 * characters the API server stores as six bytes), one item or character more, a workerConfig over
 * its size, git over plain http, and a job asking for egress its namespace may not use. The
 * platform names {@code git.internal} in {@code gitHttpHosts} and restricts the hostile namespace
 * to egress NONE. A second tenant's model keeps serving throughout.
 */
@Tag("cluster")
class LimitsHostileTest {
  static final String HTTP_HOST = "git.internal";

  /** A character the API server stores as a six-byte escape. */
  static final String WIDE = "<";

  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static KubernetesClient client;
  static String ns;
  static String other;
  static String env;

  @BeforeAll
  static void start() {
    client = cluster.client();
    ns = cluster.namespace();
    other = TenantObjects.namespace(client, "limits-other");
    env = "limits-" + ns;
    EgressRules rules = new EgressRules(null, null, null, Map.of(ns, List.of("NONE")));
    operator =
        InProcessOperator.start(
            client,
            c ->
                new OperatorConfig(
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    null,
                    0,
                    List.of(HTTP_HOST),
                    rules,
                    null),
            ns,
            other);
    TenantObjects.environment(client, env);
    TenantObjects.model(client, other, "steady", env, "");
    TenantObjects.awaitServing(client, other, "steady");
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    client.resources(ExecutionEnvironment.class).withName(env).delete();
    client.resources(ExecutionEnvironment.class).withName("wide-" + ns).delete();
    client.namespaces().withName(other).delete();
  }

  @Test
  void aVersionAtEveryLimitIsAcceptedAndStaysFarBelowEtcdsLimit() {
    ObjectNode version = versionAtTheLimits("widest", 20, 256);

    create(CustomModelVersion.class, version);

    // The operator reads it and writes its status (its parameters report included).
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModelVersion v =
                  client
                      .resources(CustomModelVersion.class)
                      .inNamespace(ns)
                      .withName("widest")
                      .get();
              assertThat(condition(v.getStatus().getConditions(), "Validated").getReason())
                  .isEqualTo("ModelNotFound");
              assertThat(v.getStatus().getRuntimeParameters()).hasSize(20);
            });
    long stored = storedBytes("CustomModelVersion", ns, "widest");
    System.out.printf("largest CustomModelVersion, spec and status: %d bytes stored%n", stored);
    assertThat(stored).as("bytes as stored").isLessThan(640 * 1024);
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void aVersionOneItemOrCharacterOverALimitIsRefusedNamingTheField() {
    assertThat(refusal(CustomModelVersion.class, versionAtTheLimits("more-params", 21, 256)))
        .contains("spec.runtimeParameterDefinitions: Too many: 21: must have at most 20 items");
    assertThat(refusal(CustomModelVersion.class, versionAtTheLimits("longer-text", 20, 257)))
        .contains(
            "spec.runtimeParameterDefinitions[0].description: Too long: may not be more than 256");
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void anEnvironmentAtItsLimitsIsAcceptedAndOneMoreVersionIsRefused() {
    String name = "wide-" + ns;
    create(ExecutionEnvironment.class, environment(name, 50));
    assertThat(storedBytes("ExecutionEnvironment", null, name)).isLessThan(256 * 1024);

    assertThat(refusal(ExecutionEnvironment.class, environment(name + "-more", 51)))
        .contains("spec.versions: Too many: 51: must have at most 50 items");
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void aWorkerConfigOver32KibAsJsonIsLimitExceededOnTheJobAndItsRunsWithoutAJob() {
    // 16,000 characters, within the schema's 16384, that the API server stores as six bytes
    // each: 96,012 bytes as JSON.
    Condition ready =
        refusedWithoutAJob("big-config", "notes: \"" + WIDE.repeat(16_000) + "\"", "LimitExceeded");
    assertThat(ready.getMessage())
        .isEqualTo(
            "spec.workerConfig: 96012 bytes as JSON, more than the 32768 allowed; keep large"
                + " inputs in a dataset or a ConfigMap");
  }

  @Test
  void aWorkerConfigWithYamlAliasesIsRefusedNamingTheLineWithoutAJob() {
    // A "billion laughs": 300 characters that would expand to 10^10 strings.
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char level = 'b'; level <= 'j'; level++) {
      bomb.append(level).append(": &").append(level).append(" [");
      bomb.append(String.join(", ", Collections.nCopies(10, "*" + (char) (level - 1))));
      bomb.append("]\n");
    }
    Condition ready = refusedWithoutAJob("bomb-config", bomb.toString(), "InvalidWorkerConfig");
    assertThat(ready.getMessage())
        .isEqualTo(
            "spec.workerConfig uses a YAML alias (line 2, column 8); write the value out instead"
                + " of referring to an anchor");
  }

  /**
   * Creates job {@code name} with {@code workerConfig} and a run of it, and waits until the job is
   * refused for {@code reason} (Ready=False, a Warning event) and the run failed naming the job's
   * field, with no Job and no ConfigMap made; the other tenant keeps serving.
   *
   * @return the job's Ready condition
   */
  private Condition refusedWithoutAJob(String name, String workerConfig, String reason) {
    code(name + "-code");
    ObjectNode job = job(name, "none");
    ((ObjectNode) job.get("spec")).put("workerConfig", workerConfig);
    create(CustomJob.class, job);
    // At once: the run's event reconciles the job again, maybe before its informer has the
    // job's new status; the refusal is still recorded once.
    run(name + "-1", name);

    Condition ready = awaitJobCondition(name, reason);
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
    awaitWarning(name, reason);
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomJobRun run =
                  client.resources(CustomJobRun.class).inNamespace(ns).withName(name + "-1").get();
              assertThat(run.getStatus().getPhase().name()).isEqualTo("FAILED");
              assertThat(run.getStatus().getMessage())
                  .contains("CustomJob " + name + " " + ready.getMessage());
            });
    assertThat(client.batch().v1().jobs().inNamespace(ns).withName(name + "-1").get()).isNull();
    assertThat(client.configMaps().inNamespace(ns).withName(name + "-1-config").get())
        .as("the workerConfig is never copied into a ConfigMap")
        .isNull();
    TenantObjects.assertServing(client, other, "steady");
    return ready;
  }

  @Test
  void plainHttpGitToAHostThePlatformNamesServesWithTheTokenBoundToThatHost() {
    secret("git-token");
    Manifests.apply(
        client,
        ns,
        CustomModel.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: internal}
        spec: {targetType: Regression, targetName: y}
        """);
    Manifests.apply(
        client,
        ns,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: internal-v1}
        spec:
          customModelRef: {name: internal}
          environment: {name: %s, version: ok}
          code:
            git:
              url: "http://%s/acme/models.git"
              ref: main
              secretRef: {name: git-token}
        """
            .formatted(env, HTTP_HOST));

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Deployment d =
                  client.apps().deployments().inNamespace(ns).withName("internal-v1").get();
              List<EnvVar> fetcher =
                  d.getSpec().getTemplate().getSpec().getInitContainers().stream()
                      .filter(c -> value(c.getEnv(), "MODELOPS_GIT_URL") != null)
                      .findFirst()
                      .orElseThrow()
                      .getEnv();
              assertThat(value(fetcher, "MODELOPS_GIT_URL"))
                  .isEqualTo("http://" + HTTP_HOST + "/acme/models.git");
              assertThat(value(fetcher, "MODELOPS_GIT_CREDENTIAL_PROTOCOL")).isEqualTo("http");
              assertThat(value(fetcher, "MODELOPS_GIT_CREDENTIAL_HOST")).isEqualTo(HTTP_HOST);
              assertThat(value(fetcher, "GIT_CONFIG_KEY_0"))
                  .isEqualTo("credential.http://" + HTTP_HOST + ".helper");
            });
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void plainHttpGitToAnotherHostIsRefusedNamingTheFieldAndTheSetting() {
    Manifests.apply(
        client,
        ns,
        CustomModel.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: sniffed}
        spec: {targetType: Regression, targetName: y}
        """);
    Manifests.apply(
        client,
        ns,
        CustomModelVersion.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: sniffed-v1}
        spec:
          customModelRef: {name: sniffed}
          environment: {name: %s, version: ok}
          code: {git: {url: "http://github.com/acme/models.git"}}
        """
            .formatted(env));

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModelVersion v =
                  client
                      .resources(CustomModelVersion.class)
                      .inNamespace(ns)
                      .withName("sniffed-v1")
                      .get();
              Condition validated = condition(v.getStatus().getConditions(), "Validated");
              assertThat(validated.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(validated.getReason()).isEqualTo("GitUrlNotAllowed");
              assertThat(validated.getMessage())
                  .isEqualTo(
                      "spec.code.git.url: plain http to github.com is not allowed (operator"
                          + " setting gitHttpHosts names git.internal); use an https:// URL");
            });
    awaitWarning("sniffed-v1", "GitUrlNotAllowed");
    assertThat(client.apps().deployments().inNamespace(ns).withName("sniffed-v1").get())
        .as("nothing is fetched over http from a host the platform did not name")
        .isNull();
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void aJobWhoseEgressItsNamespaceMayNotUseIsRefusedAndGetsNoPolicy() {
    code("crawl-code");
    ObjectNode job = job("crawl", "public");
    create(CustomJob.class, job);

    Condition ready = awaitJobCondition("crawl", "EgressNotAllowed");
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.getMessage())
        .isEqualTo(
            "spec.resources.egressNetworkPolicy: egress policy PUBLIC is not allowed in namespace "
                + ns
                + " (operator setting egress.allowedByNamespace."
                + ns
                + " allows [NONE])");
    awaitWarning("crawl", "EgressNotAllowed");
    assertThat(
            client
                .network()
                .networkPolicies()
                .inNamespace(ns)
                .withName(RunNames.networkPolicy("crawl"))
                .get())
        .as("a refused job's policy is not applied")
        .isNull();
    TenantObjects.assertServing(client, other, "steady");
  }

  // --- the manifests

  /**
   * A version at the schema's limits, every free-text character one the API server stores as six
   * bytes: {@code params} definitions and values, definition descriptions of {@code
   * descriptionChars}.
   */
  private static ObjectNode versionAtTheLimits(String name, int params, int descriptionChars) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode version = f.objectNode();
    version.put("apiVersion", "modelops.io/v1alpha1").put("kind", "CustomModelVersion");
    version.putObject("metadata").put("name", name).put("namespace", ns);
    ObjectNode spec = version.putObject("spec");
    spec.putObject("customModelRef").put("name", "no-such-model");
    spec.putObject("environment").put("name", env).put("version", "ok");
    spec.putObject("code")
        .putObject("git")
        .put("url", "https://git.example.com/" + WIDE.repeat(2048 - 24))
        .put("ref", "r".repeat(255))
        .put("path", "p".repeat(1024));
    spec.put("description", WIDE.repeat(2000));
    spec.put("label", "l".repeat(100));
    spec.put("entryPoint", "e".repeat(255));
    ArrayNode definitions = spec.putArray("runtimeParameterDefinitions");
    ArrayNode values = spec.putArray("runtimeParameterValues");
    for (int i = 0; i < params; i++) {
      String field = String.format("P%02d_", i) + "X".repeat(96);
      definitions
          .addObject()
          .put("fieldName", field)
          .put("type", "string")
          .put("description", WIDE.repeat(descriptionChars))
          .put("defaultValue", WIDE.repeat(512));
      if (i < 20) {
        values
            .addObject()
            .put("fieldName", field)
            .put("type", "string")
            .put("value", WIDE.repeat(512));
      }
    }
    ArrayNode metadata = spec.putArray("requiredMetadataValues");
    for (int i = 0; i < 50; i++) {
      metadata
          .addObject()
          .put("fieldName", String.format("M%02d_", i) + "Y".repeat(96))
          .put("value", WIDE.repeat(100));
    }
    return version;
  }

  private static ObjectNode environment(String name, int versions) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode environment = f.objectNode();
    environment.put("apiVersion", "modelops.io/v1alpha1").put("kind", "ExecutionEnvironment");
    environment.putObject("metadata").put("name", name);
    ObjectNode spec = environment.putObject("spec");
    spec.put("programmingLanguage", "python").put("description", WIDE.repeat(2000));
    ArrayNode list = spec.putArray("versions");
    for (int i = 0; i < versions; i++) {
      list.addObject()
          .put("label", String.format("v%02d", i))
          .put("image", "registry.example.com/python:3.11-" + i)
          .put("description", WIDE.repeat(500));
    }
    return environment;
  }

  private static ObjectNode job(String name, String egress) {
    ObjectNode job =
        Serialization.unmarshal(
            """
            {"apiVersion": "modelops.io/v1alpha1", "kind": "CustomJob",
             "metadata": {"name": "%s", "namespace": "%s"},
             "spec": {"jobType": "retraining",
                      "environment": {"name": "%s", "version": "ok"},
                      "code": {"configMap": {"name": "%s-code"}},
                      "resources": {"egressNetworkPolicy": "%s"}}}
            """
                .formatted(name, ns, env, name, egress),
            ObjectNode.class);
    return job;
  }

  private static void run(String name, String job) {
    Manifests.apply(
        client,
        ns,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: %s}
        spec: {customJobRef: {name: %s}}
        """
            .formatted(name, job));
  }

  private static void code(String name) {
    Manifests.apply(
        client,
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s}
        data: {run.sh: "#!/bin/sh\\necho done\\n"}
        """
            .formatted(name));
  }

  private static void secret(String name) {
    Manifests.apply(
        client,
        ns,
        Secret.class,
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: %s}
        stringData: {token: not-a-real-token}
        """
            .formatted(name));
  }

  // --- helpers

  private static <T extends HasMetadata> void create(Class<T> type, ObjectNode manifest) {
    client.resource(Serialization.unmarshal(Serialization.asJson(manifest), type)).create();
  }

  /** What the API server said refusing {@code manifest}. */
  private static <T extends HasMetadata> String refusal(Class<T> type, ObjectNode manifest) {
    KubernetesClientException refused =
        catchThrowableOfType(KubernetesClientException.class, () -> create(type, manifest));
    assertThat(refused).as("accepted").isNotNull();
    assertThat(refused.getCode()).isEqualTo(422);
    return refused.getMessage();
  }

  /**
   * The object's size as the API server stores it: its JSON, where {@code <}, {@code >} and {@code
   * &} take six bytes each.
   */
  private static long storedBytes(String kind, String namespace, String name) {
    var resources = client.genericKubernetesResources("modelops.io/v1alpha1", kind);
    GenericKubernetesResource object =
        namespace == null
            ? resources.withName(name).get()
            : resources.inNamespace(namespace).withName(name).get();
    String json = Serialization.asJson(object);
    long wide = json.chars().filter(c -> c == '<' || c == '>' || c == '&').count();
    return json.getBytes(StandardCharsets.UTF_8).length + 5 * wide;
  }

  private static Condition awaitJobCondition(String name, String reason) {
    Supplier<Condition> ready =
        () ->
            condition(
                client
                    .resources(CustomJob.class)
                    .inNamespace(ns)
                    .withName(name)
                    .get()
                    .getStatus()
                    .getConditions(),
                "Ready");
    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(ready.get().getReason()).isEqualTo(reason));
    return ready.get();
  }

  private static void awaitWarning(String name, String reason) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<Event> warnings =
                  client.events().v1().events().inNamespace(ns).list().getItems().stream()
                      .filter(e -> "Warning".equals(e.getType()))
                      .filter(e -> reason.equals(e.getReason()))
                      .filter(e -> name.equals(e.getRegarding().getName()))
                      .toList();
              assertThat(warnings).hasSize(1);
            });
  }

  private static Condition condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
  }

  private static String value(List<EnvVar> env, String name) {
    return env.stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .map(EnvVar::getValue)
        .orElse(null);
  }
}
