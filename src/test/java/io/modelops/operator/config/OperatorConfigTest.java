package io.modelops.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsAreTheDocumentedLimits() {
    OperatorConfig config = OperatorConfig.load(Map.of());
    assertThat(config.limits().maxCustomModelReplicasPerDeployment()).isEqualTo(8);
    assertThat(config.limits().maxCustomModelContainerSize()).isEqualTo(15_032_385_536L);
    assertThat(config.limits().desiredCustomModelContainerSize()).isEqualTo(134_217_728L);
    assertThat(config.watchNamespaces()).isEmpty();
    assertThat(config.leaderElection()).isFalse();
    assertThat(config.endpoints()).isEqualTo(new HttpEndpoints(8080, 8081, 4, 10));
    assertThat(config.reconcileThreads()).isEqualTo(32);
  }

  @Test
  void endpointsComeFromTheFileAndPortsFromTheEnvironment() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file,
        """
        endpoints: {metricsPort: 9090, probePort: 9091, metricsThreads: 8, requestTimeoutSeconds: 5}
        """);
    assertThat(OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", file.toString())).endpoints())
        .isEqualTo(new HttpEndpoints(9090, 9091, 8, 5));
    assertThat(
            OperatorConfig.load(
                    Map.of(
                        "MODELOPS_CONFIG_FILE",
                        file.toString(),
                        "MODELOPS_METRICS_PORT",
                        "7000",
                        "MODELOPS_PROBE_PORT",
                        "7001"))
                .endpoints())
        .isEqualTo(new HttpEndpoints(7000, 7001, 8, 5));
  }

  @Test
  void refusesEndpointsThatWouldShareAServerOrHaveNoBound() {
    assertThatThrownBy(
            () ->
                OperatorConfig.load(
                    Map.of("MODELOPS_METRICS_PORT", "8081", "MODELOPS_PROBE_PORT", "8081")))
        .hasMessageContaining("endpoints.metricsPort and endpoints.probePort must differ");
    assertThatThrownBy(() -> new HttpEndpoints(0, 0, 1000, 0))
        .hasMessageContaining("endpoints.metricsThreads must be within 1..64");
    assertThatThrownBy(() -> new HttpEndpoints(0, 0, 0, 3600))
        .hasMessageContaining("endpoints.requestTimeoutSeconds must be within 1..300");
    assertThatThrownBy(() -> new HttpEndpoints(70000, 0, 0, 0))
        .hasMessageContaining("endpoints.metricsPort must be within 1..65535");
  }

  @Test
  void reconcileThreadsCanBeSetFromTheEnvironment() {
    assertThat(OperatorConfig.load(Map.of("MODELOPS_RECONCILE_THREADS", "8")).reconcileThreads())
        .isEqualTo(8);
  }

  @Test
  void leaderElectionIsOnByDefaultInsideAPod() {
    assertThat(OperatorConfig.load(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")).leaderElection())
        .isTrue();
    assertThat(
            OperatorConfig.load(
                    Map.of(
                        "KUBERNETES_SERVICE_HOST", "10.0.0.1", "MODELOPS_LEADER_ELECTION", "false"))
                .leaderElection())
        .isFalse();
  }

  @Test
  void readsFileThenEnvironmentOverrides() throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(
        file,
        """
        limits:
          maxCustomModelReplicasPerDeployment: 4
          maxCustomModelContainerSize: 4294967296
          desiredCustomModelContainerSize: 268435456
          maxCustomModelTestingParallelUsers: 2
          maxCustomJobRuns: 1
          maxCustomJobTimeout: 600
        platformApi:
          namespaceSelector: {kubernetes.io/metadata.name: platform}
          cidrs: [10.20.0.0/16]
          ports: [443]
        watchNamespaces: [a, b]
        gitFetcherImage: registry.local/git:1
        """);
    OperatorConfig config =
        OperatorConfig.load(
            Map.of(
                "MODELOPS_CONFIG_FILE",
                file.toString(),
                "MODELOPS_WATCH_NAMESPACES",
                "team-a, team-b"));
    assertThat(config.limits().maxCustomJobRuns()).isEqualTo(1);
    assertThat(config.limits().maxCustomModelReplicasPerDeployment()).isEqualTo(4);
    assertThat(config.platformApi().cidrs()).containsExactly("10.20.0.0/16");
    assertThat(config.platformApi().namespaceSelector())
        .containsEntry("kubernetes.io/metadata.name", "platform");
    assertThat(config.watchNamespaces()).containsExactly("team-a", "team-b");
    assertThat(config.gitFetcherImage()).isEqualTo("registry.local/git:1");
  }

  @Test
  void refusesUnknownSettingsAndImpossibleLimits() throws Exception {
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "watchNamespace: [a]\n");
    assertThatThrownBy(() -> OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", typo.toString())))
        .hasMessageContaining("watchNamespace");

    Path tooMany = dir.resolve("limits.yaml");
    Files.writeString(
        tooMany,
        """
        limits: {maxCustomModelReplicasPerDeployment: 9, maxCustomModelContainerSize: 15032385536,
          desiredCustomModelContainerSize: 134217728, maxCustomModelTestingParallelUsers: 1,
          maxCustomJobRuns: 1, maxCustomJobTimeout: 60}
        """);
    assertThatThrownBy(
            () -> OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", tooMany.toString())))
        .hasMessageContaining("maxCustomModelReplicasPerDeployment must be 1..8");
  }

  @Test
  void readsEgressGitAndStorageRulesAndDefaultsToSafeOnes() throws Exception {
    OperatorConfig defaults = OperatorConfig.load(Map.of());
    assertThat(defaults.gitFetcherImage()).contains("@sha256:");
    assertThat(defaults.gitHttpHosts()).isEmpty();
    assertThat(defaults.egress().publicExcept()).contains("169.254.0.0/16", "fd00:ec2::254/128");
    assertThat(defaults.egress().allowedIn("any").policies())
        .containsExactlyInAnyOrder("NONE", "DR_API_ACCESS", "PUBLIC");
    assertThat(defaults.ephemeralStorage().limit()).isEqualTo("4Gi");

    Path file = dir.resolve("rules.yaml");
    Files.writeString(
        file,
        """
        gitHttpHosts: [git.internal]
        egress:
          clusterCidrs: [10.96.0.0/12]
          defaultAllowed: [NONE]
          allowedByNamespace: {team-open: [NONE, PUBLIC]}
        ephemeralStorage: {request: 1Gi, limit: 2Gi}
        """);
    OperatorConfig config = OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", file.toString()));
    assertThat(config.gitHttpHosts()).containsExactly("git.internal");
    assertThat(config.egress().excluded(false)).contains("169.254.0.0/16", "10.96.0.0/12");
    assertThat(config.egress().allowedIn("team-a").setting()).isEqualTo("egress.defaultAllowed");
    assertThat(config.egress().allowedIn("team-open").allows("PUBLIC")).isTrue();
    assertThat(config.ephemeralStorage().tmpSizeLimit()).isEqualTo("1Gi");
  }

  @Test
  void refusesEgressRulesThatAreNotPoliciesOrCidrs() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, "egress: {defaultAllowed: [OPEN]}\n");
    assertThatThrownBy(() -> OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", policy.toString())))
        .hasMessageContaining("egress.defaultAllowed: \"OPEN\" is not an egress policy");
    Path cidr = dir.resolve("cidr.yaml");
    Files.writeString(cidr, "egress: {clusterCidrs: [10.0.0.0]}\n");
    assertThatThrownBy(() -> OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", cidr.toString())))
        .hasMessageContaining("egress.clusterCidrs: \"10.0.0.0\" is not a CIDR");
    Path storage = dir.resolve("storage.yaml");
    Files.writeString(storage, "ephemeralStorage: {request: 8Gi, limit: 1Gi}\n");
    assertThatThrownBy(
            () -> OperatorConfig.load(Map.of("MODELOPS_CONFIG_FILE", storage.toString())))
        .hasMessageContaining("ephemeralStorage.request 8Gi exceeds ephemeralStorage.limit 1Gi");
  }
}
