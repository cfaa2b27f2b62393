package io.modelops.operator.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelops.operator.testing.ExternalCommand;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The Argo CD health scripts shipped in the chart, run by a real Lua 5.1 interpreter through {@code
 * health-harness.lua}, which reproduces Argo CD's sandbox (no string library). Resources are handed
 * over as Lua table literals generated from their JSON, as Argo CD decodes them.
 */
final class ArgoHealthScripts {
  static final List<String> KINDS =
      List.of(
          "CustomModel",
          "CustomModelVersion",
          "CustomJob",
          "CustomJobRun",
          "CustomModelTest",
          "ResourceBundle",
          "ExecutionEnvironment");

  private ArgoHealthScripts() {}

  /** The health the script of {@code kind} computes for a resource. */
  record Health(String status, String message) {
    @Override
    public String toString() {
      return status + " \"" + message + "\"";
    }
  }

  static Path directory() {
    return LocalCluster.repoDir().resolve("helm/modelops-operator/argocd/health");
  }

  static Path script(String kind) {
    return directory().resolve(kind + ".lua");
  }

  /** Runs the script of {@code kind} once per resource, in one interpreter process. */
  static List<Health> evaluate(String kind, List<? extends JsonNode> resources) {
    return evaluate(script(kind), resources);
  }

  static List<Health> evaluate(Path script, List<? extends JsonNode> resources) {
    Path harness = LocalCluster.repoDir().resolve("src/test/resources/argocd/health-harness.lua");
    StringBuilder lua = new StringBuilder("return {\n");
    for (JsonNode resource : resources) {
      lua.append("  ").append(literal(resource)).append(",\n");
    }
    lua.append("}\n");
    Path objects = null;
    try {
      objects = Files.createTempFile("argocd-objects-", ".lua");
      Files.writeString(objects, lua, StandardCharsets.UTF_8);
      ExternalCommand.Result result =
          ExternalCommand.lua(harness.toString(), script.toString(), objects.toString())
              .run()
              .requireSuccess();
      List<Health> healths = new ArrayList<>();
      for (String line : result.stdout().lines().toList()) {
        String[] parts = line.split("\t", 2);
        healths.add(new Health(parts[0], unescape(parts.length > 1 ? parts[1] : "")));
      }
      if (healths.size() != resources.size()) {
        throw new AssertionError(
            "expected " + resources.size() + " results:\n" + result.describe());
      }
      return healths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (objects != null) {
        objects.toFile().delete();
      }
    }
  }

  /** A complete resource of {@code kind} from a fixture's partial one. */
  static ObjectNode resource(String kind, ObjectNode partial) {
    ObjectNode resource = partial.deepCopy();
    resource.put("apiVersion", "modelops.io/v1alpha1");
    resource.put("kind", kind);
    ObjectNode metadata =
        resource.has("metadata")
            ? (ObjectNode) resource.get("metadata")
            : resource.putObject("metadata");
    metadata.put("name", "example");
    if (!kind.equals("ResourceBundle") && !kind.equals("ExecutionEnvironment")) {
      metadata.put("namespace", "team-a");
    }
    return resource;
  }

  /** JSON as a Lua table literal; JSON null becomes an absent key, as in Argo CD. */
  static String literal(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nil";
    }
    if (node.isObject()) {
      StringBuilder out = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isNull()) {
          continue;
        }
        out.append('[')
            .append(quote(field.getKey()))
            .append("]=")
            .append(literal(field.getValue()))
            .append(',');
      }
      return out.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder("{");
      for (JsonNode item : node) {
        out.append(literal(item)).append(',');
      }
      return out.append('}').toString();
    }
    if (node.isBoolean() || node.isNumber()) {
      return node.asText();
    }
    return quote(node.asText());
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7f) {
        out.append('\\').append(String.format("%03d", c));
      } else {
        out.append((char) c);
      }
    }
    return out.append('"').toString();
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
