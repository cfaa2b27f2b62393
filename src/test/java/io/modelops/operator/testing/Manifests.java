package io.modelops.operator.testing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Applies YAML manifests in tests, the way a user would with {@code kubectl apply}. */
public final class Manifests {
  private Manifests() {}

  /** Server-side applies {@code yaml} (one object) into {@code namespace} if it is namespaced. */
  public static <T extends HasMetadata> T apply(
      KubernetesClient client, String namespace, Class<T> type, String yaml) {
    T object = Serialization.unmarshal(yaml, type);
    return client
        .resource(object)
        .inNamespace(namespace)
        .fieldManager("modelops-tests")
        .forceConflicts()
        .serverSideApply();
  }

  /**
   * Changes fields the way {@code kubectl patch --type merge} does: no resourceVersion, so a
   * concurrent status write by the operator never makes the change fail with a conflict.
   */
  public static <T extends HasMetadata> T mergePatch(
      KubernetesClient client, Class<T> type, String namespace, String name, String json) {
    return client
        .resources(type)
        .inNamespace(namespace)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  /** Server-side applies a cluster-scoped object. */
  public static <T extends HasMetadata> T applyClusterScoped(
      KubernetesClient client, Class<T> type, String yaml) {
    T object = Serialization.unmarshal(yaml, type);
    return client
        .resource(object)
        .fieldManager("modelops-tests")
        .forceConflicts()
        .serverSideApply();
  }
}
