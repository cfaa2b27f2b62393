package io.modelops.operator.custommodelversion;

import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.reconcile.Mappers;
import io.modelops.operator.reconcile.References;
import java.util.List;
import java.util.function.Function;

/**
 * The indexes over CustomModelVersions that both the version and the model controller keep, so an
 * ExecutionEnvironment or CustomModel event finds the versions it concerns.
 */
public final class VersionIndexes {
  /** Versions by the ExecutionEnvironment they run in (cluster-scoped name). */
  public static final String BY_ENVIRONMENT = "byEnvironment";

  /** Versions by {@code namespace/model}, see {@link Mappers#key(String, String)}. */
  public static final String BY_MODEL = "byModel";

  private VersionIndexes() {}

  public static Function<CustomModelVersion, List<String>> byEnvironment() {
    return Mappers.clusterIndexer(References::environment);
  }

  public static Function<CustomModelVersion, List<String>> byModel() {
    return Mappers.namespacedIndexer(References::model);
  }
}
