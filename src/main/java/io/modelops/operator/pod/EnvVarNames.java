package io.modelops.operator.pod;

/**
 * Turns field names (of runtime parameters and required metadata) into environment variable names
 * that every shell and language runtime can read: C identifiers.
 *
 * <p>The rule is deterministic and keeps case: each character (code point) outside {@code
 * [A-Za-z0-9_]} becomes {@code _}; a name that would start with a digit gets a leading {@code _}.
 * So {@code "model.family"} becomes {@code model_family} and {@code "2fa-key"} becomes {@code
 * _2fa_key}. Two field names that end up the same are refused by {@link ContainerEnvironment},
 * never silently merged.
 */
final class EnvVarNames {
  private EnvVarNames() {}

  /** {@code fieldName} with every character outside [A-Za-z0-9_] replaced by '_'. */
  static String sanitize(String fieldName) {
    StringBuilder name = new StringBuilder(fieldName.length());
    fieldName.codePoints().forEach(c -> name.append(isIdentifierChar(c) ? (char) c : '_'));
    return name.toString();
  }

  /** The variable a required metadata value is exported as. */
  static String forRequiredMetadata(String fieldName) {
    String name = sanitize(fieldName);
    return Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  private static boolean isIdentifierChar(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }
}
