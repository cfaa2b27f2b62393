package io.modelops.operator.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The operator's configuration: a YAML file (the Helm chart mounts one from a ConfigMap at {@code
 * MODELOPS_CONFIG_FILE}) with environment variables overriding single settings.
 *
 * @param limits operator-wide limits for models and jobs
 * @param platformApi egress destinations allowed by networkEgressPolicy DR_API_ACCESS
 * @param ingressNamespaces namespaces (besides a model's own) allowed to reach model pods
 * @param gitFetcherImage image of the init container that clones git code sources
 * @param watchNamespaces namespaces to reconcile; empty means all namespaces
 * @param leaderElection whether to elect a leader on a Lease before reconciling
 * @param leaseNamespace namespace of the leader-election Lease
 * @param endpoints ports, threads and timeouts of /metrics and of the probes
 * @param reconcileThreads concurrent reconciliations
 * @param gitHttpHosts hosts a git code source may reach over plain http (a token is then offered to
 *     that host over http); every other host only over https
 * @param egress what PUBLIC excludes and which egress policies each namespace may use
 * @param ephemeralStorage the local disk every pod the operator builds may use
 * @param placement GPU resource names, default image pull secrets and the HA anti-affinity opt-in
 * @param testerImage the image of a model test's tester container: the operator's own image (the
 *     chart sets it from the operator image), whose jar runs the tester with argument {@code
 *     test-model}
 */
public record OperatorConfig(
    OperatorLimits limits,
    PlatformApiDestinations platformApi,
    List<String> ingressNamespaces,
    String gitFetcherImage,
    List<String> watchNamespaces,
    boolean leaderElection,
    String leaseNamespace,
    HttpEndpoints endpoints,
    int reconcileThreads,
    List<String> gitHttpHosts,
    EgressRules egress,
    WorkloadStorage ephemeralStorage,
    PlacementSettings placement,
    String testerImage) {

  /** The tester image when the configuration names none (the chart always names one). */
  public static final String DEFAULT_TESTER_IMAGE = "ghcr.io/modelops/modelops-operator:0.1.0";

  /**
   * The git fetcher image, pinned by digest so a moved tag can never change what runs with a
   * tenant's git token: alpine/git v2.47.2. The digest is the one public projects pin for that tag;
   * the local control plane never pulls images, so the build cannot check it against the registry
   * (docs/security.md says how to verify it, and {@code gitFetcherImage} replaces it).
   */
  public static final String DEFAULT_GIT_FETCHER_IMAGE =
      "alpine/git:v2.47.2@sha256:"
          + "062a01ad7a0eb17cff382bc5e26086b4d710e56dfdfdf001109a49b6d9bd378c";

  public static final String LEASE_NAME = "modelops-operator-leader";

  /** Egress destinations of the platform API, for networkEgressPolicy DR_API_ACCESS. */
  public record PlatformApiDestinations(
      Map<String, String> namespaceSelector, List<String> cidrs, List<Integer> ports) {
    public PlatformApiDestinations {
      namespaceSelector = namespaceSelector == null ? Map.of() : Map.copyOf(namespaceSelector);
      cidrs = cidrs == null ? List.of() : List.copyOf(cidrs);
      ports = ports == null ? List.of() : List.copyOf(ports);
    }
  }

  public OperatorConfig {
    limits = (limits == null ? OperatorLimits.defaults() : limits).validated();
    platformApi = platformApi == null ? new PlatformApiDestinations(null, null, null) : platformApi;
    ingressNamespaces = ingressNamespaces == null ? List.of() : List.copyOf(ingressNamespaces);
    watchNamespaces = watchNamespaces == null ? List.of() : List.copyOf(watchNamespaces);
    gitFetcherImage = gitFetcherImage == null ? DEFAULT_GIT_FETCHER_IMAGE : gitFetcherImage;
    leaseNamespace = leaseNamespace == null ? "modelops-system" : leaseNamespace;
    endpoints = endpoints == null ? HttpEndpoints.defaults() : endpoints;
    reconcileThreads = reconcileThreads == 0 ? 32 : reconcileThreads;
    gitHttpHosts = gitHttpHosts == null ? List.of() : List.copyOf(gitHttpHosts);
    egress = egress == null ? EgressRules.defaults() : egress;
    ephemeralStorage = ephemeralStorage == null ? WorkloadStorage.defaults() : ephemeralStorage;
    placement = placement == null ? PlacementSettings.defaults() : placement;
    testerImage = testerImage == null || testerImage.isBlank() ? DEFAULT_TESTER_IMAGE : testerImage;
  }

  /** The settings that predate placement and the tester image, which take their defaults. */
  public OperatorConfig(
      OperatorLimits limits,
      PlatformApiDestinations platformApi,
      List<String> ingressNamespaces,
      String gitFetcherImage,
      List<String> watchNamespaces,
      boolean leaderElection,
      String leaseNamespace,
      HttpEndpoints endpoints,
      int reconcileThreads,
      List<String> gitHttpHosts,
      EgressRules egress,
      WorkloadStorage ephemeralStorage) {
    this(
        limits,
        platformApi,
        ingressNamespaces,
        gitFetcherImage,
        watchNamespaces,
        leaderElection,
        leaseNamespace,
        endpoints,
        reconcileThreads,
        gitHttpHosts,
        egress,
        ephemeralStorage,
        null,
        null);
  }

  /** The settings that predate git, egress and storage rules, which take their defaults. */
  public OperatorConfig(
      OperatorLimits limits,
      PlatformApiDestinations platformApi,
      List<String> ingressNamespaces,
      String gitFetcherImage,
      List<String> watchNamespaces,
      boolean leaderElection,
      String leaseNamespace,
      HttpEndpoints endpoints,
      int reconcileThreads) {
    this(
        limits,
        platformApi,
        ingressNamespaces,
        gitFetcherImage,
        watchNamespaces,
        leaderElection,
        leaseNamespace,
        endpoints,
        reconcileThreads,
        null,
        null,
        null,
        null,
        null);
  }

  /** Every setting at its default. */
  public static OperatorConfig defaults() {
    return new OperatorConfig(null, null, null, null, null, false, null, null, 0);
  }

  /**
   * Reads the configuration: defaults, then the YAML file named by {@code MODELOPS_CONFIG_FILE} (if
   * set), then single environment overrides ({@code MODELOPS_WATCH_NAMESPACES} comma separated,
   * {@code MODELOPS_LEADER_ELECTION}, {@code MODELOPS_LEASE_NAMESPACE}, {@code
   * MODELOPS_METRICS_PORT}, {@code MODELOPS_PROBE_PORT}, {@code MODELOPS_RECONCILE_THREADS}).
   * Leader election defaults to on when running in a pod.
   */
  public static OperatorConfig load(Map<String, String> env) {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    ObjectNode tree = yaml.createObjectNode();
    tree.put("leaderElection", env.containsKey("KUBERNETES_SERVICE_HOST"));
    String file = env.get("MODELOPS_CONFIG_FILE");
    if (file != null && !file.isBlank()) {
      try {
        JsonNode fromFile = yaml.readTree(Files.readString(Path.of(file)));
        if (fromFile instanceof ObjectNode object) {
          tree.setAll(object);
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read MODELOPS_CONFIG_FILE " + file, e);
      }
    }
    override(
        env,
        "MODELOPS_WATCH_NAMESPACES",
        v -> {
          var list = tree.putArray("watchNamespaces");
          for (String ns : v.split(",")) {
            if (!ns.isBlank()) {
              list.add(ns.trim());
            }
          }
        });
    override(
        env, "MODELOPS_LEADER_ELECTION", v -> tree.put("leaderElection", Boolean.parseBoolean(v)));
    override(env, "MODELOPS_LEASE_NAMESPACE", v -> tree.put("leaseNamespace", v));
    override(
        env,
        "MODELOPS_METRICS_PORT",
        v -> tree.withObject("/endpoints").put("metricsPort", Integer.parseInt(v)));
    override(
        env,
        "MODELOPS_PROBE_PORT",
        v -> tree.withObject("/endpoints").put("probePort", Integer.parseInt(v)));
    override(
        env, "MODELOPS_RECONCILE_THREADS", v -> tree.put("reconcileThreads", Integer.parseInt(v)));
    try {
      return yaml.treeToValue(tree, OperatorConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid operator configuration: " + e.getMessage(), e);
    }
  }

  private static void override(
      Map<String, String> env, String name, java.util.function.Consumer<String> apply) {
    String value = env.get(name);
    if (value != null && !value.isBlank()) {
      apply.accept(value.trim());
    }
  }
}
