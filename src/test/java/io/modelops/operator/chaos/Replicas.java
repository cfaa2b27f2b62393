package io.modelops.operator.chaos;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelops.operator.bench.OperatorProcess;
import io.modelops.operator.config.OperatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Operator replicas as the chart runs them — leader election on the chart's Lease
 * (modelops-operator-leader, JOSDK's default timings), each its own process — under a supervisor
 * that plays the kubelet: a replica that exits (killed by the harness, or by itself) is started
 * again after {@link #RESTART_DELAY}, with a new name (as a new pod would have). Exits the harness
 * did not cause are counted: an API outage must cause none.
 */
final class Replicas implements AutoCloseable {
  static final String LEASE_NAMESPACE = "modelops-chaos";
  static final Duration RESTART_DELAY = Duration.ofSeconds(2);

  /** One replica slot: its current process and name. */
  final class Slot {
    final int index;
    volatile OperatorProcess process;
    volatile String instance;
    volatile int incarnation;
    volatile boolean killedByHarness;
    volatile long exitedNanos;

    Slot(int index) {
      this.index = index;
    }
  }

  /** Something that happened to a replica, for the report and the takeover analysis. */
  record Event(Instant at, String instance, String what) {}

  private final List<Slot> slots = new ArrayList<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> javaArgs;
  private final String namespace;
  private final Path logDir;
  private final KubernetesClient admin;
  private volatile Path kubeconfig;
  private volatile boolean closed;
  private final Thread supervisor;
  private volatile int unexpectedExits;
  private volatile int restarts;

  Replicas(
      int count,
      List<String> javaArgs,
      Path kubeconfig,
      String namespace,
      Path logDir,
      KubernetesClient admin)
      throws Exception {
    this.javaArgs = List.copyOf(javaArgs);
    this.kubeconfig = kubeconfig;
    this.namespace = namespace;
    this.logDir = logDir;
    this.admin = admin;
    for (int i = 0; i < count; i++) {
      Slot s = new Slot(i);
      slots.add(s);
      launch(s);
    }
    // The harness interrupted (Ctrl-C): no replica outlives it.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    slots.forEach(
                        s -> {
                          s.killedByHarness = true;
                          s.process.signal(true);
                        })));
    supervisor = new Thread(this::supervise, "chaos-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  /** Replicas started from now on use this kubeconfig (the fault proxy's, or the cluster's). */
  void useKubeconfig(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  private synchronized void launch(Slot s) throws Exception {
    s.incarnation++;
    s.instance = "chaos-op-" + s.index + "-" + s.incarnation;
    s.killedByHarness = false;
    s.process =
        OperatorProcess.startReplica(
            javaArgs,
            kubeconfig,
            namespace,
            Map.of(
                "MODELOPS_LEADER_ELECTION",
                "true",
                "MODELOPS_LEASE_NAMESPACE",
                LEASE_NAMESPACE,
                "MODELOPS_INSTANCE",
                s.instance,
                "MODELOPS_RECONCILE_THREADS",
                "8"),
            logDir.resolve(s.instance + ".log"));
    events.add(new Event(Instant.now(), s.instance, "started"));
  }

  private void supervise() {
    while (!closed) {
      try {
        for (Slot s : slots) {
          OperatorProcess p = s.process;
          if (p.alive()) {
            continue;
          }
          if (s.exitedNanos == 0) {
            s.exitedNanos = System.nanoTime();
            if (!s.killedByHarness) {
              unexpectedExits++;
              events.add(
                  new Event(
                      Instant.now(), s.instance, "exited by itself with code " + p.exitValue()));
            }
          } else if (System.nanoTime() - s.exitedNanos >= RESTART_DELAY.toNanos() && !closed) {
            s.exitedNanos = 0;
            restarts++;
            launch(s);
          }
        }
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        events.add(new Event(Instant.now(), "-", "supervisor: " + e));
      }
    }
  }

  /** The Lease as the API server has it, or null. */
  Lease lease() {
    return admin.leases().inNamespace(LEASE_NAMESPACE).withName(OperatorConfig.LEASE_NAME).get();
  }

  /** The replica holding the Lease, or null (none yet, or a name of an exited replica). */
  Slot leader() {
    Lease lease = lease();
    if (lease == null || lease.getSpec() == null) {
      return null;
    }
    String holder = lease.getSpec().getHolderIdentity();
    for (Slot s : slots) {
      if (s.instance.equals(holder) && s.process.alive()) {
        return s;
      }
    }
    return null;
  }

  /** Waits until a live replica holds the Lease; that replica, or null at the timeout. */
  Slot awaitLeader(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Slot s = leader();
        if (s != null) {
          return s;
        }
      } catch (RuntimeException e) {
        // API server unreachable: keep waiting
      }
      Thread.sleep(100);
    }
    return null;
  }

  /** Kills a replica (SIGKILL when {@code force}, else SIGTERM); the supervisor restarts it. */
  String kill(Slot s, boolean force) {
    s.killedByHarness = true;
    String name = s.instance;
    events.add(new Event(Instant.now(), name, force ? "SIGKILL" : "SIGTERM"));
    s.process.signal(force);
    return name;
  }

  List<Slot> slots() {
    return slots;
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  int unexpectedExits() {
    return unexpectedExits;
  }

  int restarts() {
    return restarts;
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    supervisor.interrupt();
    for (Slot s : slots) {
      s.killedByHarness = true;
      s.process.close();
    }
  }
}
