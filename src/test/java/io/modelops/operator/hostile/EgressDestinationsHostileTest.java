package io.modelops.operator.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.naming.ModelNames;
import io.modelops.operator.testing.InProcessOperator;
import io.modelops.operator.testing.LocalClusterExtension;
import io.modelops.operator.testing.Manifests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenants asking for egress the platform does not give them: PUBLIC never reaches link-local or
 * cloud metadata addresses nor the cluster ranges the platform names, and a namespace the platform
 * restricts to NONE cannot serve a PUBLIC model or run a public job. A second tenant's model keeps
 * serving throughout.
 */
@Tag("cluster")
class EgressDestinationsHostileTest {
  @RegisterExtension
  static LocalClusterExtension cluster = new LocalClusterExtension().withRestrictedPodSecurity();

  static InProcessOperator operator;
  static KubernetesClient client;
  static String open;
  static String restricted;
  static String other;
  static String env;

  @BeforeAll
  static void start() {
    client = cluster.client();
    open = cluster.namespace();
    restricted = TenantObjects.namespace(client, "egress-restricted");
    other = TenantObjects.namespace(client, "egress-other");
    env = "egress-" + open;
    EgressRules rules =
        new EgressRules(
            null,
            List.of("10.96.0.0/12", "10.244.0.0/16"),
            null,
            Map.of(restricted, List.of("NONE")));
    operator =
        InProcessOperator.start(
            client,
            c ->
                new OperatorConfig(
                    null, null, null, null, null, false, null, null, 0, null, rules, null),
            open,
            restricted,
            other);
    TenantObjects.environment(client, env);
    TenantObjects.model(client, other, "steady", env, "networkEgressPolicy: PUBLIC");
    TenantObjects.awaitServing(client, other, "steady");
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    client.resources(ExecutionEnvironment.class).withName(env).delete();
    client.namespaces().withName(restricted).delete();
    client.namespaces().withName(other).delete();
  }

  @Test
  void publicEgressNeverReachesMetadataLinkLocalOrTheClusterRanges() {
    TenantObjects.model(client, open, "scraper", env, "networkEgressPolicy: PUBLIC");
    TenantObjects.awaitServing(client, open, "scraper");

    NetworkPolicy policy =
        client
            .network()
            .networkPolicies()
            .inNamespace(open)
            .withName(ModelNames.networkPolicy("scraper"))
            .get();
    assertThat(policy.getSpec().getPolicyTypes()).contains("Egress");
    List<NetworkPolicyPeer> anyAddress =
        policy.getSpec().getEgress().stream()
            .flatMap(r -> r.getTo().stream())
            .filter(p -> p.getIpBlock() != null)
            .toList();
    assertThat(anyAddress)
        .extracting(p -> p.getIpBlock().getCidr())
        .containsExactly("0.0.0.0/0", "::/0");
    assertThat(anyAddress.get(0).getIpBlock().getExcept())
        .contains("169.254.0.0/16", "10.96.0.0/12", "10.244.0.0/16");
    assertThat(anyAddress.get(1).getIpBlock().getExcept()).contains("fd00:ec2::254/128");
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void aNamespaceThePlatformRestrictsCannotServeAPublicModel() {
    TenantObjects.model(client, restricted, "exfil", env, "networkEgressPolicy: PUBLIC");

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomModel m =
                  client
                      .resources(CustomModel.class)
                      .inNamespace(restricted)
                      .withName("exfil")
                      .get();
              var ready =
                  m.getStatus().getConditions().stream()
                      .filter(c -> c.getType().equals("Ready"))
                      .findFirst()
                      .orElseThrow();
              assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
              assertThat(ready.getReason()).isEqualTo("EgressNotAllowed");
              assertThat(ready.getMessage())
                  .contains("spec.networkEgressPolicy")
                  .contains("egress.allowedByNamespace." + restricted);
              assertThat(client.events().v1().events().inNamespace(restricted).list().getItems())
                  .anySatisfy(
                      e -> {
                        assertThat(e.getType()).isEqualTo("Warning");
                        assertThat(e.getReason()).isEqualTo("EgressNotAllowed");
                      });
            });
    assertThat(client.apps().deployments().inNamespace(restricted).list().getItems())
        .as("nothing runs with egress the namespace may not use")
        .isEmpty();
    TenantObjects.assertServing(client, other, "steady");
  }

  @Test
  void aRunOfAPublicJobInARestrictedNamespaceFailsWithoutAJob() {
    Manifests.apply(
        client,
        restricted,
        ConfigMap.class,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: job-code}
        data: {run.sh: "#!/bin/sh\\necho done\\n"}
        """);
    Manifests.apply(
        client,
        restricted,
        CustomJob.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: crawl}
        spec:
          jobType: retraining
          environment: {name: %s, version: ok}
          code: {configMap: {name: job-code}}
          resources: {egressNetworkPolicy: public}
        """
            .formatted(env));
    Manifests.apply(
        client,
        restricted,
        CustomJobRun.class,
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: crawl-1}
        spec: {customJobRef: {name: crawl}}
        """);

    await()
        .ignoreExceptions()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              CustomJobRun run =
                  client
                      .resources(CustomJobRun.class)
                      .inNamespace(restricted)
                      .withName("crawl-1")
                      .get();
              assertThat(run.getStatus().getPhase().name()).isEqualTo("FAILED");
              assertThat(
                      run.getStatus().getConditions().stream()
                          .map(c -> c.getReason())
                          .filter(Objects::nonNull)
                          .toList())
                  .contains("EgressNotAllowed");
            });
    assertThat(client.batch().v1().jobs().inNamespace(restricted).list().getItems()).isEmpty();
    TenantObjects.assertServing(client, other, "steady");
  }
}
