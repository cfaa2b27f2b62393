package io.modelops.operator.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.modelops.operator.testing.ExternalCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A real Argo CD (application controller and repo server, built from its Go module) running as
 * local processes against the local control plane, started by {@code dev/scripts/argocd-up.sh},
 * with the Git repository it syncs from: a work tree served by {@code git daemon} on loopback,
 * holding this checkout's chart and examples. Tests change Git by committing in that work tree.
 */
final class LocalArgoCd implements AutoCloseable {
  static final String NAMESPACE = "argocd";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Properties env;

  private LocalArgoCd(KubernetesClient client, Properties env) {
    this.client = client;
    this.env = env;
  }

  /** Starts Argo CD (building it first if needed) for the cluster of {@code client}. */
  static LocalArgoCd start(KubernetesClient client) {
    ExternalCommand.Result up =
        ExternalCommand.of("bash", "dev/scripts/argocd-up.sh")
            .timeout(Duration.ofMinutes(40))
            .run()
            .requireSuccess();
    List<String> lines = up.stdout().strip().lines().toList();
    Properties env = new Properties();
    try (var reader = Files.newBufferedReader(Path.of(lines.get(lines.size() - 1)))) {
      env.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LocalArgoCd(client, env);
  }

  /** The URL Argo CD clones the repository from ({@code git://127.0.0.1:<port>/modelops}). */
  String gitUrl() {
    return env.getProperty("ARGOCD_GIT_URL");
  }

  /** The served work tree. */
  Path gitDir() {
    return Path.of(env.getProperty("ARGOCD_GIT_DIR"));
  }

  /** The controller's resync period (the script sets it; Argo CD's default is 120s). */
  Duration resync() {
    return Duration.ofSeconds(Long.parseLong(env.getProperty("ARGOCD_APP_RESYNC")));
  }

  /** Commits every change in the work tree and returns the new revision. */
  String commit(String message) {
    git("add", "-A");
    git(
        "-c",
        "user.name=modelops-tests",
        "-c",
        "user.email=tests@modelops.invalid",
        "commit",
        "-q",
        "-m",
        message);
    return git("rev-parse", "HEAD").strip();
  }

  String git(String... args) {
    List<String> command = new ArrayList<>(List.of("-C", gitDir().toString()));
    command.addAll(List.of(args));
    return ExternalCommand.of("git", command.toArray(String[]::new))
        .run()
        .requireSuccess()
        .stdout();
  }

  /**
   * Creates an Application from one of the repository's {@code examples/gitops} files, with only
   * {@code repoURL} changed (docs/argocd.md: "Edit repoURL/targetRevision") — and, for the
   * operator's chart, its admission policy off: kwok runs none of the chart's operator pods, the
   * operator under test runs in this JVM as the cluster admin, and the policy rightly refuses
   * anyone but the chart's ServiceAccount the operator's labels (ChartInstallTest covers it).
   */
  GenericKubernetesResource createApplication(Path file) {
    try {
      ObjectNode app = (ObjectNode) YAML.readTree(file.toFile());
      ((ObjectNode) app.at("/spec/source")).put("repoURL", gitUrl());
      if (app.at("/spec/source/helm/valuesObject").isObject()) {
        ((ObjectNode) app.at("/spec/source/helm/valuesObject"))
            .putObject("admissionPolicy")
            .put("enabled", false);
      }
      GenericKubernetesResource resource = JSON.treeToValue(app, GenericKubernetesResource.class);
      return client
          .resource(resource)
          .inNamespace(NAMESPACE)
          .fieldManager("modelops-tests")
          .forceConflicts()
          .serverSideApply();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Resource<GenericKubernetesResource> application(String name) {
    return client
        .genericKubernetesResources("argoproj.io/v1alpha1", "Application")
        .inNamespace(NAMESPACE)
        .withName(name);
  }

  /** The Application's status as JSON (missing node when it has none yet). */
  JsonNode status(String name) {
    GenericKubernetesResource app = application(name).get();
    if (app == null) {
      return JSON.missingNode();
    }
    return JSON.valueToTree(app.getAdditionalProperties().get("status"));
  }

  /** What Argo CD says of one resource of the Application (from status.resources). */
  static JsonNode resource(JsonNode status, String kind, String name) {
    for (JsonNode r : status.path("resources")) {
      if (kind.equals(r.path("kind").asText()) && name.equals(r.path("name").asText())) {
        return r;
      }
    }
    return JSON.missingNode();
  }

  /** Asks the controller to compare with Git now, as a Git webhook does through the API server. */
  void refresh(String name) {
    application(name)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"argocd.argoproj.io/refresh\":\"normal\"}}}");
  }

  /**
   * Argo CD's own health evaluation (gitops-engine's GetResourceHealth with the customizations read
   * from the live argocd-cm, as the controller does) of each object.
   */
  List<ArgoHealthScripts.Health> health(List<? extends JsonNode> objects) {
    String input =
        objects.stream().map(JsonNode::toString).collect(Collectors.joining("\n")) + "\n";
    String out =
        ExternalCommand.of(
                binary("argocd-health").toString(),
                "--kubeconfig",
                env.getProperty("KUBECONFIG"),
                "--namespace",
                NAMESPACE)
            .stdin(input)
            .run()
            .requireSuccess()
            .stdout();
    List<ArgoHealthScripts.Health> result = new ArrayList<>();
    for (String line : out.strip().lines().toList()) {
      try {
        JsonNode h = JSON.readTree(line);
        result.add(
            h.has("error")
                ? new ArgoHealthScripts.Health("ERROR", h.get("error").asText())
                : new ArgoHealthScripts.Health(
                    h.path("status").asText(), h.path("message").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  /** The last lines of each process's log, to explain a failure. */
  String logs() {
    StringBuilder out = new StringBuilder();
    Path state = Path.of(env.getProperty("ARGOCD_STATE_DIR"));
    for (String name : List.of("application-controller", "repo-server")) {
      try {
        List<String> lines = Files.readAllLines(state.resolve(name + ".log"));
        out.append("--- ").append(name).append(" (last 40 lines)\n");
        lines
            .subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(l -> out.append(l).append('\n'));
      } catch (IOException e) {
        out.append("--- ").append(name).append(": ").append(e.getMessage()).append('\n');
      }
    }
    return out.toString();
  }

  private Path binary(String name) {
    return Path.of(env.getProperty("ARGOCD_BIN")).resolve(name);
  }

  /** Stops the processes (the Argo CD objects stay until the cluster goes). */
  @Override
  public void close() {
    ExternalCommand.of("bash", "dev/scripts/argocd-down.sh").run();
  }
}
