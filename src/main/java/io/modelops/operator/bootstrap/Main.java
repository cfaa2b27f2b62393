package io.modelops.operator.bootstrap;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.modeltest.TesterContract;
import io.modelops.operator.modeltest.tester.ModelTester;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the operator: configuration, metrics, health endpoints, controllers. No logic here. With
 * {@code test-model} as its first argument it runs the model tester instead.
 *
 * <p>With leader election on, a replica that loses the Lease while running (it could not renew it
 * within the renew deadline: API server or etcd unreachable, or slow) stops reconciling at once and
 * stands for election again, in the same process: the JOSDK operator is stopped and a new one
 * started as a standby. Another replica can take the Lease only once it has expired (lease duration
 * after the last renewal it saw), so the old leader has that margin (lease duration − renew
 * deadline) to stop; if stopping takes longer, the process halts rather than risk two writers.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** JOSDK's lease duration minus its renew deadline (15 s − 10 s), less a safety margin. */
  private static final long STOP_AFTER_LOST_LEASE_MS = 4_000;

  /**
   * How long one Lease request of the elector may take (it is never retried): the retry period (2
   * s), so an elector whose request hangs (etcd down) tries again with a fresh renewal instead of
   * waiting in it, and a leader gets several attempts within its renew deadline (10 s). The
   * watchdog's reads use the same.
   */
  static final Duration LEASE_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && TesterContract.MODE_ARGUMENT.equals(args[0])) {
      // The same image runs the model tester of a CustomModelTest's Job; no operator starts.
      System.exit(ModelTester.run(System.getenv(), System.out, System.err));
    }
    Map<String, String> env = System.getenv();
    OperatorConfig config = OperatorConfig.load(env);
    String instance = instanceName(env);
    Config clientConfig = Config.autoConfigure(null);
    // Every request names this replica: the API server's audit log tells replicas apart.
    clientConfig.setUserAgent("modelops-operator/" + instance);
    // Informers reconnect after a lost watch with an exponential backoff of this interval
    // times 2^min(attempt, 5): fabric8's 1 s default waits up to 32 s between attempts, so
    // after an API server or etcd outage the operator could stay blind for half a minute
    // (measured by `make chaos`). 100 ms caps the wait at 3.2 s: with a 250 ms base (8 s cap)
    // the informers still came back up to 8 s after the API server did, most of the operator's
    // time to converge after a long outage. Against an API server that is down that is one cheap,
    // refused request per watch every 3.2 s.
    if (System.getenv("KUBERNETES_WATCH_RECONNECTINTERVAL") == null
        && System.getProperty(Config.KUBERNETES_WATCH_RECONNECT_INTERVAL_SYSTEM_PROPERTY) == null) {
      clientConfig.setWatchReconnectInterval(100);
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);

    AtomicBoolean stopping = new AtomicBoolean();
    Semaphore lostLease = new Semaphore(0);
    LeaseWatchdog watchdog =
        config.leaderElection()
            ? new LeaseWatchdog(
                probeClient(clientConfig),
                config.leaseNamespace(),
                OperatorConfig.LEASE_NAME,
                instance,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE)
            : null;
    AtomicReference<Operator> operator =
        new AtomicReference<>(
            newOperator(config, clientConfig, registry, instance, stopping, lostLease, watchdog));
    List<String> controllers =
        Controllers.register(operator.get(), config, Controllers.all(config));
    CountDownLatch stopped = new CountDownLatch(1);
    HealthServer http =
        HealthServer.start(
            config.endpoints(),
            registry,
            () -> stopped.getCount() > 0,
            () -> controllers.isEmpty() || HealthServer.ready(operator.get().getRuntimeInfo()));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  stopping.set(true);
                  lostLease.release();
                  if (!controllers.isEmpty()) {
                    synchronized (operator) {
                      operator.get().stop();
                    }
                  }
                  if (watchdog != null) {
                    watchdog.close();
                  }
                  http.close();
                  stopped.countDown();
                },
                "modelops-shutdown"));

    LOG.info(
        "modelops-operator starting: instance {}, api server {}, namespaces {}, "
            + "leader election {}, http :{}, controllers {}",
        instance,
        clientConfig.getMasterUrl(),
        config.watchNamespaces().isEmpty() ? "all" : config.watchNamespaces(),
        config.leaderElection()
            ? "on (Lease " + config.leaseNamespace() + "/" + OperatorConfig.LEASE_NAME + ")"
            : "off",
        http.metricsPort(),
        http.probePort(),
        controllers);
    if (controllers.isEmpty()) {
      LOG.warn("no controllers are registered; serving health and metrics only");
      stopped.await();
      return;
    }
    start(operator, config, clientConfig, registry, instance, stopping, lostLease, watchdog);
    while (!stopping.get()) {
      lostLease.acquire();
      synchronized (operator) {
        if (stopping.get()) {
          break;
        }
        LOG.warn(
            "lost the Lease while running: stopping reconciliation and standing for "
                + "election again");
        stopWithin(operator.get(), STOP_AFTER_LOST_LEASE_MS);
        operator.set(
            newOperator(config, clientConfig, registry, instance, stopping, lostLease, watchdog));
        Controllers.register(operator.get(), config, Controllers.all(config));
      }
      start(operator, config, clientConfig, registry, instance, stopping, lostLease, watchdog);
    }
    stopped.await();
  }

  /**
   * The name of this replica in its Lease and user agent: {@code MODELOPS_INSTANCE}, else the pod
   * name ({@code POD_NAME}, or {@code HOSTNAME} inside a pod), else host name and process id
   * (several replicas on one machine must not share an identity, or all would lead).
   */
  static String instanceName(Map<String, String> env) {
    for (String key : List.of("MODELOPS_INSTANCE", "POD_NAME")) {
      String v = env.get(key);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    String host = env.get("HOSTNAME");
    if (env.containsKey("KUBERNETES_SERVICE_HOST") && host != null && !host.isBlank()) {
      return host.trim();
    }
    String name;
    try {
      name = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      name = "localhost";
    }
    return name + "-" + ProcessHandle.current().pid();
  }

  /** A client for the watchdog's Lease reads: short timeouts, no retries. */
  private static KubernetesClient probeClient(Config clientConfig) {
    Config probe = Config.autoConfigure(null);
    probe.setUserAgent(clientConfig.getUserAgent());
    probe.setRequestTimeout((int) LEASE_REQUEST_TIMEOUT.toMillis());
    probe.setConnectionTimeout(1_000);
    probe.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder().withConfig(probe).build();
  }

  private static Operator newOperator(
      OperatorConfig config,
      Config clientConfig,
      PrometheusMeterRegistry registry,
      String instance,
      AtomicBoolean stopping,
      Semaphore lostLease,
      LeaseWatchdog watchdog) {
    // Each operator has its own client, fenced: its writes pass only while it leads.
    LeaderFence fence = config.leaderElection() ? new LeaderFence() : LeaderFence.alwaysOpen();
    KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(clientConfig);
    if (config.leaderElection()) {
      // JOSDK's elector uses this client: its Lease requests fail fast and are never retried
      builder.withHttpClientFactory(
          LeaseRequests.apart(HttpClientUtils.getHttpClientFactory(), LEASE_REQUEST_TIMEOUT));
    }
    KubernetesClient client =
        builder
            .withHttpClientBuilderConsumer(
                b -> b.addOrReplaceInterceptor("modelops-leader-fence", fence))
            .build();
    // Each operator loses the Lease at most once, whoever notices first (JOSDK or the watchdog).
    AtomicBoolean lost = new AtomicBoolean();
    Runnable lose =
        () -> {
          fence.close();
          if (!stopping.get() && lost.compareAndSet(false, true)) {
            lostLease.release();
          }
        };
    return new Operator(
        o -> {
          o.withKubernetesClient(client)
              .withCloseClientOnStop(true)
              .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
              .withConcurrentReconciliationThreads(config.reconcileThreads());
          if (config.leaderElection()) {
            o.withLeaderElectionConfiguration(
                LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                        OperatorConfig.LEASE_NAME)
                    .withLeaseNamespace(config.leaseNamespace())
                    .withIdentity(instance)
                    // Exiting from inside JOSDK's callback would deadlock our shutdown hook on
                    // SIGTERM (the callback runs on the hook's thread then); a lost Lease outside
                    // a shutdown is handled by main() instead.
                    .withExitOnStopLeading(false)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            () -> {
                              // Runs before JOSDK starts event processing: throwing keeps it from
                              // starting (the elector then fails its next renewal, or is stopped).
                              long age = watchdog.confirmAcquired();
                              if (age < 0 || age > watchdog.maxAcquireAgeMs()) {
                                LOG.warn(
                                    "{} acquired the Lease but cannot confirm it promptly (renewal "
                                        + "{} ms old): not reconciling",
                                    instance,
                                    age);
                                lose.run();
                                throw new IllegalStateException("Lease acquisition not confirmed");
                              }
                              LOG.info(
                                  "{} leads (Lease {}/{})",
                                  instance,
                                  config.leaseNamespace(),
                                  OperatorConfig.LEASE_NAME);
                              watchdog.leading(lose);
                              fence.open();
                            },
                            () -> {
                              fence.close();
                              watchdog.standby(lose);
                              if (!stopping.get()) {
                                LOG.warn("{} stopped leading", instance);
                                lose.run();
                              }
                            },
                            leader -> LOG.info("leader is now {}", leader)))
                    .build());
          }
        });
  }

  /**
   * Starts the operator; when that fails (the API server cannot be reached, informers do not sync),
   * replaces it with a new one and tries again every few seconds instead of exiting.
   */
  private static void start(
      AtomicReference<Operator> operator,
      OperatorConfig config,
      Config clientConfig,
      PrometheusMeterRegistry registry,
      String instance,
      AtomicBoolean stopping,
      Semaphore lostLease,
      LeaseWatchdog watchdog)
      throws InterruptedException {
    while (!stopping.get()) {
      try {
        operator.get().start();
        return;
      } catch (RuntimeException e) {
        LOG.error("could not start the operator; trying again in 5 s", e);
      }
      Thread.sleep(5_000);
      synchronized (operator) {
        if (stopping.get()) {
          return;
        }
        try {
          operator.get().stop();
        } catch (RuntimeException e) {
          LOG.warn("stopping the operator that did not start failed", e);
        }
        operator.set(
            newOperator(config, clientConfig, registry, instance, stopping, lostLease, watchdog));
        Controllers.register(operator.get(), config, Controllers.all(config));
      }
    }
  }

  /** Stops the operator; halts the process if that takes longer than {@code millis}. */
  private static void stopWithin(Operator operator, long millis) {
    long t0 = System.nanoTime();
    Thread stopper = new Thread(operator::stop, "modelops-stop-after-lost-lease");
    stopper.setDaemon(true);
    stopper.start();
    try {
      stopper.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (stopper.isAlive()) {
      LOG.error(
          "reconciliation did not stop within {} ms of losing the Lease; halting so two "
              + "replicas never write at once",
          millis);
      Runtime.getRuntime().halt(2);
    }
    LOG.info(
        "stopped reconciling {} ms after losing the Lease", (System.nanoTime() - t0) / 1_000_000);
  }
}
