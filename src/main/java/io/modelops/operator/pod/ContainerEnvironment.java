package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's environment in the order it is built, refusing a second variable of the same name:
 * the caller validates names earlier, but two field names that sanitize to one variable must never
 * let one value silently win.
 */
final class ContainerEnvironment {
  private final List<EnvVar> variables = new ArrayList<>();
  private final Map<String, String> origins = new HashMap<>();

  /** Adds a literal value; kubelet will not expand anything in it. */
  ContainerEnvironment literal(String name, String value, String origin) {
    return add(
        new EnvVarBuilder().withName(name).withValue(KubeletExpansion.verbatim(value)).build(),
        origin);
  }

  /**
   * Adds a value that kubelet expands: {@code expandable} may reference variables added before via
   * {@link KubeletExpansion#reference}; every other {@code $} must already be escaped.
   */
  ContainerEnvironment expanded(String name, String expandable, String origin) {
    return add(new EnvVarBuilder().withName(name).withValue(expandable).build(), origin);
  }

  /** Adds a variable whose value kubelet reads from a Secret; it never enters the pod spec. */
  ContainerEnvironment fromSecret(String name, SecretKey secret, String origin) {
    return add(
        new EnvVarBuilder()
            .withName(name)
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName(secret.name())
            .withKey(secret.key())
            .withOptional(false)
            .endSecretKeyRef()
            .endValueFrom()
            .build(),
        origin);
  }

  List<EnvVar> variables() {
    return List.copyOf(variables);
  }

  private ContainerEnvironment add(EnvVar variable, String origin) {
    String earlier = origins.putIfAbsent(variable.getName(), origin);
    if (earlier != null) {
      throw new IllegalArgumentException(
          "environment variable "
              + variable.getName()
              + " would be set by both "
              + earlier
              + " and "
              + origin);
    }
    variables.add(variable);
    return this;
  }
}
