package io.modelops.operator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Write requests counted by the API server itself ({@code apiserver_request_total} from
 * kube-apiserver's {@code /metrics}, read with the admin kubeconfig), keyed by {@code VERB
 * resource[/subresource]}. The metric carries no client label, so requests are attributed by what
 * only the operator writes on this cluster (see {@link #operator}).
 */
record ApiServerWrites(Map<String, Long> counts) {
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Set<String> READS = Set.of("GET", "LIST", "WATCH", "CONNECT");

  /**
   * Writes only the operator makes here: server-side applies (and deletes) of the objects it owns,
   * and its status writes. kube-controller-manager writes Deployments with PUT (revision
   * annotation) and deployments/status; this harness writes custom resources without a subresource;
   * events are left out (the controller-manager emits them too).
   */
  private static final Set<String> OPERATOR =
      Set.of(
          "APPLY deployments",
          "PATCH deployments",
          "POST deployments",
          "DELETE deployments",
          "APPLY services",
          "PATCH services",
          "POST services",
          "PUT services",
          "DELETE services",
          "APPLY networkpolicies",
          "PATCH networkpolicies",
          "POST networkpolicies",
          "PUT networkpolicies",
          "DELETE networkpolicies",
          "APPLY poddisruptionbudgets",
          "PATCH poddisruptionbudgets",
          "POST poddisruptionbudgets",
          "PUT poddisruptionbudgets",
          "DELETE poddisruptionbudgets",
          "APPLY custommodels/status",
          "PATCH custommodels/status",
          "PUT custommodels/status",
          "APPLY custommodelversions/status",
          "PATCH custommodelversions/status",
          "PUT custommodelversions/status");

  static ApiServerWrites scrape(KubernetesClient admin) {
    Map<String, Long> counts = new TreeMap<>();
    for (String line : admin.raw("/metrics").split("\n")) {
      if (!line.startsWith("apiserver_request_total{")) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      Matcher m = LABEL.matcher(line.substring(0, line.lastIndexOf('}')));
      while (m.find()) {
        labels.put(m.group(1), m.group(2));
      }
      String verb = labels.getOrDefault("verb", "");
      if (READS.contains(verb)) {
        continue;
      }
      String sub = labels.getOrDefault("subresource", "");
      if ("DELETE".equals(verb) && !"resource".equals(labels.get("scope"))) {
        verb = "DELETECOLLECTION"; // the namespace controller emptying a deleted namespace
      }
      String key =
          verb + " " + labels.getOrDefault("resource", "") + (sub.isEmpty() ? "" : "/" + sub);
      long value = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      counts.merge(key, value, Long::sum);
    }
    return new ApiServerWrites(counts);
  }

  /** Writes between {@code before} and this scrape, zero entries dropped. */
  ApiServerWrites since(ApiServerWrites before) {
    Map<String, Long> d = new TreeMap<>();
    counts.forEach(
        (k, v) -> {
          long delta = v - before.counts.getOrDefault(k, 0L);
          if (delta != 0) {
            d.put(k, delta);
          }
        });
    return new ApiServerWrites(d);
  }

  /** The writes attributed to the operator, by verb and resource. */
  Map<String, Long> operator() {
    Map<String, Long> d = new TreeMap<>();
    counts.forEach(
        (k, v) -> {
          if (OPERATOR.contains(k)) {
            d.put(k, v);
          }
        });
    return d;
  }

  long operatorTotal() {
    return operator().values().stream().mapToLong(Long::longValue).sum();
  }

  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
