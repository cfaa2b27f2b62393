package io.modelops.operator.api.v1alpha1.common;

/**
 * Regular expressions the CRD schemas enforce on strings (OpenAPI {@code pattern}, RE2 syntax),
 * kept in one place so every kind spells a name, a path or a quantity the same way.
 */
public final class Formats {
  /** A Kubernetes object name (RFC 1123 subdomain): ConfigMaps, Secrets, our own kinds. */
  public static final String OBJECT_NAME =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** A label key: an optional DNS subdomain prefix and "/", then a name of up to 63 characters. */
  public static final String LABEL_KEY =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
          + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

  /** A label value (possibly empty). */
  public static final String LABEL_VALUE = "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$";

  /** A key inside a Secret or ConfigMap. */
  public static final String DATA_KEY = "^[-._a-zA-Z0-9]+$";

  /** A parameter or metadata field name; it becomes (part of) an environment variable name. */
  public static final String FIELD_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";

  /** A relative path below the code directory: no leading slash, no "." or ".." segments. */
  public static final String RELATIVE_PATH =
      "^[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$";

  /** An OCI image reference (registry/repository[:tag][@digest]). */
  public static final String IMAGE = "^[a-zA-Z0-9][a-zA-Z0-9._/:@+-]*$";

  /**
   * A git remote over HTTPS (or plain HTTP, which the operator then allows only to the hosts its
   * configuration names): a host and a path, a user name allowed before the host (it is the token's
   * user name) but never a password.
   */
  public static final String GIT_URL = "^https?://([^\\s/:@]+@)?[^\\s/:@]+(:[0-9]+)?(/[^\\s]*)?$";

  /**
   * A git branch, tag or commit: no whitespace or characters git forbids in refs, and no leading
   * "-", so it can never be read as an option of the git command.
   */
  public static final String GIT_REF = "^[^-\\s~^:?*\\[\\\\][^\\s~^:?*\\[\\\\]*$";

  /** A version label such as "1.0" or "3.11-slim". */
  public static final String LABEL = "^[A-Za-z0-9][A-Za-z0-9._+-]*$";

  /** A non-negative Kubernetes quantity ("2", "500m", "4G", "4Gi"). */
  public static final String QUANTITY =
      "^(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

  /** {@link #QUANTITY} escaped for embedding in a JSON string (schema patches). */
  public static final String QUANTITY_JSON =
      "^(([0-9]+(\\\\.[0-9]*)?)|(\\\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\\\+|-)?(([0-9]+(\\\\.[0-9]*)?)|(\\\\.[0-9]+))))?$";

  /** Five cron fields or a macro; time zones go to schedule.timeZone, not a TZ= prefix. */
  public static final String CRON =
      "^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)"
          + "|[0-9A-Za-z*/,?#-]+( +[0-9A-Za-z*/,?#-]+){4})$";

  /** An IANA time zone name such as Europe/Berlin or UTC. */
  public static final String TIME_ZONE = "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$";

  /** "*" in a structured schedule field whose other entries are numbers. */
  public static final String SCHEDULE_ANY = "^\\*$";

  /** "*" or a month/day name ("jan", "October", "sun") in a structured schedule field. */
  public static final String SCHEDULE_ANY_OR_NAME = "^(\\*|[A-Za-z]{3,9})$";

  private Formats() {}
}
