package io.modelops.operator.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The operator-wide limits a platform team sets for custom models and jobs, named in every refusal
 * they cause.
 *
 * @param maxCustomModelReplicasPerDeployment most replicas one served model may ask for
 * @param maxCustomModelContainerSize largest memory limit of a model container, in bytes
 * @param desiredCustomModelContainerSize memory request used when none is given, in bytes
 * @param maxCustomModelTestingParallelUsers most parallel users of a model test; reserved for model
 *     testing, which the operator does not run yet (validated, otherwise unused)
 * @param maxCustomJobRuns most CustomJobRuns running at once in one namespace
 * @param maxCustomJobTimeout longest run of a custom job, in seconds
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record OperatorLimits(
    int maxCustomModelReplicasPerDeployment,
    long maxCustomModelContainerSize,
    long desiredCustomModelContainerSize,
    int maxCustomModelTestingParallelUsers,
    int maxCustomJobRuns,
    long maxCustomJobTimeout) {

  public static final long MIN_CONTAINER_SIZE = 134_217_728L;
  public static final long MAX_CONTAINER_SIZE = 15_032_385_536L;

  /**
   * Defaults: the largest values the limits allow for models (8 replicas, 14 GiB, a 128 MiB
   * request, 20 test users); 5 parallel runs and 24 h for jobs.
   */
  public static OperatorLimits defaults() {
    return new OperatorLimits(8, MAX_CONTAINER_SIZE, MIN_CONTAINER_SIZE, 20, 5, 86_400L);
  }

  /** Refuses limits that could never admit anything, naming the offending setting. */
  public OperatorLimits validated() {
    require(
        maxCustomModelReplicasPerDeployment >= 1 && maxCustomModelReplicasPerDeployment <= 8,
        "maxCustomModelReplicasPerDeployment must be 1..8");
    require(
        maxCustomModelContainerSize >= MIN_CONTAINER_SIZE
            && maxCustomModelContainerSize <= MAX_CONTAINER_SIZE,
        "maxCustomModelContainerSize must be " + MIN_CONTAINER_SIZE + ".." + MAX_CONTAINER_SIZE);
    require(
        desiredCustomModelContainerSize >= MIN_CONTAINER_SIZE
            && desiredCustomModelContainerSize <= maxCustomModelContainerSize,
        "desiredCustomModelContainerSize must be "
            + MIN_CONTAINER_SIZE
            + "..maxCustomModelContainerSize");
    require(
        maxCustomModelTestingParallelUsers >= 1 && maxCustomModelTestingParallelUsers <= 20,
        "maxCustomModelTestingParallelUsers must be 1..20");
    require(maxCustomJobRuns >= 1, "maxCustomJobRuns must be at least 1");
    require(maxCustomJobTimeout >= 1, "maxCustomJobTimeout must be at least 1 second");
    return this;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("limits." + message);
    }
  }
}
