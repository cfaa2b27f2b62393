package io.modelops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reading YAML manifests as plain JSON trees and sending them to the API server untyped. */
final class Manifests {
  static final Set<String> CLUSTER_SCOPED_KINDS =
      Set.of("ResourceBundle", "ExecutionEnvironment", "Namespace");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Manifests() {}

  /** One document of a manifest file. */
  record Doc(String source, ObjectNode manifest) {
    @Override
    public String toString() {
      return source
          + " "
          + manifest.get("kind").asText()
          + "/"
          + manifest.at("/metadata/name").asText();
    }
  }

  /** Every document of every file in examples/, in file order. */
  static List<Doc> examples() throws IOException {
    Path dir = LocalCluster.repoDir().resolve("examples");
    List<Doc> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Manifests.documents(file).forEach(d -> docs.add(new Doc(file.getFileName().toString(), d)));
      }
    }
    return docs;
  }

  /**
   * The reference manifests: one of each kind as a platform team and a data scientist write them,
   * including the optional fields, kept verbatim (the API must keep accepting them); the one change
   * since they were written is the job's workerConfig, which became text (docs/api.md).
   */
  static List<Doc> referenceManifests() throws Exception {
    Path file = Path.of(Manifests.class.getResource("/reference-manifests.yaml").toURI());
    return Manifests.documents(file).stream().map(d -> new Doc("reference", d)).toList();
  }

  /** Every non-empty document of a (multi-document) YAML file. */
  static List<ObjectNode> documents(Path file) {
    List<ObjectNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        GeneratedCrds.YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && doc.isObject() && !doc.isEmpty()) {
          docs.add((ObjectNode) doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  static GenericKubernetesResource toResource(JsonNode manifest) {
    return SERIALIZATION.convertValue(manifest, GenericKubernetesResource.class);
  }

  static JsonNode toTree(Object value) {
    return SERIALIZATION.convertValue(value, JsonNode.class);
  }

  /** The object as the API server now stores it. */
  static GenericKubernetesResource get(KubernetesClient client, JsonNode manifest) {
    var resources =
        client.genericKubernetesResources(
            manifest.path("apiVersion").asText(), manifest.path("kind").asText());
    String name = manifest.at("/metadata/name").asText();
    String namespace = manifest.at("/metadata/namespace").asText(null);
    return namespace == null
        ? resources.withName(name).get()
        : resources.inNamespace(namespace).withName(name).get();
  }

  /** Everything the API server said about a refusal: status message and causes. */
  static String refusal(KubernetesClientException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    if (e.getStatus() != null) {
      text.append('\n').append(e.getStatus().getMessage());
      if (e.getStatus().getDetails() != null && e.getStatus().getDetails().getCauses() != null) {
        e.getStatus()
            .getDetails()
            .getCauses()
            .forEach(
                c -> text.append('\n').append(c.getField()).append(": ").append(c.getMessage()));
      }
    }
    return text.toString();
  }
}
