package io.modelops.operator.lookup;

import java.util.Map;
import java.util.Set;

/** {@link NamespaceLookups} with fixed answers, for tests and benchmarks. */
public final class FixedLookups {
  private FixedLookups() {}

  /**
   * @param secretKeys the keys of each existing Secret, by name
   * @param configMaps the existing ConfigMaps
   * @param claims the existing PersistentVolumeClaims
   */
  public static NamespaceLookups of(
      Map<String, Set<String>> secretKeys, Set<String> configMaps, Set<String> claims) {
    return new NamespaceLookups() {
      @Override
      public SecretState secret(String name, String key) {
        if (!secretKeys.containsKey(name)) {
          return SecretState.NO_SECRET;
        }
        return secretKeys.get(name).contains(key) ? SecretState.PRESENT : SecretState.NO_KEY;
      }

      @Override
      public boolean configMapExists(String name) {
        return configMaps.contains(name);
      }

      @Override
      public boolean persistentVolumeClaimExists(String name) {
        return claims.contains(name);
      }
    };
  }
}
