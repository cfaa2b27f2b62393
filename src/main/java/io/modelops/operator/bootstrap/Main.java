package io.modelops.operator.bootstrap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelops.operator.config.OperatorConfig;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the operator: configuration, metrics, health endpoints, controllers. No logic here. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) throws Exception {
    OperatorConfig config = OperatorConfig.load(System.getenv());
    KubernetesClient client = new KubernetesClientBuilder().build();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);

    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
                  .withConcurrentReconciliationThreads(config.reconcileThreads());
              if (config.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                            OperatorConfig.LEASE_NAME)
                        .withLeaseNamespace(config.leaseNamespace())
                        // Losing the Lease stops the operator through our shutdown hook; exiting
                        // from
                        // inside JOSDK's callback would deadlock that hook on SIGTERM.
                        .withExitOnStopLeading(false)
                        .build());
              }
            });
    List<String> controllers = Controllers.register(operator, config, Controllers.all(config));
    CountDownLatch stopped = new CountDownLatch(1);
    HealthServer http =
        HealthServer.start(
            config.endpoints(),
            registry,
            () -> stopped.getCount() > 0,
            () -> controllers.isEmpty() || HealthServer.ready(operator.getRuntimeInfo()));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  if (!controllers.isEmpty()) {
                    operator.stop();
                  }
                  http.close();
                  stopped.countDown();
                },
                "modelops-shutdown"));

    LOG.info(
        "modelops-operator starting: api server {}, namespaces {}, leader election {}, "
            + "metrics :{}, probes :{}, controllers {}",
        client.getMasterUrl(),
        config.watchNamespaces().isEmpty() ? "all" : config.watchNamespaces(),
        config.leaderElection()
            ? "on (Lease " + config.leaseNamespace() + "/" + OperatorConfig.LEASE_NAME + ")"
            : "off",
        http.metricsPort(),
        http.probePort(),
        controllers);
    if (controllers.isEmpty()) {
      LOG.warn("no controllers are registered; serving health and metrics only");
    } else {
      operator.start();
    }
    stopped.await();
  }
}
