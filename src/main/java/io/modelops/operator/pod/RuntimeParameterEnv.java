package io.modelops.operator.pod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/**
 * Exports runtime parameters the way the model runtime reads them: one variable {@code
 * MLOPS_RUNTIME_PARAM_<fieldName>} per parameter holding the JSON envelope {@code {"type": <type>,
 * "payload": <value>}} (field names sanitized by {@link EnvVarNames#sanitize}).
 *
 * <p>A credential's payload must not be copied into the pod spec, yet the envelope wraps it.
 * Kubernetes' dependent environment variables do the wrapping on the node: first {@code
 * MLOPS_CREDENTIAL_<fieldName>} comes from the Secret through {@code secretKeyRef}, then {@code
 * MLOPS_RUNTIME_PARAM_<fieldName>} is {@code
 * {"type":"credential","payload":$(MLOPS_CREDENTIAL_<fieldName>)}}, which kubelet expands when it
 * starts the container. The Secret's key therefore holds the credential as a JSON object; the
 * process also sees the raw payload under {@code MLOPS_CREDENTIAL_<fieldName>}.
 *
 * <p>Parameters are exported sorted by variable name, so the same set of values gives the same pod
 * however the caller merged definitions and overrides.
 */
final class RuntimeParameterEnv {
  static final String PARAMETER_PREFIX = "MLOPS_RUNTIME_PARAM_";
  static final String CREDENTIAL_PREFIX = "MLOPS_CREDENTIAL_";

  // Default settings write compact JSON with fields in insertion order: type, then payload.
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuntimeParameterEnv() {}

  static void export(List<RuntimeParameter> parameters, ContainerEnvironment environment) {
    parameters.stream()
        .sorted(
            Comparator.comparing((RuntimeParameter p) -> EnvVarNames.sanitize(p.fieldName()))
                .thenComparing(RuntimeParameter::fieldName))
        .forEach(parameter -> export(parameter, environment));
  }

  private static void export(RuntimeParameter parameter, ContainerEnvironment environment) {
    String suffix = EnvVarNames.sanitize(parameter.fieldName());
    String origin = "runtime parameter '" + parameter.fieldName() + "'";
    if (parameter instanceof RuntimeParameter.Plain plain) {
      environment.literal(
          PARAMETER_PREFIX + suffix, envelope(plain.type(), plain.payload()), origin);
    } else if (parameter instanceof RuntimeParameter.Credential credential) {
      String credentialVariable = CREDENTIAL_PREFIX + suffix;
      environment
          .fromSecret(credentialVariable, credential.secret(), origin)
          .expanded(
              PARAMETER_PREFIX + suffix,
              "{\"type\":\"credential\",\"payload\":"
                  + KubeletExpansion.reference(credentialVariable)
                  + "}",
              origin);
    } else {
      throw new IllegalStateException("unknown runtime parameter " + parameter);
    }
  }

  /** The envelope of a plain parameter, as compact JSON. */
  static String envelope(String type, JsonNode payload) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("type", type);
    envelope.set("payload", payload);
    try {
      return JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write runtime parameter envelope", e);
    }
  }
}
