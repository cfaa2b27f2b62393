package io.modelops.operator.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.naming.ModelNames;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import io.modelops.operator.testing.RunsLast;
import io.modelops.operator.testing.StatusTextAudit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Across the whole run, no condition message and no Event note carries Java — an exception class
 * name, a stack frame, a package or a source line — in any namespace of the run ({@link
 * StatusTextAudit} watched every version of every object as it happened). Runs last. So that it
 * proves something when run alone too, it first drives the operator down its error paths itself: a
 * model whose NetworkPolicy name a job already owns, a version without its model and its Secret, a
 * run of a job that does not exist.
 */
@Tag("cluster")
@RunsLast
class NoJavaInStatusOrEventsTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static String ns;
  static String env;

  @BeforeAll
  static void driveTheErrorPaths() {
    ns = cluster.namespace();
    env = "audit-" + ns;
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
          versions: [{label: "1.0", image: "python:3.11-slim"}]
        """
            .formatted(env));
    Manifests.apply(
        cluster.client(),
        ns,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: code}
        data: {start_server.sh: "exec python -m http.server $PORT", run.sh: "echo done"}
        """);
    // A job "churn" owns its NetworkPolicy; a model "churn-runs" finds its own policy's name taken
    // by a NetworkPolicy made by hand (NameConflict).
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: churn}
        spec:
          jobType: retraining
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: code}}
        """
            .formatted(env));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                cluster
                        .client()
                        .network()
                        .networkPolicies()
                        .inNamespace(ns)
                        .withName(RunNames.networkPolicy("churn"))
                        .get()
                    != null);
    cluster
        .client()
        .network()
        .networkPolicies()
        .inNamespace(ns)
        .resource(
            new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(ModelNames.networkPolicy("churn-runs"))
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .endSpec()
                .build())
        .create();
    model("churn-runs");
    version("churn-runs-v1", "churn-runs", "");
    // A version of a model that does not exist, whose credential Secret does not exist either.
    version(
        "orphan-v1",
        "no-such-model",
        """
        runtimeParameterDefinitions:
          - {fieldName: WAREHOUSE, type: credential, credentialType: basic}
        runtimeParameterValues:
          - {fieldName: WAREHOUSE, type: credential, value: {secretRef: {name: no-such-secret}}}
        """);
    Manifests.apply(
        cluster.client(),
        ns,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: lost}
        spec: {customJobRef: {name: no-such-job}}
        """);
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    cluster.client().resources(ExecutionEnvironment.class).withName(env).delete();
  }

  @Test
  void noConditionMessageOrEventNoteOfTheWholeRunCarriesJava() {
    StatusTextAudit audit = StatusTextAudit.current();
    assertThat(audit).as("LocalClusterExtension starts the audit").isNotNull();
    // This class's own error paths have been reported, in status and in Warning events.
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              for (var kind :
                  List.of(CustomModel.class, CustomModelVersion.class, CustomJobRun.class)) {
                assertThat(cluster.client().resources(kind).inNamespace(ns).list().getItems())
                    .as(kind.getSimpleName())
                    .isNotEmpty()
                    .allSatisfy(
                        o ->
                            assertThat(
                                    cluster
                                        .client()
                                        .genericKubernetesResources(
                                            "modelops.io/v1alpha1", o.getKind())
                                        .inNamespace(ns)
                                        .withName(o.getMetadata().getName())
                                        .get()
                                        .getAdditionalProperties()
                                        .get("status"))
                                .as(o.getMetadata().getName())
                                .asString()
                                .contains("conditions"));
              }
              assertThat(audit.objectsWithConditions()).isGreaterThanOrEqualTo(5);
              assertThat(audit.operatorEvents()).isGreaterThanOrEqualTo(2);
            });
    System.out.printf(
        "audited %d resources with conditions (%d distinct condition messages) and %d events"
            + " (%d from the operator)%n",
        audit.objectsWithConditions(),
        audit.conditionMessages(),
        audit.events(),
        audit.operatorEvents());
    assertThat(audit.findings()).as("messages that carry Java").isEmpty();
  }

  @Test
  void theAuditRecognisesJavaInAMessage() {
    for (String java :
        List.of(
            "io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST",
            "Failure\n\tat io.modelops.operator.custommodel.ServingDeployments.desired(Foo.java:42)",
            "NullPointerException: git path",
            "java.lang.IllegalStateException",
            "failed at ServingPlanner.java:17")) {
      assertThat(StatusTextAudit.JAVA.matcher(java).find()).as(java).isTrue();
    }
    for (String plain :
        List.of(
            "spec.code.configMap: ConfigMap \"code\" does not exist in namespace team-a",
            "NetworkPolicy churn-runs exists and is controlled by CustomJob churn",
            "version churn-v2 serves 2/2 replicas at http://churn.team-a.svc:8080/",
            "container main: CreateContainerConfigError (secret \"x\" not found)")) {
      assertThat(StatusTextAudit.JAVA.matcher(plain).find()).as(plain).isFalse();
    }
  }

  private static void model(String name) {
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
          networkEgressPolicy: NONE
        """
            .formatted(name));
  }

  private static void version(String name, String model, String extra) {
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
          environment: {name: %s, version: "1.0"}
          code: {configMap: {name: code}}
        %s
        """
            .formatted(name, model, env, extra.indent(2)));
  }
}
