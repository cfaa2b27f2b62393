package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.requireText;

/**
 * One key of a Secret in the workload's namespace, handed to a container through {@code
 * secretKeyRef} so its value never appears in the pod spec.
 *
 * @param name the Secret's name
 * @param key the key inside the Secret
 */
public record SecretKey(String name, String key) {
  public SecretKey {
    requireText(name, "secret name");
    requireText(key, "secret key");
  }
}
