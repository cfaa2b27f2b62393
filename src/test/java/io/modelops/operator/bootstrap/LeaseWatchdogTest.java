package io.modelops.operator.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Confirming an acquired Lease: a renewal that is fresh confirms it; one that is old — a write that
 * waited in the API server, or fabric8's elector announcing leadership from a record it read before
 * writing its own renewal — is renewed by compare-and-swap instead of refused, so a replica that
 * already holds the Lease is not locked out of it until the Lease expires; a Lease that names
 * another replica is never taken.
 */
@EnableKubernetesMockClient(crud = true)
class LeaseWatchdogTest {
  KubernetesClient client;

  private void lease(String holder, ZonedDateTime renewed) {
    client
        .leases()
        .inNamespace("ops")
        .resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withName("leader")
                .withNamespace("ops")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity(holder)
                .withLeaseDurationSeconds(15)
                .withRenewTime(renewed)
                .withAcquireTime(renewed)
                .endSpec()
                .build())
        .create();
  }

  private LeaseWatchdog watchdog() {
    // The watchdog closes its client: give it one of its own.
    KubernetesClient probe =
        new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    return new LeaseWatchdog(probe, "ops", "leader", "op-1", Duration.ofSeconds(10));
  }

  private Lease stored() {
    return client.leases().inNamespace("ops").withName("leader").get();
  }

  @Test
  void aFreshRenewalConfirmsTheLeaseAsItIs() {
    ZonedDateTime renewed = ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    lease("op-1", renewed);
    String version = stored().getMetadata().getResourceVersion();
    try (LeaseWatchdog watchdog = watchdog()) {
      assertThat(watchdog.confirmAcquired()).isBetween(0L, watchdog.maxAcquireAgeMs());
    }
    assertThat(stored().getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void anOldRenewalOfThisReplicaIsRenewedNotRefused() {
    ZonedDateTime old = ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(9);
    lease("op-1", old);
    try (LeaseWatchdog watchdog = watchdog()) {
      long age = watchdog.confirmAcquired();
      assertThat(age).isBetween(0L, watchdog.maxAcquireAgeMs());
    }
    Lease now = stored();
    assertThat(now.getSpec().getHolderIdentity()).isEqualTo("op-1");
    assertThat(now.getSpec().getRenewTime()).isAfter(old.plusSeconds(8));
  }

  @Test
  void aLeaseThatNamesAnotherReplicaIsNeverTaken() {
    lease("op-2", ZonedDateTime.now(ZoneOffset.UTC).minusSeconds(9));
    try (LeaseWatchdog watchdog = watchdog()) {
      assertThat(watchdog.confirmAcquired()).isEqualTo(-1);
    }
    assertThat(stored().getSpec().getHolderIdentity()).isEqualTo("op-2");
  }
}
