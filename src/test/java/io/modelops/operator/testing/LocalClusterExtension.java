package io.modelops.operator.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a real-cluster test class a client for the local control plane and a namespace of its own,
 * deleted afterwards. Register as {@code @RegisterExtension static LocalClusterExtension cluster =
 * new LocalClusterExtension();} and tag the class {@code @Tag("cluster")}.
 */
public class LocalClusterExtension implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> namespaceLabels = new HashMap<>();
  private String namespace;

  /** Labels the namespace so Pod Security admission enforces the "restricted" profile. */
  public LocalClusterExtension withRestrictedPodSecurity() {
    namespaceLabels.put("pod-security.kubernetes.io/enforce", "restricted");
    namespaceLabels.put("pod-security.kubernetes.io/enforce-version", "latest");
    return this;
  }

  public KubernetesClient client() {
    return LocalCluster.client();
  }

  public String namespace() {
    return namespace;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String base = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
    if (base.length() > 40) {
      base = base.substring(0, 40);
    }
    namespace = base + "-" + UUID.randomUUID().toString().substring(0, 6);
    client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(namespace)
                .withLabels(namespaceLabels)
                .endMetadata()
                .build())
        .create();
    StatusTextAudit.watch(client(), namespace);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (namespace != null && !Boolean.getBoolean("modelops.keepNamespaces")) {
      client().namespaces().withName(namespace).delete();
    }
  }
}
