package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;

/** Where things live in an assembled pod: paths, volume names and init container names. */
final class PodLayout {
  /** The code directory in the main container; read-only. */
  static final String CODE_DIR = "/opt/code";

  /** The only writable directory of every container (the root filesystem is read-only). */
  static final String TMP_DIR = "/tmp";

  /** The worker configuration file of a job. */
  static final String WORKER_CONFIG_FILE = "/etc/modelops/worker-config.json";

  static final String WORKER_CONFIG_FILE_NAME = "worker-config.json";

  /** The code volume as init containers see it: writable, so they can fill it. */
  static final String CODE_WORKSPACE = "/workspace";

  static final String CODE_VOLUME = "code";
  static final String TMP_VOLUME = "tmp";
  static final String WORKER_CONFIG_VOLUME = "worker-config";
  static final String CONFIG_MAP_VOLUME_PREFIX = "config-";

  static final String GIT_FETCH_CONTAINER = "fetch-code";
  static final String IMAGE_COPY_CONTAINER = "copy-code";

  private PodLayout() {}

  static VolumeMount tmpMount() {
    return new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath(TMP_DIR).build();
  }
}
