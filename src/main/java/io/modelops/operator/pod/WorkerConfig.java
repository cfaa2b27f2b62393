package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.requireText;

/**
 * A job's worker configuration (its inputs and outputs): one key of a ConfigMap, mounted read-only
 * as the file {@code /etc/modelops/worker-config.json}.
 *
 * @param configMapName the ConfigMap the operator wrote the configuration into
 * @param key the key holding the JSON document
 */
public record WorkerConfig(String configMapName, String key) {
  public WorkerConfig {
    requireText(configMapName, "worker config ConfigMap name");
    requireText(key, "worker config key");
  }
}
