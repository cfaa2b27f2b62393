package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The example manifests under examples/, read as the tests need them. */
final class ExampleModels {
  private ExampleModels() {}

  /** Every document of {@code examples/<file>}. */
  static List<JsonNode> documents(String file) {
    Path path = LocalCluster.repoDir().resolve("examples").resolve(file);
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new YAMLMapper().readerFor(JsonNode.class).readValues(path.toFile())) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && doc.isObject()) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  /** The document of {@code kind} in {@code file}. */
  static JsonNode document(String file, String kind) {
    return documents(file).stream()
        .filter(d -> kind.equals(d.path("kind").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in examples/" + file));
  }

  /** The test plan's model part from the file's CustomModel: target type, target, labels. */
  static PlanBuilder plan(String file, ModelServerProcess server) {
    JsonNode spec = document(file, "CustomModel").path("spec");
    TargetType type = TargetType.valueOf(targetTypeConstant(spec.path("targetType").asText()));
    List<String> labels = new ArrayList<>();
    if (spec.has("positiveClassLabel")) {
      labels.add(spec.get("positiveClassLabel").asText());
      labels.add(spec.get("negativeClassLabel").asText());
    }
    spec.path("classLabels").forEach(l -> labels.add(l.asText()));
    PlanBuilder plan =
        PlanBuilder.against(server)
            .model(type, spec.path("targetName").asText(), labels.isEmpty() ? null : labels);
    if (spec.has("predictionThreshold")) {
      plan.threshold(spec.get("predictionThreshold").asDouble());
    }
    return plan;
  }

  private static String targetTypeConstant(String wire) {
    return wire.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
