package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.absolutePath;
import static io.modelops.operator.pod.InputChecks.requireText;

/**
 * A ConfigMap mounted read-only as a directory in the main container, for example the custom metric
 * definitions of a hostedCustomMetric job.
 *
 * @param configMapName the ConfigMap's name
 * @param mountPath the absolute directory its keys appear in
 */
public record ConfigMapMount(String configMapName, String mountPath) {
  public ConfigMapMount {
    requireText(configMapName, "ConfigMap name");
    mountPath = absolutePath(mountPath, "ConfigMap mountPath");
  }
}
