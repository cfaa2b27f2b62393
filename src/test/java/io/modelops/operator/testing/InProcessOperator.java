package io.modelops.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.modelops.operator.bootstrap.Controllers;
import io.modelops.operator.config.OperatorConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The operator with all its controllers, running inside the test JVM against a cluster and watching
 * only the given namespaces, so test classes (and test runs of other work trees) sharing the local
 * control plane never reconcile each other's objects. It counts finished reconciliations per
 * resource, so a test can wait for one to have happened.
 */
public final class InProcessOperator implements AutoCloseable {
  private final Operator operator;
  private final Map<String, Integer> reconciled;

  private InProcessOperator(Operator operator, Map<String, Integer> reconciled) {
    this.operator = operator;
    this.reconciled = reconciled;
  }

  /** Starts the operator with default configuration, watching {@code namespaces}. */
  public static InProcessOperator start(KubernetesClient client, String... namespaces) {
    return start(client, UnaryOperator.identity(), namespaces);
  }

  /** Starts the operator with a configuration derived from the defaults. */
  public static InProcessOperator start(
      KubernetesClient client, UnaryOperator<OperatorConfig> customize, String... namespaces) {
    return start(client, customize, Clock.systemUTC(), namespaces);
  }

  /** Starts the operator with a configuration and a clock (schedules follow the clock). */
  public static InProcessOperator start(
      KubernetesClient client,
      UnaryOperator<OperatorConfig> customize,
      Clock clock,
      String... namespaces) {
    OperatorConfig base = customize.apply(OperatorConfig.defaults());
    OperatorConfig config =
        new OperatorConfig(
            base.limits(),
            base.platformApi(),
            base.ingressNamespaces(),
            base.gitFetcherImage(),
            List.of(namespaces),
            false,
            base.leaseNamespace(),
            base.endpoints(),
            base.reconcileThreads(),
            base.gitHttpHosts(),
            base.egress(),
            base.ephemeralStorage(),
            base.placement(),
            base.testerImage());
    Map<String, Integer> reconciled = new ConcurrentHashMap<>();
    Metrics counting =
        new Metrics() {
          @Override
          public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
            count(resource);
          }

          @Override
          public void failedReconciliation(
              HasMetadata resource, Exception exception, Map<String, Object> metadata) {
            count(resource);
          }

          private void count(HasMetadata resource) {
            reconciled.merge(
                key(
                    resource.getKind(),
                    resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName()),
                1,
                Integer::sum);
          }
        };
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withMetrics(counting)
                    .withConcurrentReconciliationThreads(config.reconcileThreads()));
    Controllers.register(operator, config, Controllers.all(config, clock));
    operator.start();
    return new InProcessOperator(operator, reconciled);
  }

  /** How many reconciliations of {@code kind namespace/name} finished, whatever their outcome. */
  public int reconciliations(String kind, String namespace, String name) {
    return reconciled.getOrDefault(key(kind, namespace, name), 0);
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  @Override
  public void close() {
    operator.stop();
  }
}
