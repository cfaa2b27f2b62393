package io.modelops.operator.bootstrap;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a leading replica give up on its own clock. fabric8's leader elector notices a missed renew
 * deadline only when its renew call returns, and during an API server or etcd outage that call can
 * hang (request timeout, then retries) well past the lease duration, while another replica has
 * already taken the Lease: two leaders (measured by {@code make chaos}). The watchdog reads the
 * Lease every second with a client of its own (short timeouts, no retries) and, every 250 ms and
 * without any I/O, checks that a renewal by this replica was confirmed within the renew deadline;
 * otherwise — or if the Lease names another holder — it reports the Lease lost. The renew time is
 * written by this replica from its own clock, so comparing it with this clock is sound.
 *
 * <p>It also vets an acquisition ({@link #confirmAcquired}): fabric8 judges a Lease expired by its
 * renew time, which the writer sets when it builds the request; a write that waited in the API
 * server (etcd down) lands with an old renew time, so other replicas may take the Lease the moment
 * it is written. A replica whose acquiring write is older than half the renew deadline does not
 * start reconciling.
 */
final class LeaseWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseWatchdog.class);

  private final KubernetesClient probe;
  private final String namespace;
  private final String name;
  private final String identity;
  private final long renewDeadlineMs;
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "modelops-lease-watchdog");
            t.setDaemon(true);
            return t;
          });
  private volatile Runnable onLost;
  private volatile long lastRenewMs;

  LeaseWatchdog(
      KubernetesClient probe,
      String namespace,
      String name,
      String identity,
      Duration renewDeadline) {
    this.probe = probe;
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
    this.renewDeadlineMs = renewDeadline.toMillis();
    timer.scheduleWithFixedDelay(this::read, 1, 1, TimeUnit.SECONDS);
    timer.scheduleWithFixedDelay(this::check, 250, 250, TimeUnit.MILLISECONDS);
  }

  /**
   * Right after this replica acquired the Lease: how old (ms) the renewal that makes it leader is,
   * or -1 when the Lease names another holder, cannot be read, or cannot be renewed.
   *
   * <p>When the Lease names this replica but its renewal is older than {@link #maxAcquireAgeMs()},
   * the replica renews it itself, by a compare-and-swap on the Lease's resourceVersion, and answers
   * how long that write took. Two cases lead here: an acquiring write that waited in the API server
   * and landed with an old renew time, and fabric8's elector announcing leadership from the record
   * it read, before writing its own renewal (it calls back from {@code updateObserved} with the old
   * record, which after a stop-and-restand in this process already names this replica). The swap
   * succeeds only if nobody wrote the Lease since it was read, so no other replica can hold it; its
   * renew time is this replica's clock when it built the write.
   */
  long confirmAcquired() {
    try {
      Lease lease = probe.leases().inNamespace(namespace).withName(name).get();
      if (lease == null
          || lease.getSpec() == null
          || !identity.equals(lease.getSpec().getHolderIdentity())
          || lease.getSpec().getRenewTime() == null) {
        return -1;
      }
      long renewed = lease.getSpec().getRenewTime().toInstant().toEpochMilli();
      long age = Math.max(0, System.currentTimeMillis() - renewed);
      if (age <= maxAcquireAgeMs()) {
        lastRenewMs = renewed;
        return age;
      }
      ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC);
      lease.getSpec().setRenewTime(at);
      probe.leases().inNamespace(namespace).resource(lease).update();
      long took = System.currentTimeMillis() - at.toInstant().toEpochMilli();
      LOG.info(
          "{} renewed the Lease it was given with a renewal {} ms old ({} ms)",
          identity,
          age,
          took);
      lastRenewMs = at.toInstant().toEpochMilli();
      return took;
    } catch (RuntimeException e) {
      LOG.warn("cannot confirm the Lease just acquired", e);
      return -1;
    }
  }

  /** Acquisitions whose renewal is older than this are refused. */
  long maxAcquireAgeMs() {
    return renewDeadlineMs / 2;
  }

  /** This replica leads (confirmed); {@code lost} runs (once) if it stops holding the Lease. */
  synchronized void leading(Runnable lost) {
    onLost = lost;
  }

  /** The leadership {@code lost} was given for ended (this replica stopped, or knows). */
  synchronized void standby(Runnable lost) {
    if (onLost == lost) {
      onLost = null;
    }
  }

  private void read() {
    if (onLost == null) {
      return;
    }
    try {
      Lease lease = probe.leases().inNamespace(namespace).withName(name).get();
      String holder =
          lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
      if (!identity.equals(holder)) {
        lost("the Lease names " + holder);
        return;
      }
      if (lease.getSpec().getRenewTime() != null) {
        lastRenewMs =
            Math.max(lastRenewMs, lease.getSpec().getRenewTime().toInstant().toEpochMilli());
      }
    } catch (RuntimeException e) {
      // API server unreachable: check() judges by the last renewal confirmed
      LOG.debug("cannot read the Lease", e);
    }
  }

  private void check() {
    long since = System.currentTimeMillis() - lastRenewMs;
    if (onLost != null && since > renewDeadlineMs) {
      lost("no renewal confirmed for " + since + " ms");
    }
  }

  private void lost(String why) {
    Runnable run;
    synchronized (this) {
      run = onLost;
      onLost = null;
    }
    if (run != null) {
      LOG.warn("{} no longer holds the Lease: {}", identity, why);
      run.run();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    probe.close();
  }
}
