package io.modelops.operator.pod;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A literal environment variable the caller chose (TARGET_TYPE, TARGET_NAME, class labels, …). The
 * value reaches the process verbatim: pod assembly escapes {@code $} so kubelet's {@code $(VAR)}
 * expansion cannot change it.
 *
 * @param name a C identifier
 * @param value the literal value (may be empty)
 */
public record EnvironmentVariable(String name, String value) {
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public EnvironmentVariable {
    Objects.requireNonNull(name, "environment variable name");
    Objects.requireNonNull(value, "value of " + name);
    if (!C_IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "environment variable name '" + name + "' is not a C identifier");
    }
  }
}
