package io.modelops.operator.pod;

/**
 * Writes strings into the fields kubelet expands: env values, command and args. Kubelet replaces
 * {@code $(NAME)} with an earlier variable's value and turns {@code $$} into {@code $}, so a
 * literal such as a password-looking {@code "a$$b"} or a user's {@code "$(HOME)"} would reach the
 * process changed. Doubling every {@code $} makes kubelet restore the literal exactly, whatever it
 * contains.
 */
final class KubeletExpansion {
  private KubeletExpansion() {}

  /** The value to write so that the process sees {@code literal} unchanged. */
  static String verbatim(String literal) {
    return literal.replace("$", "$$");
  }

  /** A reference kubelet replaces with the value of the variable {@code name}, defined earlier. */
  static String reference(String name) {
    return "$(" + name + ")";
  }
}
