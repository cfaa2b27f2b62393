package io.modelops.operator.bootstrap;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.customjob.CustomJobReconciler;
import io.modelops.operator.customjobrun.CustomJobRunReconciler;
import io.modelops.operator.custommodel.CustomModelReconciler;
import io.modelops.operator.custommodeltest.CustomModelTestReconciler;
import io.modelops.operator.custommodelversion.CustomModelVersionReconciler;
import io.modelops.operator.executionenvironment.ExecutionEnvironmentReconciler;
import io.modelops.operator.resourcebundle.ResourceBundleReconciler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The reconcilers the operator runs, registered with the configured watched namespaces. */
public final class Controllers {
  private Controllers() {}

  /** The reconcilers of every kind, built from the configuration. */
  public static List<Reconciler<?>> all(OperatorConfig config) {
    return all(config, Clock.systemUTC());
  }

  /** The reconcilers with an explicit clock (tests move time for schedules). */
  public static List<Reconciler<?>> all(OperatorConfig config, Clock clock) {
    List<Reconciler<?>> reconcilers = new ArrayList<>();
    reconcilers.add(new CustomModelVersionReconciler(config, clock));
    reconcilers.add(new CustomModelReconciler(config, clock));
    reconcilers.add(new CustomJobRunReconciler(config, clock));
    reconcilers.add(new CustomJobReconciler(config, clock));
    reconcilers.add(new CustomModelTestReconciler(config, clock));
    reconcilers.add(new ExecutionEnvironmentReconciler(clock));
    reconcilers.add(new ResourceBundleReconciler(config.placement(), clock));
    return reconcilers;
  }

  private static boolean clusterScoped(Reconciler<?> reconciler) {
    return reconciler instanceof ExecutionEnvironmentReconciler
        || reconciler instanceof ResourceBundleReconciler;
  }

  /** Registers {@code reconcilers}; returns their names for the start-up log line. */
  public static List<String> register(
      Operator operator, OperatorConfig config, List<Reconciler<?>> reconcilers) {
    List<String> names = new ArrayList<>();
    for (Reconciler<?> reconciler : reconcilers) {
      // Cluster-scoped kinds (bundles, environments) are watched cluster-wide in any mode.
      if (config.watchNamespaces().isEmpty() || clusterScoped(reconciler)) {
        operator.register(reconciler);
      } else {
        operator.register(
            reconciler, o -> o.settingNamespaces(new HashSet<>(config.watchNamespaces())));
      }
      names.add(reconciler.getClass().getSimpleName());
    }
    return names;
  }
}
