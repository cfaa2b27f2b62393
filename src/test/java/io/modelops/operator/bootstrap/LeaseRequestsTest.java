package io.modelops.operator.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's client sends the elector's Lease requests apart: a Lease request that fails is not
 * retried and one that hangs times out, while every other request keeps fabric8's retries and
 * timeout; interceptors added to the client (authentication, the leader fence) apply to both.
 */
@EnableKubernetesMockClient
class LeaseRequestsTest {
  private static final String LEASE = "/apis/coordination.k8s.io/v1/namespaces/ops/leases/leader";
  private static final String CONFIG_MAP = "/api/v1/namespaces/ops/configmaps/settings";

  KubernetesMockServer server;
  KubernetesClient mock;

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private KubernetesClient client;

  @BeforeEach
  void operatorClient() {
    Config config =
        new ConfigBuilder(mock.getConfiguration())
            .withRequestRetryBackoffLimit(3)
            .withRequestRetryBackoffInterval(10)
            .withRequestTimeout(10_000)
            .build();
    Interceptor recorder =
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            seen.add(request.method() + " " + request.uri().getPath());
          }
        };
    client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(
                LeaseRequests.apart(HttpClientUtils.getHttpClientFactory(), Duration.ofMillis(500)))
            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("recorder", recorder))
            .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void aLeaseRequestThatFailsIsSentOnceWhileOtherRequestsAreRetried() {
    server.expect().get().withPath(LEASE).andReturn(503, "etcd unavailable").always();
    server.expect().get().withPath(CONFIG_MAP).andReturn(503, "etcd unavailable").times(2);
    server
        .expect()
        .get()
        .withPath(CONFIG_MAP)
        .andReturn(
            200,
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("ops")
                .endMetadata()
                .build())
        .once();

    assertThatThrownBy(() -> client.leases().inNamespace("ops").withName("leader").get())
        .isInstanceOf(KubernetesClientException.class);
    assertThat(client.configMaps().inNamespace("ops").withName("settings").get()).isNotNull();

    assertThat(seen).filteredOn(r -> r.equals("GET " + LEASE)).hasSize(1);
    assertThat(seen).filteredOn(r -> r.equals("GET " + CONFIG_MAP)).hasSize(3);
  }

  @Test
  void aLeaseRequestThatHangsTimesOut() {
    server
        .expect()
        .get()
        .delay(5, TimeUnit.SECONDS)
        .withPath(LEASE)
        .andReturn(
            200,
            new LeaseBuilder()
                .withNewMetadata()
                .withName("leader")
                .withNamespace("ops")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("op-1")
                .endSpec()
                .build())
        .always();

    // Without its own timeout the request would return the Lease after 5 s (the client's
    // timeout is 10 s); with it, the elector gets an error and tries again afresh.
    assertThatThrownBy(() -> client.leases().inNamespace("ops").withName("leader").get())
        .isInstanceOf(KubernetesClientException.class);
    assertThat(seen).filteredOn(r -> r.equals("GET " + LEASE)).hasSize(1);
  }

  @Test
  void aLeaseWriteThatFailsIsSentOnce() {
    server.expect().post().withPath(LEASE.replace("/leader", "")).andReturn(500, "").always();

    assertThatThrownBy(
            () ->
                client
                    .leases()
                    .inNamespace("ops")
                    .resource(
                        new LeaseBuilder()
                            .withNewMetadata()
                            .withName("leader")
                            .withNamespace("ops")
                            .endMetadata()
                            .build())
                    .create())
        .isInstanceOf(KubernetesClientException.class);
    assertThat(seen).filteredOn(r -> r.equals("POST " + LEASE.replace("/leader", ""))).hasSize(1);
  }

  @Test
  void theLeaseRequestSettingsDifferOnlyInRetries() {
    RequestConfig settings =
        new ConfigBuilder(mock.getConfiguration())
            .withRequestRetryBackoffLimit(7)
            .withRequestTimeout(9_000)
            .withWatchReconnectInterval(100)
            .withImpersonateUsername("auditor")
            .withImpersonateGroups("auditors")
            .build()
            .getRequestConfig();

    RequestConfig leases = LeaseRequests.withoutRetries(settings);

    assertThat(leases.getRequestRetryBackoffLimit()).isZero();
    assertThat(settings.getRequestRetryBackoffLimit()).isEqualTo(7);
    assertThat(leases)
        .usingRecursiveComparison()
        .ignoringFields("requestRetryBackoffLimit")
        .isEqualTo(settings);
  }
}
