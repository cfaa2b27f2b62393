package io.modelops.operator.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.gitops.ArgoHealthScripts.Health;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * GitOps with a real Argo CD (dev/scripts/argocd-up.sh: the application controller and repo server
 * of the pinned release, built from its Go module, with the health checks installed as
 * docs/argocd.md says) on the local control plane: the two Applications of {@code examples/gitops}
 * sync this checkout's chart and examples from a Git repository served on loopback, with the
 * operator running. Changes are pushed to that repository as a user would.
 *
 * <p>The tests run in order and share the cluster state: each leaves the Applications Synced and
 * Healthy. Tagged "argocd" (not run by a plain {@code mvn verify}): {@code make test} runs it
 * through dev/scripts/test-argocd.sh.
 */
@Tag("cluster")
@Tag("argocd")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArgoCdEndToEndTest {
  private static final String NS = "modelops-examples";
  private static final String OPERATOR_APP = "modelops-operator";
  private static final String EXAMPLES_APP = "modelops-examples";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SETTLE = Duration.ofMinutes(3);

  private static KubernetesClient client;
  private static LocalArgoCd argo;
  private static InProcessOperator operator;

  @BeforeAll
  static void start() {
    client = LocalCluster.client();
    argo = LocalArgoCd.start(client);
    operator = InProcessOperator.start(client, NS);
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    if (argo != null) {
      argo.close();
    }
  }

  @Test
  @Order(1)
  void bothApplicationsSyncAndBecomeHealthy() {
    long t0 = System.nanoTime();
    argo.createApplication(repo("examples/gitops/operator-application.yaml"));
    argo.createApplication(repo("examples/gitops/examples-application.yaml"));

    awaitSyncedAndHealthy(Duration.ofMinutes(5), OPERATOR_APP, EXAMPLES_APP);
    long healthy = (System.nanoTime() - t0) / 1_000_000_000L;
    // The first sync operation may still run: one of several steps waits for health.
    for (String app : List.of(OPERATOR_APP, EXAMPLES_APP)) {
      awaitApp(
          Duration.ofMinutes(2),
          app,
          s -> "Succeeded".equals(s.at("/operationState/phase").asText()));
    }
    System.out.printf(
        "[argocd] both Applications Synced and Healthy %ds after creation, their"
            + " first sync operations Succeeded after %ds%n",
        healthy, (System.nanoTime() - t0) / 1_000_000_000L);

    for (String app : List.of(OPERATOR_APP, EXAMPLES_APP)) {
      JsonNode status = argo.status(app);
      assertThat(status.path("resources"))
          .as(app)
          .isNotEmpty()
          .allSatisfy(
              r -> {
                String what = app + ": " + r.path("kind").asText() + " " + r.path("name").asText();
                assertThat(r.path("status").asText()).as(what).isEqualTo("Synced");
                // Kinds without a health check (ConfigMap, RBAC, ...) have none.
                if (r.has("health")) {
                  assertThat(r.at("/health/status").asText())
                      .as(what + " " + r.get("health"))
                      .isEqualTo("Healthy");
                }
              });
    }
    JsonNode examples = argo.status(EXAMPLES_APP);
    for (String model : List.of("churn", "iris", "pricing", "forecast")) {
      assertThat(LocalArgoCd.resource(examples, "CustomModel", model).at("/health/status").asText())
          .as(model)
          .isEqualTo("Healthy");
    }
    // Argo CD applies the manual run in the same wave as its environment and bundle, in name
    // order, so before them: the run waits for them instead of failing, then succeeds.
    assertThat(
            LocalArgoCd.resource(examples, "CustomJobRun", "churn-retrain-manual-1")
                .at("/health/status")
                .asText())
        .as("the manual run, synced with the environment it needs")
        .isEqualTo("Healthy");
  }

  @Test
  @Order(2)
  void applicationsStaySyncedForSeveralResyncsWhileTheOperatorRuns() {
    awaitSyncedAndHealthy(SETTLE, OPERATOR_APP, EXAMPLES_APP);
    String operatorSync = argo.status(OPERATOR_APP).at("/operationState/startedAt").asText();
    String examplesSync = argo.status(EXAMPLES_APP).at("/operationState/startedAt").asText();
    Set<String> reconciled = new LinkedHashSet<>();
    List<String> drift = new CopyOnWriteArrayList<>();
    // Three full comparisons with Git by the controller (its resync period), each Synced.
    await()
        .atMost(argo.resync().multipliedBy(5).plusSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              for (String app : List.of(OPERATOR_APP, EXAMPLES_APP)) {
                JsonNode status = argo.status(app);
                if (!"Synced".equals(status.at("/sync/status").asText())) {
                  drift.add(app + " " + outOfSync(status));
                }
                reconciled.add(app + " " + status.path("reconciledAt").asText());
              }
              return reconciled.size() >= 2 * 4;
            });
    assertThat(drift).as("OutOfSync while the operator ran").isEmpty();
    // Self-heal would have synced again had anything drifted: the last sync is still the first.
    assertThat(argo.status(OPERATOR_APP).at("/operationState/startedAt").asText())
        .isEqualTo(operatorSync);
    assertThat(argo.status(EXAMPLES_APP).at("/operationState/startedAt").asText())
        .isEqualTo(examplesSync);
  }

  @Test
  @Order(3)
  void aNewVersionPushedToGitIsProgressingWhileItStartsThenHealthy() throws Exception {
    awaitSyncedAndHealthy(SETTLE, EXAMPLES_APP);
    copyToGit("churn-v3.yaml", "examples/40-churn-v3.yaml");
    setActiveVersion("churn-v3");
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch watch = recordHealth(EXAMPLES_APP, "CustomModel", "churn", seen)) {
      String revision = argo.commit("churn: activate churn-v3");
      argo.refresh(EXAMPLES_APP);
      awaitApp(
          Duration.ofMinutes(3),
          EXAMPLES_APP,
          s ->
              revision.equals(s.at("/sync/revision").asText())
                  && "Synced".equals(s.at("/sync/status").asText())
                  && "Healthy".equals(s.at("/health/status").asText())
                  && healthOf(s, "CustomModel", "churn").startsWith("Healthy"));
      assertThat(
              client
                  .resources(CustomModel.class)
                  .inNamespace(NS)
                  .withName("churn")
                  .get()
                  .getStatus()
                  .getActiveVersion())
          .isEqualTo("churn-v3");
    }
    assertThat(seen)
        .as("health of CustomModel churn in Argo CD after the push")
        .anySatisfy(h -> assertThat(h).startsWith("Progressing"))
        .last()
        .asString()
        .startsWith("Healthy");
  }

  @Test
  @Order(4)
  void aVersionThatCannotStartIsDegradedWithTheOperatorsReason() throws Exception {
    awaitSyncedAndHealthy(SETTLE, EXAMPLES_APP);
    copyToGit("churn-v4-cannot-start.yaml", "examples/41-churn-v4.yaml");
    setActiveVersion("churn-v4");
    String revision = argo.commit("churn: activate churn-v4, which cannot start");
    argo.refresh(EXAMPLES_APP);
    try {
      // Argo CD shows the message of the operator's Degraded condition (the same reading of it).
      JsonNode status =
          awaitApp(
              Duration.ofMinutes(3),
              EXAMPLES_APP,
              s ->
                  revision.equals(s.at("/sync/revision").asText())
                      && healthOf(s, "CustomModel", "churn")
                          .equals("Degraded " + degradedMessage()));
      assertThat(status.at("/health/status").asText()).isEqualTo("Degraded");
      CustomModel live =
          client.resources(CustomModel.class).inNamespace(NS).withName("churn").get();
      assertThat(live.getStatus().getConditions())
          .anySatisfy(
              c -> {
                assertThat(c.getType()).isEqualTo("Degraded");
                assertThat(c.getStatus()).isEqualTo(ConditionStatus.TRUE);
                assertThat(c.getReason()).isEqualTo("CrashLoopBackOff");
              });
      // The previous version keeps serving meanwhile.
      assertThat(live.getStatus().getActiveVersion()).isEqualTo("churn-v3");
    } finally {
      // Back to churn-v3 in Git: Argo CD prunes churn-v4 and the model is Healthy again.
      Files.delete(argo.gitDir().resolve("examples/41-churn-v4.yaml"));
      setActiveVersion("churn-v3");
      String back = argo.commit("churn: back to churn-v3");
      argo.refresh(EXAMPLES_APP);
      awaitApp(
          Duration.ofMinutes(3),
          EXAMPLES_APP,
          s ->
              back.equals(s.at("/sync/revision").asText())
                  && "Synced".equals(s.at("/sync/status").asText())
                  && "Healthy".equals(s.at("/health/status").asText()));
    }
    assertThat(
            client
                .genericKubernetesResources("modelops.io/v1alpha1", "CustomModelVersion")
                .inNamespace(NS)
                .withName("churn-v4")
                .get())
        .isNull();
  }

  private static String degradedMessage() {
    CustomModel live = client.resources(CustomModel.class).inNamespace(NS).withName("churn").get();
    return live.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("Degraded") && c.getStatus() == ConditionStatus.TRUE)
        .map(c -> c.getMessage())
        .findFirst()
        .orElse("(no Degraded condition)");
  }

  @Test
  @Order(5)
  void customJobRunHealthFollowsTheRunsPhase() throws Exception {
    awaitSyncedAndHealthy(SETTLE, EXAMPLES_APP);
    // The jobs first, then (once Argo CD shows them Healthy) their runs, as docs/argocd.md says.
    copyToGit("jobs.yaml", "examples/42-jobs.yaml");
    String jobs = argo.commit("jobs that fail and that never end");
    argo.refresh(EXAMPLES_APP);
    awaitApp(
        Duration.ofMinutes(3),
        EXAMPLES_APP,
        s ->
            jobs.equals(s.at("/sync/revision").asText())
                && healthOf(s, "CustomJob", "always-fails").startsWith("Healthy")
                && healthOf(s, "CustomJob", "never-ends").startsWith("Healthy"));
    copyToGit("job-runs.yaml", "examples/43-job-runs.yaml");
    String revision = argo.commit("runs that fail and that never end");
    argo.refresh(EXAMPLES_APP);
    try {
      JsonNode status =
          awaitApp(
              Duration.ofMinutes(3),
              EXAMPLES_APP,
              s ->
                  revision.equals(s.at("/sync/revision").asText())
                      && healthOf(s, "CustomJobRun", "always-fails-1").startsWith("Degraded")
                      && healthOf(s, "CustomJobRun", "never-ends-1").startsWith("Progressing"));
      // Argo CD ranks Degraded above Progressing: the failed run makes the Application Degraded.
      assertThat(status.at("/health/status").asText()).isEqualTo("Degraded");
      CustomJobRun failed =
          client.resources(CustomJobRun.class).inNamespace(NS).withName("always-fails-1").get();
      assertThat(failed.getStatus().getPhase().name()).isEqualTo("FAILED");
      assertThat(healthOf(status, "CustomJobRun", "always-fails-1"))
          .isEqualTo("Degraded " + failed.getStatus().getMessage());
      CustomJobRun running =
          client.resources(CustomJobRun.class).inNamespace(NS).withName("never-ends-1").get();
      assertThat(running.getStatus().getPhase().name()).isEqualTo("RUNNING");
    } finally {
      // Removed from Git: pruned, and the Application is Healthy again.
      Files.delete(argo.gitDir().resolve("examples/42-jobs.yaml"));
      Files.delete(argo.gitDir().resolve("examples/43-job-runs.yaml"));
      String back = argo.commit("remove the failing and endless jobs and runs");
      argo.refresh(EXAMPLES_APP);
      awaitApp(
          Duration.ofMinutes(3),
          EXAMPLES_APP,
          s ->
              back.equals(s.at("/sync/revision").asText())
                  && "Synced".equals(s.at("/sync/status").asText())
                  && "Healthy".equals(s.at("/health/status").asText()));
    }
  }

  @Test
  @Order(6)
  void aScheduledJobsRunsHaveTheHealthOfTheirPhaseAndDoNotMakeTheApplicationOutOfSync()
      throws Exception {
    awaitSyncedAndHealthy(SETTLE, EXAMPLES_APP);
    copyToGit("scheduled-job.yaml", "examples/44-scheduled-job.yaml");
    String revision = argo.commit("a job scheduled every minute");
    argo.refresh(EXAMPLES_APP);
    try {
      awaitApp(
          Duration.ofMinutes(2),
          EXAMPLES_APP,
          s ->
              revision.equals(s.at("/sync/revision").asText())
                  && healthOf(s, "CustomJob", "every-minute").startsWith("Healthy"));

      // The operator starts a run at the next minute; it is not in Git (Argo CD shows it under
      // its job): its health is Argo CD's evaluation of the live object.
      List<GenericKubernetesResource> runs = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                runs.clear();
                scheduledRuns().stream()
                    .filter(r -> "succeeded".equals(tree(r).at("/status/phase").asText()))
                    .forEach(runs::add);
                return !runs.isEmpty();
              });
      List<Health> health = argo.health(runs.stream().map(ArgoCdEndToEndTest::tree).toList());
      assertThat(health).allSatisfy(h -> assertThat(h.status()).isEqualTo("Healthy"));
      JsonNode status = argo.status(EXAMPLES_APP);
      assertThat(status.at("/sync/status").asText()).isEqualTo("Synced");
      String run = runs.get(0).getMetadata().getName();
      assertThat(LocalArgoCd.resource(status, "CustomJobRun", run).isMissingNode())
          .as("a scheduled run is not one of the Application's resources")
          .isTrue();
    } finally {
      Files.delete(argo.gitDir().resolve("examples/44-scheduled-job.yaml"));
      String back = argo.commit("remove the scheduled job");
      argo.refresh(EXAMPLES_APP);
      awaitApp(
          Duration.ofMinutes(2),
          EXAMPLES_APP,
          s ->
              back.equals(s.at("/sync/revision").asText())
                  && "Synced".equals(s.at("/sync/status").asText()));
      // Its runs go with it (ownerReferences to the job), by garbage collection.
      await().atMost(Duration.ofMinutes(1)).until(() -> scheduledRuns().isEmpty());
    }
  }

  @Test
  @Order(7)
  void removingAModelFromGitPrunesItAndItsObjectsAreGarbageCollected() throws Exception {
    awaitSyncedAndHealthy(SETTLE, EXAMPLES_APP);
    CustomModel pricing =
        client.resources(CustomModel.class).inNamespace(NS).withName("pricing").get();
    String uid = pricing.getMetadata().getUid();
    List<String> owned = ownedBy(uid);
    assertThat(owned)
        .as("objects the operator created for pricing")
        .anySatisfy(o -> assertThat(o).startsWith("Deployment "))
        .anySatisfy(o -> assertThat(o).startsWith("Service "))
        .anySatisfy(o -> assertThat(o).startsWith("NetworkPolicy "));

    Files.delete(argo.gitDir().resolve("examples/12-pricing-runtime-parameters.yaml"));
    long t0 = System.nanoTime();
    String revision = argo.commit("remove the pricing model");
    argo.refresh(EXAMPLES_APP);
    awaitApp(
        Duration.ofMinutes(2),
        EXAMPLES_APP,
        s ->
            revision.equals(s.at("/sync/revision").asText())
                && "Synced".equals(s.at("/sync/status").asText())
                && "Succeeded".equals(s.at("/operationState/phase").asText())
                && LocalArgoCd.resource(s, "CustomModel", "pricing").isMissingNode());
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(
                      client.resources(CustomModel.class).inNamespace(NS).withName("pricing").get())
                  .isNull();
              assertThat(ownedBy(uid)).isEmpty();
            });
    System.out.printf(
        "[argocd] pricing pruned and its objects collected %ds after the push%n",
        (System.nanoTime() - t0) / 1_000_000_000L);
    assertThat(argo.status(EXAMPLES_APP).at("/health/status").asText()).isEqualTo("Healthy");
  }

  @Test
  @Order(8)
  void argoCdsOwnEvaluationGivesTheFixturesExpectedHealth() throws IOException {
    SoftAssertions softly = new SoftAssertions();
    for (String kind : ArgoHealthScripts.KINDS) {
      List<JsonNode> cases = new ArrayList<>();
      YAML.readTree(
              LocalCluster.repoDir()
                  .resolve("src/test/resources/argocd/health-fixtures/" + kind + ".yaml")
                  .toFile())
          .forEach(cases::add);
      List<ObjectNode> resources =
          cases.stream()
              .map(c -> ArgoHealthScripts.resource(kind, (ObjectNode) c.get("obj")))
              .toList();
      List<Health> argoCd = argo.health(resources);
      List<Health> lua51 = ArgoHealthScripts.evaluate(kind, resources);
      assertThat(argoCd).hasSameSizeAs(cases);
      for (int i = 0; i < cases.size(); i++) {
        JsonNode expect = cases.get(i).get("expect");
        String name = kind + ": " + cases.get(i).get("name").asText();
        softly
            .assertThat(argoCd.get(i))
            .as(name)
            .isEqualTo(new Health(expect.get("status").asText(), expect.get("message").asText()));
        softly.assertThat(argoCd.get(i)).as(name + " (Lua 5.1 harness)").isEqualTo(lua51.get(i));
      }
    }
    softly.assertAll();
  }

  @Test
  @Order(9)
  void deletingTheApplicationsRemovesWhatTheyInstalledButNotTheCrds() {
    // The examples Application has no deletion finalizer (deleting it leaves the models);
    // adding Argo CD's makes the deletion cascade.
    argo.application(EXAMPLES_APP)
        .edit(
            app -> {
              app.getMetadata().setFinalizers(List.of("resources-finalizer.argocd.argoproj.io"));
              return app;
            });
    argo.application(EXAMPLES_APP).delete();
    argo.application(OPERATOR_APP).delete();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(argo.application(EXAMPLES_APP).get()).isNull();
              assertThat(argo.application(OPERATOR_APP).get()).isNull();
            });
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> {
              assertThat(client.resources(CustomModel.class).inNamespace(NS).list().getItems())
                  .isEmpty();
              assertThat(
                      client.apps().deployments().inNamespace("modelops-system").list().getItems())
                  .isEmpty();
            });
    // Argo CD never deletes CRDs on a cascading delete (so other models would survive).
    assertThat(
            client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("custommodels.modelops.io")
                .get())
        .isNotNull();
  }

  // --- helpers

  private static Path repo(String path) {
    return LocalCluster.repoDir().resolve(path);
  }

  private static void copyToGit(String resource, String target) throws IOException {
    Files.copy(
        repo("src/test/resources/argocd/gitops/" + resource),
        argo.gitDir().resolve(target),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static void setActiveVersion(String version) throws IOException {
    Path file = argo.gitDir().resolve("examples/10-churn-binary-classifier.yaml");
    String yaml = Files.readString(file);
    String changed = yaml.replaceFirst("(?m)^  activeVersion: .*$", "  activeVersion: " + version);
    assertThat(changed).isNotEqualTo(yaml);
    Files.writeString(file, changed);
  }

  /** "Status message" of a resource in the Application's status ("" when not there). */
  private static String healthOf(JsonNode status, String kind, String name) {
    JsonNode health = LocalArgoCd.resource(status, kind, name).path("health");
    return health.isMissingNode()
        ? ""
        : health.path("status").asText() + " " + health.path("message").asText();
  }

  private static String outOfSync(JsonNode status) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : status.path("resources")) {
      if (!"Synced".equals(r.path("status").asText())) {
        out.add(r.path("kind").asText() + " " + r.path("name").asText());
      }
    }
    return out.toString();
  }

  /** Records every health Argo CD writes for one resource of an Application, in order. */
  private static Watch recordHealth(String app, String kind, String name, List<String> seen) {
    return argo.application(app)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, GenericKubernetesResource resource) {
                JsonNode status =
                    JSON.valueToTree(resource.getAdditionalProperties().get("status"));
                String health = healthOf(status, kind, name);
                if (!health.isEmpty()
                    && (seen.isEmpty() || !seen.get(seen.size() - 1).equals(health))) {
                  seen.add(health);
                }
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  private static void awaitSyncedAndHealthy(Duration limit, String... apps) {
    for (String app : apps) {
      awaitApp(
          limit,
          app,
          s ->
              "Synced".equals(s.at("/sync/status").asText())
                  && "Healthy".equals(s.at("/health/status").asText()));
    }
  }

  interface StatusCondition {
    boolean test(JsonNode status);
  }

  /** Waits until the Application's status meets {@code condition}; explains a timeout. */
  private static JsonNode awaitApp(Duration limit, String app, StatusCondition condition) {
    JsonNode[] last = {null};
    Callable<Boolean> met =
        () -> {
          last[0] = argo.status(app);
          return condition.test(last[0]);
        };
    try {
      await().atMost(limit).pollInterval(Duration.ofSeconds(1)).until(met);
      return last[0];
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          String.format(
              Locale.ROOT,
              "Application %s did not get there in %s; its status:%n%s%n%s",
              app,
              limit,
              last[0] == null ? "none" : last[0].toPrettyString(),
              argo.logs()),
          e);
    }
  }

  private static List<String> ownedBy(String uid) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.addAll(client.apps().deployments().inNamespace(NS).list().getItems());
    objects.addAll(client.services().inNamespace(NS).list().getItems());
    objects.addAll(client.network().networkPolicies().inNamespace(NS).list().getItems());
    return objects.stream()
        .filter(
            o ->
                o.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid())))
        .map(o -> o.getKind() + " " + o.getMetadata().getName())
        .toList();
  }

  private static List<GenericKubernetesResource> scheduledRuns() {
    return client
        .genericKubernetesResources("modelops.io/v1alpha1", "CustomJobRun")
        .inNamespace(NS)
        .list()
        .getItems()
        .stream()
        .filter(r -> "every-minute".equals(tree(r).at("/spec/customJobRef/name").asText()))
        .toList();
  }

  private static JsonNode tree(HasMetadata object) {
    return JSON.valueToTree(object);
  }
}
