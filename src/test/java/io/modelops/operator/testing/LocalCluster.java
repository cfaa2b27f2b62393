package io.modelops.operator.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local control plane (dev/, kwok nodes) shared by every real-cluster test of one JVM: brought
 * up once through {@code dev/scripts/cluster-up.sh}, with the CRDs from this build installed.
 */
public final class LocalCluster {
  private static Path kubeconfig;
  private static KubernetesClient client;

  private LocalCluster() {}

  /** The repository root (Surefire passes it; falls back to the working directory). */
  public static Path repoDir() {
    return Path.of(System.getProperty("modelops.repoDir", ".")).toAbsolutePath().normalize();
  }

  /** The real kubectl or helm binary that dev/scripts/install-cli.sh installed. */
  public static Path cliBinary(String name) {
    try {
      String version =
          Files.readAllLines(repoDir().resolve("dev/versions.env")).stream()
              .filter(l -> l.startsWith("KUBECTL_LAYER_VERSION="))
              .map(l -> l.substring(l.indexOf('=') + 1).trim())
              .findFirst()
              .orElseThrow();
      String cache =
          System.getenv()
              .getOrDefault("MODELOPS_CACHE", System.getProperty("user.home") + "/.cache/modelops");
      return Path.of(cache, "bin", "kubectl-layer-" + version, name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read dev/versions.env", e);
    }
  }

  /**
   * The kubeconfig of the local control plane in use (the default cluster's or the one
   * MODELOPS_CLUSTER names), for tools run as processes; starts it like {@link #client()}.
   */
  public static synchronized Path kubeconfig() {
    client();
    return kubeconfig;
  }

  /** A client for the local control plane, starting it and installing the CRDs on first use. */
  public static synchronized KubernetesClient client() {
    if (client == null) {
      kubeconfig = clusterUp();
      KubernetesClient created;
      try {
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
        config.setRequestTimeout(30_000);
        created = new KubernetesClientBuilder().withConfig(config).build();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read kubeconfig " + kubeconfig, e);
      }
      // Only a cluster with every CRD Established is shared: a failed install fails every class
      // that asks again, instead of handing later classes a half-installed cluster.
      try {
        installCrds(created);
      } catch (RuntimeException e) {
        created.close();
        throw e;
      }
      client = created;
    }
    return client;
  }

  private static Path clusterUp() {
    Path script = repoDir().resolve("dev/scripts/cluster-up.sh");
    try {
      Process p =
          new ProcessBuilder("bash", script.toString())
              .directory(repoDir().toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("dev/scripts/cluster-up.sh failed:\n" + out);
      }
      List<String> lines = out.lines().toList();
      return Path.of(lines.get(lines.size() - 1));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Server-side applies every CRD the build generated and waits until each is Established. */
  static void installCrds(KubernetesClient client) {
    Path dir = repoDir().resolve("target/classes/META-INF/fabric8");
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith("-v1.yml")).sorted().toList()) {
        CustomResourceDefinition crd;
        try (InputStream in = Files.newInputStream(file)) {
          crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        }
        crd.getMetadata().setManagedFields(null);
        client.resource(crd).fieldManager("modelops-tests").forceConflicts().serverSideApply();
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(
                c ->
                    c != null
                        && c.getStatus() != null
                        // a CRD seen right after its creation has a status without conditions
                        && c.getStatus().getConditions() != null
                        && c.getStatus().getConditions().stream()
                            .anyMatch(
                                cond ->
                                    "Established".equals(cond.getType())
                                        && "True".equals(cond.getStatus())),
                60,
                TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read CRDs from " + dir, e);
    }
  }
}
