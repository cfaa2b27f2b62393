package io.modelops.operator.runtimeparams;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelops.operator.status.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Resolves runtime parameters against their definitions: each definition gets its current value
 * from a value given for it (later value lists override earlier ones, e.g. a run's over its job's)
 * or its default; every value is checked against its definition — known field, same type, min/max
 * for numerics, allowEmpty for strings, a Secret reference (never a literal) for credentials.
 * Secrets are checked for existence by the caller, which can look them up.
 */
public final class RuntimeParameters {
  private RuntimeParameters() {}

  /** A definition, from {@code runtimeParameterDefinitions}. */
  public record Definition(
      String fieldName,
      String type,
      Optional<JsonNode> defaultValue,
      Optional<Double> minValue,
      Optional<Double> maxValue,
      boolean allowEmpty) {}

  /** A value, from {@code runtimeParameterValues}; {@code field} is its path for messages. */
  public record Value(String field, String fieldName, String type, JsonNode value) {}

  /** A Secret key holding a credential's payload. */
  public record SecretKey(String name, String key) {
    @Override
    public String toString() {
      return "secret " + name + "/" + key;
    }
  }

  /** One resolved parameter: what status shows and what the pod gets. */
  public record Parameter(
      String fieldName,
      String type,
      Optional<JsonNode> defaultValue,
      Optional<JsonNode> overrideValue,
      Optional<JsonNode> currentValue,
      Optional<SecretKey> credential) {}

  /** The outcome: parameters in definition order, or every problem found. */
  public record Resolution(List<Parameter> parameters, List<Problem> problems) {}

  /** The key read from a credential Secret when the reference names none. */
  public static final String DEFAULT_CREDENTIAL_KEY = "credential";

  /**
   * Resolves {@code definitions} with value lists applied in order (each overriding the ones
   * before).
   */
  @SafeVarargs
  public static Resolution resolve(List<Definition> definitions, List<Value>... valueLists) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Definition> byName = new LinkedHashMap<>();
    definitions.forEach(d -> byName.put(d.fieldName(), d));
    Map<String, Value> chosen = new LinkedHashMap<>();
    for (List<Value> values : valueLists) {
      for (Value value : values) {
        Definition definition = byName.get(value.fieldName());
        if (definition == null) {
          problems.add(
              Problem.of(
                  "UnknownRuntimeParameter",
                  value.field()
                      + ": "
                      + value.fieldName()
                      + " is not defined in runtimeParameterDefinitions"));
          continue;
        }
        Optional<String> wrong = check(definition, value);
        if (wrong.isPresent()) {
          problems.add(
              Problem.of(
                  "InvalidRuntimeParameter",
                  value.field() + " (" + value.fieldName() + "): " + wrong.get()));
          continue;
        }
        chosen.put(value.fieldName(), value);
      }
    }
    List<Parameter> parameters = new ArrayList<>();
    for (Definition d : definitions) {
      Optional<JsonNode> override =
          Optional.ofNullable(chosen.get(d.fieldName())).map(Value::value);
      Optional<JsonNode> current =
          override.or(d::defaultValue).filter(Predicate.not(JsonNode::isNull));
      Optional<SecretKey> credential =
          "credential".equals(d.type())
              ? current.flatMap(RuntimeParameters::secretKey)
              : Optional.empty();
      if (current.isEmpty() && !d.allowEmpty()) {
        problems.add(
            Problem.of(
                "MissingRuntimeParameter",
                "runtime parameter "
                    + d.fieldName()
                    + " has no value and no defaultValue, and allowEmpty is false"));
      }
      parameters.add(
          new Parameter(
              d.fieldName(),
              d.type(),
              d.defaultValue(),
              override,
              "credential".equals(d.type()) ? Optional.empty() : current,
              credential));
    }
    return new Resolution(parameters, problems);
  }

  private static Optional<String> check(Definition definition, Value value) {
    if (!definition.type().equals(value.type())) {
      return Optional.of(
          "type " + value.type() + " does not match the definition's type " + definition.type());
    }
    JsonNode v = value.value();
    switch (definition.type()) {
      case "numeric" -> {
        if (v == null || !v.isNumber()) {
          return Optional.of("a numeric parameter needs a number");
        }
        double d = v.asDouble();
        if (definition.minValue().isPresent() && d < definition.minValue().get()) {
          return Optional.of(v.asText() + " is below minValue " + definition.minValue().get());
        }
        if (definition.maxValue().isPresent() && d > definition.maxValue().get()) {
          return Optional.of(v.asText() + " is above maxValue " + definition.maxValue().get());
        }
      }
      case "boolean" -> {
        if (v == null || !v.isBoolean()) {
          return Optional.of("a boolean parameter needs true or false");
        }
      }
      case "credential" -> {
        if (secretKey(v).isEmpty()) {
          return Optional.of(
              "a credential is a reference {secretRef: {name, key}}, never a" + " literal value");
        }
      }
      default -> {
        if (v == null || !v.isValueNode()) {
          return Optional.of("a " + definition.type() + " parameter needs a scalar value");
        }
        if (v.asText().isEmpty() && !definition.allowEmpty()) {
          return Optional.of("an empty value is not allowed (allowEmpty is false)");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<SecretKey> secretKey(JsonNode value) {
    if (value == null || !value.has("secretRef") || !value.get("secretRef").has("name")) {
      return Optional.empty();
    }
    JsonNode ref = value.get("secretRef");
    String key = ref.hasNonNull("key") ? ref.get("key").asText() : DEFAULT_CREDENTIAL_KEY;
    return Optional.of(new SecretKey(ref.get("name").asText(), key));
  }
}
