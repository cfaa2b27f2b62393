package io.modelops.operator.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.modelops.operator.testing.ExternalCommand;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The objects {@code helm template} renders from the chart, as JSON trees or fabric8 types. */
final class RenderedChart {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final String yaml;
  private final List<JsonNode> objects;

  private RenderedChart(String yaml, List<JsonNode> objects) {
    this.yaml = yaml;
    this.objects = List.copyOf(objects);
  }

  static Path chart() {
    return LocalCluster.repoDir().resolve("helm/modelops-operator");
  }

  /** {@code helm template <release> <chart> -n <namespace> <args...>}. */
  static RenderedChart render(String release, String namespace, String... args) {
    ExternalCommand.Result result = template(release, namespace, args);
    return parse(result.requireSuccess().stdout());
  }

  /** The raw result, for renders that are expected to fail. */
  static ExternalCommand.Result template(String release, String namespace, String... args) {
    List<String> command =
        new ArrayList<>(List.of("template", release, chart().toString(), "--namespace", namespace));
    command.addAll(List.of(args));
    return ExternalCommand.helm(command.toArray(String[]::new)).run();
  }

  static RenderedChart parse(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && doc.isObject() && doc.has("kind")) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RenderedChart(yaml, docs);
  }

  String yaml() {
    return yaml;
  }

  List<JsonNode> objects() {
    return objects;
  }

  List<JsonNode> ofKind(String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  /** The only object of {@code kind} named {@code name} (in any namespace). */
  JsonNode get(String kind, String name) {
    List<JsonNode> found =
        ofKind(kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one "
              + kind
              + " "
              + name
              + ", found "
              + found.size()
              + " among "
              + objects.stream().map(RenderedChart::describe).toList());
    }
    return found.get(0);
  }

  <T> T get(String kind, String name, Class<T> type) {
    return SERIALIZATION.convertValue(get(kind, name), type);
  }

  <T> List<T> ofKind(String kind, Class<T> type) {
    return ofKind(kind).stream().map(o -> SERIALIZATION.convertValue(o, type)).toList();
  }

  static String describe(JsonNode object) {
    String ns = object.at("/metadata/namespace").asText("");
    return object.path("kind").asText()
        + " "
        + (ns.isEmpty() ? "" : ns + "/")
        + object.at("/metadata/name").asText();
  }
}
