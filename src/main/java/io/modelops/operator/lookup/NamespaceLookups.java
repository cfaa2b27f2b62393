package io.modelops.operator.lookup;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads, by name, the objects a user's spec references in its namespace — Secrets, ConfigMaps,
 * PersistentVolumeClaims — to refuse a reference to something missing. Only {@code get} by name:
 * the operator never lists or watches Secrets, and never copies their values anywhere.
 */
public interface NamespaceLookups {
  /** These objects are not watched: a refusal that depends on one is re-checked this often. */
  Duration RECHECK = Duration.ofSeconds(20);

  /** Whether any problem depends on a Secret, ConfigMap or PVC lookup (so may heal by itself). */
  static boolean dependOnLookups(List<Problem> problems) {
    Set<String> reasons =
        Set.of(
            Reasons.SECRET_NOT_FOUND,
            Reasons.SECRET_KEY_NOT_FOUND,
            Reasons.CONFIG_MAP_NOT_FOUND,
            Reasons.PERSISTENT_VOLUME_CLAIM_NOT_FOUND);
    return problems.stream().anyMatch(p -> reasons.contains(p.reason()));
  }

  /** Whether Secret {@code name} exists and has {@code key}. */
  SecretState secret(String name, String key);

  boolean configMapExists(String name);

  boolean persistentVolumeClaimExists(String name);

  /** What a Secret reference finds. */
  enum SecretState {
    PRESENT,
    NO_SECRET,
    NO_KEY
  }

  /**
   * Answers "present" to everything: for a spec whose references were already looked up and found
   * at its current generation (see {@code VersionResolution.lookupsFor}), so routine reconciles — a
   * model's status change, a Deployment becoming Available — cost no reads.
   */
  NamespaceLookups VERIFIED =
      new NamespaceLookups() {
        @Override
        public SecretState secret(String name, String key) {
          return SecretState.PRESENT;
        }

        @Override
        public boolean configMapExists(String name) {
          return true;
        }

        @Override
        public boolean persistentVolumeClaimExists(String name) {
          return true;
        }
      };

  /** Lookups through the API server in {@code namespace}. */
  static NamespaceLookups of(KubernetesClient client, String namespace) {
    return new NamespaceLookups() {
      @Override
      public SecretState secret(String name, String key) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
          return SecretState.NO_SECRET;
        }
        boolean has =
            Optional.ofNullable(secret.getData()).map(d -> d.containsKey(key)).orElse(false)
                || Optional.ofNullable(secret.getStringData())
                    .map(d -> d.containsKey(key))
                    .orElse(false);
        return has ? SecretState.PRESENT : SecretState.NO_KEY;
      }

      @Override
      public boolean configMapExists(String name) {
        ConfigMap cm = client.configMaps().inNamespace(namespace).withName(name).get();
        return cm != null;
      }

      @Override
      public boolean persistentVolumeClaimExists(String name) {
        return client.persistentVolumeClaims().inNamespace(namespace).withName(name).get() != null;
      }
    };
  }
}
