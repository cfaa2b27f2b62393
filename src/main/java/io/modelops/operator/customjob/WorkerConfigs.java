package io.modelops.operator.customjob;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.WorkerConfigText;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A CustomJob's {@code workerConfig}: YAML (or JSON) text whose top level is a mapping, read into
 * the JSON document each run mounts as {@code worker-config.json}.
 *
 * <p>The text is bounded by the CRD schema ({@link #MAX_CHARACTERS}); what the schema cannot see is
 * checked here, without a lookup: that the text parses, is one document, uses no aliases (which
 * could multiply a small text into a large document), has no duplicate keys, nests at most {@link
 * #MAX_DEPTH} levels, and that the JSON it becomes stays within {@link #MAX_JSON_BYTES}. Nothing
 * here throws; a problem names the field and says what to change, never the parser's own text.
 */
public final class WorkerConfigs {
  /** Longest workerConfig text the schema admits, in characters. */
  public static final int MAX_CHARACTERS = 16 * 1024;

  /** Largest JSON a workerConfig may become, in bytes as the API server stores it. */
  public static final int MAX_JSON_BYTES = 32 * 1024;

  /** Deepest nesting of mappings and lists. */
  public static final int MAX_DEPTH = 32;

  private static final Logger LOG = LoggerFactory.getLogger(WorkerConfigs.class);

  private static final ObjectMapper YAML = yamlMapper();

  private WorkerConfigs() {}

  /**
   * A workerConfig read: the JSON document, or the problem that keeps a run from using it.
   *
   * @param json the document, present when the text is a valid mapping within the limits
   * @param problem present when it is not
   */
  public record Parsed(Optional<JsonNode> json, Optional<Problem> problem) {
    static Parsed of(JsonNode json) {
      return new Parsed(Optional.of(json), Optional.empty());
    }

    static Parsed refused(Problem problem) {
      return new Parsed(Optional.empty(), Optional.of(problem));
    }
  }

  /**
   * Reads {@code text}, the workerConfig of a job, for the field named {@code field}.
   *
   * @return empty json and no problem when the job has no workerConfig
   */
  public static Parsed parse(String text, String field) {
    if (text == null) {
      return new Parsed(Optional.empty(), Optional.empty());
    }
    if (WorkerConfigText.STORED_AS_MAPPING.equals(text)) {
      return Parsed.refused(
          invalid(
              field
                  + " is stored as a mapping, from before the field became YAML text, and the"
                  + " API server no longer returns its content; write it again as text"
                  + " (workerConfig: |)"));
    }
    if (text.length() > MAX_CHARACTERS) {
      return Parsed.refused(
          limit(field + ": " + text.length() + " characters, more than the " + MAX_CHARACTERS));
    }
    JsonNode json;
    try {
      Optional<Problem> shape = aliasesOrDocuments(text, field);
      if (shape.isPresent()) {
        return Parsed.refused(shape.get());
      }
      json = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      LOG.debug("{} does not parse", field, e);
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith("Malformed numeric value")) {
        return Parsed.refused(notJson(field, at(e.getLocation())));
      }
      return Parsed.refused(invalid(field + " is not valid YAML or JSON" + at(e.getLocation())));
    } catch (IOException | RuntimeException e) {
      LOG.debug("{} does not parse", field, e);
      return Parsed.refused(invalid(field + " is not valid YAML or JSON"));
    }
    if (json == null || !json.isObject()) {
      return Parsed.refused(
          invalid(
              field
                  + " must be a mapping at its top level (for example inputs:, outputs:,"
                  + " settings:), not "
                  + kind(json)));
    }
    Optional<String> nonFinite = nonFinite(json, "");
    if (nonFinite.isPresent()) {
      return Parsed.refused(notJson(field, " at " + nonFinite.get()));
    }
    long bytes = storedJsonBytes(json);
    if (bytes > MAX_JSON_BYTES) {
      return Parsed.refused(
          limit(field + ": " + bytes + " bytes as JSON, more than the " + MAX_JSON_BYTES));
    }
    return Parsed.of(json);
  }

  /** Aliases and a second document, found by reading the text's events. */
  private static Optional<Problem> aliasesOrDocuments(String text, String field)
      throws IOException {
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      int roots = 0;
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          return Optional.of(
              invalid(
                  field
                      + " uses a YAML alias"
                      + at(parser.currentTokenLocation())
                      + "; write the value out instead of referring to an anchor"));
        }
        if (depth == 0 && ++roots > 1) {
          return Optional.of(
              invalid(field + " holds more than one YAML document; write a single mapping"));
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      }
      return Optional.empty();
    }
  }

  /** The path of the first number in {@code node} that is infinite or not a number, if any. */
  private static Optional<String> nonFinite(JsonNode node, String path) {
    if (node.isFloatingPointNumber()
        && !Double.isFinite(node.doubleValue())
        && !node.isBigDecimal()) {
      return Optional.of(path.isEmpty() ? "the top" : path);
    }
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        var found =
            nonFinite(
                field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        var found = nonFinite(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String kind(JsonNode json) {
    if (json == null || json.isMissingNode() || json.isNull()) {
      return "empty";
    }
    return json.isArray() ? "a list" : "a single value";
  }

  private static Problem notJson(String field, String where) {
    return invalid(
        field
            + " holds a number JSON cannot carry (.inf, .nan or out of range)"
            + where
            + "; write it as a string");
  }

  private static Problem invalid(String message) {
    return Problem.of(Reasons.INVALID_WORKER_CONFIG, message);
  }

  private static Problem limit(String message) {
    return Problem.of(
        Reasons.LIMIT_EXCEEDED,
        message + " allowed; keep large inputs in a dataset or a ConfigMap");
  }

  /**
   * The size of {@code value} as the API server stores it: compact JSON in UTF-8, where Go's
   * encoder also writes {@code <}, {@code >} and {@code &} as six-byte escapes, and the line and
   * paragraph separators (three bytes in UTF-8) as well.
   */
  static long storedJsonBytes(JsonNode value) {
    String json = Serialization.asJson(value);
    long bytes = json.getBytes(StandardCharsets.UTF_8).length;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '<' || c == '>' || c == '&') {
        bytes += 5;
      } else if (c == '\u2028' || c == '\u2029') {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static ObjectMapper yamlMapper() {
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setCodePointLimit(MAX_CHARACTERS * 2);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_CHARACTERS)
                    .maxNumberLength(100)
                    .build())
            .build();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return new ObjectMapper(factory);
  }
}
