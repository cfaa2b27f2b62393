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
 * A client whose requests are recorded, to prove that a reconcile of unchanged, Ready resources
 * writes nothing (POST, PUT, PATCH, DELETE) and reads nothing it need not, and which fields its
 * writes touch.
 */
public final class RequestCounter {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Write> writeBodies = new CopyOnWriteArrayList<>();
  private final KubernetesClient client;

  public RequestCounter(Config config) {
    this.client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientBuilderConsumer(
                b ->
                    b.addOrReplaceInterceptor(
                        "count-writes",
                        new Interceptor() {
                          @Override
                          public void before(
                              BasicBuilder builder, HttpRequest request, RequestTags tags) {
                            requests.add(request.method() + " " + request.uri().getPath());
                            if (!request.method().equals("GET")) {
                              writeBodies.add(
                                  new Write(
                                      request.method(),
                                      request.uri().getPath(),
                                      request.bodyString()));
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
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  /** The GET requests recorded so far (gets, lists and watches), as "GET path". */
  public List<String> reads() {
    return requests.stream().filter(r -> r.startsWith("GET ")).toList();
  }

  /** A write request with its body (empty when it had none). */
  public record Write(String method, String path, String body) {
    public Write {
      body = body == null ? "" : body;
    }
  }

  /** The writes recorded so far, with their bodies, to tell which fields they touch. */
  public List<Write> writesWithBodies() {
    return List.copyOf(writeBodies);
  }

  public void reset() {
    requests.clear();
    writeBodies.clear();
  }
}
