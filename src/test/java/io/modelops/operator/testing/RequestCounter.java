package io.modelops.operator.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client whose write requests (POST, PUT, PATCH, DELETE) are recorded, to prove that a
 * reconcile of unchanged, Ready resources writes nothing.
 */
public final class RequestCounter {
  private final List<String> writes = new CopyOnWriteArrayList<>();
  private final KubernetesClient client;

  public RequestCounter(Config config) {
    this.client = new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("count-writes",
            new Interceptor() {
              @Override
              public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                if (!"GET".equals(request.method())) {
                  writes.add(request.method() + " " + request.uri().getPath());
                }
              }
            }))
        .build();
  }

  public KubernetesClient client() {
    return client;
  }

  /** The writes recorded so far, as "METHOD path". */
  public List<String> writes() {
    return List.copyOf(writes);
  }

  public void reset() {
    writes.clear();
  }
}
