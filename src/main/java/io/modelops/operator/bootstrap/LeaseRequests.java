package io.modelops.operator.bootstrap;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.TlsVersion;
import io.fabric8.kubernetes.client.http.WebSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * Sends the leader election's Lease requests apart from everything else the operator's client
 * sends: with a short timeout and never retried.
 *
 * <p>JOSDK runs its elector on the operator's own client, whose requests fabric8 retries (up to 10
 * times, with the same body) and lets run for the request timeout (10 s). For reconciliation that
 * is right: a write that failed during a blip lands within seconds of the API answering. For the
 * elector it is not (measured by {@code make chaos}): while etcd was down a replica's acquiring
 * write was resent until it landed 94.5 s after it was built, with a renew time that old, and no
 * elector could try again while it was inside such a request — no replica led until 25 s after etcd
 * answered. An elector must instead fail fast and build its next attempt afresh, with the current
 * time, every retry period.
 *
 * <p>The factory builds two HTTP clients with the same settings and interceptors (authentication,
 * the leader fence): one for everything, and one for paths under {@code coordination.k8s.io} whose
 * requests time out after {@code timeout} and are not retried. A derived client ({@link
 * HttpClient#newBuilder()}, used for watches and per-operation settings) comes from the first.
 */
final class LeaseRequests implements HttpClient.Factory {
  private static final String LEASE_PATH = "/apis/coordination.k8s.io/";

  private final HttpClient.Factory inner;
  private final Duration timeout;

  private LeaseRequests(HttpClient.Factory inner, Duration timeout) {
    this.inner = inner;
    this.timeout = timeout;
  }

  /** A factory around {@code inner} whose clients send Lease requests with {@code timeout}. */
  static HttpClient.Factory apart(HttpClient.Factory inner, Duration timeout) {
    return new LeaseRequests(inner, timeout);
  }

  /** Whether {@code request} is one of the election's (a path under coordination.k8s.io). */
  static boolean isLease(HttpRequest request) {
    return request.uri().getPath().contains(LEASE_PATH);
  }

  @Override
  public HttpClient.Builder newBuilder(Config config) {
    // The same configuration (credentials and their refresh, TLS, proxy), other request settings.
    HttpClient.Builder forLeases = inner.newBuilder(config);
    forLeases.tag(withoutRetries(config.getRequestConfig()));
    long connect = config.getConnectionTimeout();
    forLeases.connectTimeout(
        connect > 0 ? Math.min(connect, timeout.toMillis()) : timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    // fabric8 sets each request's timeout from the client's configuration, not the HTTP client's
    forLeases.addOrReplaceInterceptor("modelops-lease-timeout", new Timeout(timeout));
    return new Builder(inner.newBuilder(config), forLeases);
  }

  /** {@code settings} with fabric8's request retries off. */
  static RequestConfig withoutRetries(RequestConfig settings) {
    RequestConfig copy = new RequestConfigBuilder(settings).withRequestRetryBackoffLimit(0).build();
    // impersonation is not part of the builder
    copy.setImpersonateUsername(settings.getImpersonateUsername());
    copy.setImpersonateGroups(settings.getImpersonateGroups());
    copy.setImpersonateExtras(settings.getImpersonateExtras());
    return copy;
  }

  /** Without a configuration there are no request settings to keep apart: the inner builder. */
  @Override
  public HttpClient.Builder newBuilder() {
    return inner.newBuilder();
  }

  @Override
  public int priority() {
    return inner.priority();
  }

  private static final class Timeout implements Interceptor {
    private final Duration timeout;

    Timeout(Duration timeout) {
      this.timeout = timeout;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      if (builder instanceof HttpRequest.Builder b) {
        b.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Applies every setting to both clients' builders. */
  private static final class Builder implements HttpClient.Builder {
    private final HttpClient.Builder all;
    private final HttpClient.Builder leases;

    Builder(HttpClient.Builder all, HttpClient.Builder leases) {
      this.all = all;
      this.leases = leases;
    }

    @Override
    public HttpClient build() {
      return new Client(all.build(), leases.build());
    }

    @Override
    public HttpClient.Builder connectTimeout(long connectTimeout, TimeUnit unit) {
      all.connectTimeout(connectTimeout, unit);
      return this;
    }

    @Override
    public HttpClient.Builder addOrReplaceInterceptor(String name, Interceptor interceptor) {
      all.addOrReplaceInterceptor(name, interceptor);
      leases.addOrReplaceInterceptor(name, interceptor);
      return this;
    }

    @Override
    public HttpClient.Builder authenticatorNone() {
      all.authenticatorNone();
      leases.authenticatorNone();
      return this;
    }

    @Override
    public HttpClient.Builder tag(Object value) {
      all.tag(value);
      return this;
    }

    @Override
    public HttpClient.Builder sslContext(KeyManager[] keyManagers, TrustManager[] trustManagers) {
      all.sslContext(keyManagers, trustManagers);
      leases.sslContext(keyManagers, trustManagers);
      return this;
    }

    @Override
    public HttpClient.Builder followAllRedirects() {
      all.followAllRedirects();
      leases.followAllRedirects();
      return this;
    }

    @Override
    public HttpClient.Builder proxyAddress(InetSocketAddress proxyAddress) {
      all.proxyAddress(proxyAddress);
      leases.proxyAddress(proxyAddress);
      return this;
    }

    @Override
    public HttpClient.Builder proxyAuthorization(String credentials) {
      all.proxyAuthorization(credentials);
      leases.proxyAuthorization(credentials);
      return this;
    }

    @Override
    public HttpClient.Builder tlsVersions(TlsVersion... tlsVersions) {
      all.tlsVersions(tlsVersions);
      leases.tlsVersions(tlsVersions);
      return this;
    }

    @Override
    public HttpClient.Builder preferHttp11() {
      all.preferHttp11();
      leases.preferHttp11();
      return this;
    }

    @Override
    public HttpClient.Builder proxyType(HttpClient.ProxyType type) {
      all.proxyType(type);
      leases.proxyType(type);
      return this;
    }
  }

  private static final class Client implements HttpClient {
    private final HttpClient all;
    private final HttpClient leases;

    Client(HttpClient all, HttpClient leases) {
      this.all = all;
      this.leases = leases;
    }

    private HttpClient route(HttpRequest request) {
      return isLease(request) ? leases : all;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, Class<T> type) {
      return route(request).sendAsync(request, type);
    }

    @Override
    public CompletableFuture<HttpResponse<AsyncBody>> consumeBytes(
        HttpRequest request, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
      return route(request).consumeBytes(request, consumer);
    }

    @Override
    public DerivedClientBuilder newBuilder() {
      return all.newBuilder();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
      return all.newWebSocketBuilder();
    }

    @Override
    public HttpRequest.Builder newHttpRequestBuilder() {
      return all.newHttpRequestBuilder();
    }

    @Override
    public boolean isClosed() {
      return all.isClosed();
    }

    @Override
    public void close() {
      all.close();
      leases.close();
    }
  }
}
