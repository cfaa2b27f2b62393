package io.modelops.operator.status;

/**
 * The reasons this operator writes into conditions and Warning events, in one place: CamelCase
 * words a user (or a script) can match on. Reasons copied from the kubelet (a container's waiting
 * reason such as {@code ImagePullBackOff}) are passed through as the kubelet wrote them.
 */
public final class Reasons {
  private Reasons() {}

  // References a resource makes that do not resolve.
  public static final String MODEL_NOT_FOUND = "ModelNotFound";
  public static final String VERSION_NOT_FOUND = "VersionNotFound";
  public static final String ENVIRONMENT_NOT_FOUND = "EnvironmentNotFound";
  public static final String ENVIRONMENT_VERSION_NOT_FOUND = "EnvironmentVersionNotFound";
  public static final String BUNDLE_NOT_FOUND = "BundleNotFound";
  public static final String CUSTOM_JOB_NOT_FOUND = "CustomJobNotFound";
  public static final String CONFIG_MAP_NOT_FOUND = "ConfigMapNotFound";
  public static final String SECRET_NOT_FOUND = "SecretNotFound";
  public static final String SECRET_KEY_NOT_FOUND = "SecretKeyNotFound";
  public static final String PERSISTENT_VOLUME_CLAIM_NOT_FOUND = "PersistentVolumeClaimNotFound";
  public static final String CODE_NOT_FOUND = "CodeNotFound";

  // Values the platform's policies or limits refuse.
  public static final String BUNDLE_NOT_ALLOWED = "BundleNotAllowed";
  public static final String BUNDLE_DEPRECATED = "BundleDeprecated";
  public static final String LIMIT_EXCEEDED = "LimitExceeded";
  public static final String HIGH_AVAILABILITY_NEEDS_REPLICAS = "HighAvailabilityNeedsReplicas";
  public static final String INVALID_SCHEDULE = "InvalidSchedule";

  // Runtime parameters and metadata.
  public static final String MISSING_RUNTIME_PARAMETER = "MissingRuntimeParameter";
  public static final String UNKNOWN_RUNTIME_PARAMETER = "UnknownRuntimeParameter";
  public static final String INVALID_RUNTIME_PARAMETER = "InvalidRuntimeParameter";
  public static final String MISSING_REQUIRED_METADATA = "MissingRequiredMetadata";

  // Catalogue entries (ExecutionEnvironment, ResourceBundle) whose spec the operator checked.
  public static final String AVAILABLE = "Available";
  public static final String DEPRECATED = "Deprecated";
  public static final String NO_VERSIONS = "NoVersions";
  public static final String INVALID_IMAGE_REFERENCE = "InvalidImageReference";
  public static final String INVALID_BUNDLE = "InvalidBundle";
}
