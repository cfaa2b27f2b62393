package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.testing.LocalClusterExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant playing with scaling: an autoscaler of its own squatting the model's autoscaler name,
 * metrics read from outside its model, and hand-scaling a Deployment whose replicas the operator
 * owns. Each is refused or neutralised; the other tenant's model keeps serving.
 */
@Tag("cluster")
class AutoscalingHostileTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static Tenants tenants;
  static String ns;

  @BeforeAll
  static void start() {
    tenants = Tenants.start(cluster);
    ns = tenants.hostile;
  }

  @AfterAll
  static void stop() {
    if (tenants != null) {
      tenants.close();
    }
  }

  @Test
  void anAutoscalerMadeByHandWithTheModelsNameIsANameConflictAndLeftAlone() {
    HorizontalPodAutoscaler own =
        cluster
            .client()
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(ns)
            .resource(
                new HorizontalPodAutoscalerBuilder()
                    .withNewMetadata()
                    .withName("surge")
                    .endMetadata()
                    .withNewSpec()
                    .withNewScaleTargetRef()
                    .withApiVersion("apps/v1")
                    .withKind("Deployment")
                    .withName("elsewhere")
                    .endScaleTargetRef()
                    .withMaxReplicas(2)
                    .endSpec()
                    .build())
            .create();
    tenants.model(ns, "surge", "autoscaling: {maxReplicas: 3}");
    tenants.version(ns, "surge-v1", "surge", "1.0");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModel m = tenants.getModel(ns, "surge");
              Condition ready = Tenants.condition(m, "Ready").orElseThrow();
              assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(ready.getReason()).isEqualTo("NameConflict");
              assertThat(ready.getMessage())
                  .contains("HorizontalPodAutoscaler surge already exists and has no owner");
              assertThat(tenants.warnings(ns, "surge", "NameConflict")).hasSize(1);
            });
    HorizontalPodAutoscaler after =
        cluster
            .client()
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(ns)
            .withName("surge")
            .get();
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(after.getSpec()).isEqualTo(own.getSpec());
    assertThat(cluster.client().apps().deployments().inNamespace(ns).withName("surge-v1").get())
        .isNull();
    tenants.bystanderKeepsServing();
  }

  @Test
  void metricsFromOutsideTheModelAreRefusedAtApply() {
    // Sent as written (the typed model would refuse it before the API server sees it).
    GenericKubernetesResource nosy =
        Serialization.unmarshal(
            """
            apiVersion: modelops.io/v1alpha1
            kind: CustomModel
            metadata: {name: nosy}
            spec:
              targetType: Regression
              targetName: y
              autoscaling:
                maxReplicas: 3
                metrics:
                  - type: External
                    external: {metric: {name: queue_depth}, target: {type: Value, value: "1"}}
            """,
            GenericKubernetesResource.class);
    assertThatThrownBy(() -> cluster.client().resource(nosy).inNamespace(ns).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.autoscaling.metrics[0].type")
        .hasMessageContaining("Unsupported value: \"External\"");
    tenants.bystanderKeepsServing();
  }

  @Test
  void handScalingADeploymentWhoseReplicasTheOperatorOwnsIsReverted() {
    tenants.model(ns, "fixed", "replicas: 1");
    tenants.version(ns, "fixed-v1", "fixed", "1.0");
    tenants.awaitReady(ns, "fixed");

    // What a tenant's own HorizontalPodAutoscaler on the Deployment would do.
    cluster.client().apps().deployments().inNamespace(ns).withName("fixed-v1").scale(4);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster
                        .client()
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("fixed-v1")
                        .get()
                        .getSpec()
                        .getReplicas()
                    == 1);
    tenants.awaitReady(ns, "fixed");
    assertThat(tenants.getModel(ns, "fixed").getStatus().getReplicas()).isEqualTo(1);
    tenants.bystanderKeepsServing();
  }
}
