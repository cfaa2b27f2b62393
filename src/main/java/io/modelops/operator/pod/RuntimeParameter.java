package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Set;

/**
 * The resolved value of one runtime parameter (the definition's default or the override), which the
 * container reads from {@code MLOPS_RUNTIME_PARAM_<fieldName>}.
 */
public sealed interface RuntimeParameter {

  /** The parameter's name as declared in its definition. */
  String fieldName();

  /**
   * A parameter whose value may be written into the pod spec.
   *
   * @param fieldName the parameter's name
   * @param type the API's type name: boolean, customMetric, deployment, modelPackage, numeric or
   *     string (never credential: see {@link Credential})
   * @param payload the value, written into the envelope as JSON ({@code null} is a NullNode)
   */
  record Plain(String fieldName, String type, JsonNode payload) implements RuntimeParameter {
    private static final Set<String> TYPES =
        Set.of("boolean", "customMetric", "deployment", "modelPackage", "numeric", "string");

    public Plain {
      requireText(fieldName, "runtime parameter fieldName");
      requireText(type, "runtime parameter type");
      if (!TYPES.contains(type)) {
        // A credential here would put the secret into the pod spec as a literal.
        throw new IllegalArgumentException(
            "runtime parameter "
                + fieldName
                + " has type '"
                + type
                + "'; plain parameters are "
                + "one of "
                + TYPES.stream().sorted().toList()
                + ", credentials are RuntimeParameter.Credential");
      }
      Objects.requireNonNull(payload, "runtime parameter payload");
      payload = payload.deepCopy();
    }

    /** The payload; a copy, since JSON nodes are mutable and this record is not. */
    @Override
    public JsonNode payload() {
      return payload.deepCopy();
    }
  }

  /**
   * A credential parameter: its payload stays in the Secret and reaches the container through
   * {@code secretKeyRef}. The Secret's key must hold the credential as a JSON object (for example
   * {@code {"credentialType":"basic","user":"…","password":"…"}}), because it is spliced verbatim
   * into the JSON envelope.
   *
   * @param fieldName the parameter's name
   * @param secret the Secret key holding the credential's JSON payload
   */
  record Credential(String fieldName, SecretKey secret) implements RuntimeParameter {
    public Credential {
      requireText(fieldName, "runtime parameter fieldName");
      Objects.requireNonNull(secret, "credential secret");
    }
  }

  /** A numeric parameter. */
  static Plain numeric(String fieldName, double value) {
    return new Plain(fieldName, "numeric", JsonNodeFactory.instance.numberNode(value));
  }

  /** A boolean parameter. */
  static Plain bool(String fieldName, boolean value) {
    return new Plain(fieldName, "boolean", JsonNodeFactory.instance.booleanNode(value));
  }

  /** A string parameter. */
  static Plain string(String fieldName, String value) {
    return new Plain(fieldName, "string", JsonNodeFactory.instance.textNode(value));
  }
}
