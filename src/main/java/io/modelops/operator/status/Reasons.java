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
  public static final String EGRESS_NOT_ALLOWED = "EgressNotAllowed";

  /** A git URL over plain http to a host the operator's gitHttpHosts does not name. */
  public static final String GIT_URL_NOT_ALLOWED = "GitUrlNotAllowed";

  public static final String HIGH_AVAILABILITY_NEEDS_REPLICAS = "HighAvailabilityNeedsReplicas";
  public static final String INVALID_SCHEDULE = "InvalidSchedule";

  /** A field the CRD schema would refuse, met on an object the schema never checked. */
  public static final String INVALID_SPEC = "InvalidSpec";

  /** A CustomJob's workerConfig text is not one YAML or JSON mapping the operator can mount. */
  public static final String INVALID_WORKER_CONFIG = "InvalidWorkerConfig";

  /**
   * An object the operator would create for a resource exists already and is not controlled by that
   * resource; the operator leaves it alone and creates nothing for the resource.
   */
  public static final String NAME_CONFLICT = "NameConflict";

  /**
   * A run waits for its CustomJob's NetworkPolicy: its pods never start without the policy that
   * restricts their network.
   */
  public static final String NETWORK_POLICY_PENDING = "NetworkPolicyPending";

  /** A value would set an environment variable the operator already sets in the pod. */
  public static final String ENVIRONMENT_VARIABLE_CONFLICT = "EnvironmentVariableConflict";

  // Runtime parameters and metadata.
  public static final String MISSING_RUNTIME_PARAMETER = "MissingRuntimeParameter";
  public static final String UNKNOWN_RUNTIME_PARAMETER = "UnknownRuntimeParameter";
  public static final String INVALID_RUNTIME_PARAMETER = "InvalidRuntimeParameter";
  public static final String MISSING_REQUIRED_METADATA = "MissingRequiredMetadata";

  // What a CustomModelVersion reports.
  public static final String VALIDATED = "Validated";

  // What a CustomModel reports while it serves or waits.
  /** No version can be served yet (none references the model, or none is valid yet). */
  public static final String NO_VALID_VERSION = "NoValidVersion";

  public static final String SERVING = "Serving";
  public static final String SERVING_DISABLED = "ServingDisabled";
  public static final String ROLLOUT_COMPLETE = "RolloutComplete";
  public static final String ROLLING_OUT = "RollingOut";
  public static final String REPLACING_MODEL = "ReplacingModel";
  public static final String LAUNCHING = "Launching";

  // Custom jobs: how a job is scheduled, where a run stands.
  public static final String MANUAL = "Manual";
  public static final String SCHEDULED = "Scheduled";
  public static final String SUSPENDED = "Suspended";
  public static final String QUEUED = "Queued";
  public static final String RUNNING = "Running";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String EVICTED = "Evicted";
  public static final String INIT_CONTAINER_FAILED = "InitContainerFailed";
  public static final String CANCELING = "Canceling";
  public static final String CANCELED = "Canceled";

  // Catalogue entries (ExecutionEnvironment, ResourceBundle) whose spec the operator checked.
  public static final String AVAILABLE = "Available";
  public static final String DEPRECATED = "Deprecated";
  public static final String NO_VERSIONS = "NoVersions";
  public static final String INVALID_IMAGE_REFERENCE = "InvalidImageReference";
  public static final String INVALID_BUNDLE = "InvalidBundle";

  // Model tests: what refuses or holds a test, how it ended, and the promotion gate.
  /** A test names a dataset ConfigMap that lacks the key. */
  public static final String CONFIG_MAP_KEY_NOT_FOUND = "ConfigMapKeyNotFound";

  /** A test of a model that is not Unstructured names no dataset. */
  public static final String DATASET_REQUIRED = "DatasetRequired";

  /** A test waits until its version has been validated. */
  public static final String VERSION_PENDING = "VersionPending";

  /** A test's version is not valid, so its server cannot be built. */
  public static final String VERSION_INVALID = "VersionInvalid";

  /** A test is running. */
  public static final String IN_PROGRESS = "InProgress";

  /** A test ended with a warning (a check set to warn found something). */
  public static final String WARNING = "Warning";

  /** A test could not finish (timeout, its pod failed without a report, its Job vanished). */
  public static final String ABORTED = "Aborted";

  /** The promotion gate holds a version: no test of it at its generation has succeeded yet. */
  public static final String TEST_REQUIRED = "TestRequired";

  /** The promotion gate holds a version: its latest test at its generation did not succeed. */
  public static final String TEST_FAILED = "TestFailed";

  /** The promotion gate let the version through: a test of it at its generation succeeded. */
  public static final String TEST_SUCCEEDED = "TestSucceeded";

  /** The promotion gate does not hold back the version a model serves already. */
  public static final String ALREADY_SERVING = "AlreadyServing";
}
