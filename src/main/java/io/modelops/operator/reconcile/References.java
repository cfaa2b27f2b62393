package io.modelops.operator.reconcile;

import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import java.util.Optional;

/**
 * The names one custom resource refers to, read null-safely: informer mappers and indexers see
 * objects before the API server's schema defaults or this operator's validation have run.
 */
public final class References {
  private References() {}

  /** The CustomModel a version belongs to. */
  public static Optional<String> model(CustomModelVersion v) {
    return Optional.ofNullable(v.getSpec()).map(s -> s.getCustomModelRef()).map(r -> r.getName());
  }

  /** The ExecutionEnvironment a version runs in. */
  public static Optional<String> environment(CustomModelVersion v) {
    return Optional.ofNullable(v.getSpec()).map(s -> s.getEnvironment()).map(e -> e.getName());
  }

  /** The CustomJob a run belongs to. */
  public static Optional<String> job(CustomJobRun r) {
    return Optional.ofNullable(r.getSpec()).map(s -> s.getCustomJobRef()).map(j -> j.getName());
  }
}
