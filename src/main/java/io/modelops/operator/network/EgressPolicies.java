package io.modelops.operator.network;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.modelops.operator.api.v1alpha1.common.NetworkEgressPolicy;
import io.modelops.operator.api.v1alpha1.customjob.JobEgressPolicy;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NetworkPolicy of a model's or a job's pods, one spec field away for users: {@code NONE}
 * allows egress only to the cluster DNS, {@code DR_API_ACCESS} adds the platform API destinations
 * from the operator configuration, {@code PUBLIC} adds any address except link-local and metadata
 * addresses and the cluster's own ranges ({@code egress.publicExcept}, {@code
 * egress.clusterCidrs}). Model pods also get ingress from their own namespace and the configured
 * namespaces on their port; job pods get no ingress at all.
 *
 * <p>Which policies a namespace may use is the platform's decision ({@link #allowed}).
 */
public final class EgressPolicies {
  /** Egress policies; a job's spec spells them in lower case ({@code none}/{@code public}). */
  public enum Egress {
    NONE,
    DR_API_ACCESS,
    PUBLIC;

    /** A model's networkEgressPolicy; unset means NONE. */
    public static Egress of(NetworkEgressPolicy policy) {
      if (policy == null) {
        return NONE;
      }
      return switch (policy) {
        case NONE -> NONE;
        case DR_API_ACCESS -> DR_API_ACCESS;
        case PUBLIC -> PUBLIC;
      };
    }

    /** A job's egressNetworkPolicy; unset means none. */
    public static Egress of(JobEgressPolicy policy) {
      if (policy == null) {
        return NONE;
      }
      return switch (policy) {
        case NONE -> NONE;
        case PUBLIC -> PUBLIC;
      };
    }
  }

  private EgressPolicies() {}

  /**
   * Whether {@code namespace} may use {@code egress}, set in {@code field}: a refusal ({@code
   * EgressNotAllowed}) names the operator setting that decides it.
   */
  public static Optional<Problem> allowed(
      String field, Egress egress, String namespace, EgressRules rules) {
    var allowed = rules.allowedIn(namespace);
    if (allowed.allows(egress.name())) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.of(
            Reasons.EGRESS_NOT_ALLOWED,
            field
                + ": egress policy "
                + egress.name()
                + " is not allowed in namespace "
                + namespace
                + " (operator setting "
                + allowed.setting()
                + " allows "
                + EgressRules.POLICIES.stream().filter(allowed::allows).toList()
                + ")"));
  }

  /**
   * The policy selecting {@code podLabels}.
   *
   * @param ingressPort the model server's port; empty for job pods (no ingress allowed)
   */
  public static NetworkPolicy policy(
      String name,
      String namespace,
      Map<String, String> labels,
      Map<String, String> podLabels,
      Egress egress,
      Optional<Integer> ingressPort,
      OperatorConfig config) {
    List<String> policyTypes = new ArrayList<>();
    policyTypes.add("Ingress");
    List<NetworkPolicyIngressRule> ingress =
        ingressPort
            .map(port -> List.of(ingressRule(port, config.ingressNamespaces())))
            .orElse(List.of());
    List<NetworkPolicyEgressRule> egressRules = new ArrayList<>();
    policyTypes.add("Egress");
    egressRules.add(dnsRule());
    if (egress == Egress.DR_API_ACCESS) {
      platformApiRule(config.platformApi()).ifPresent(egressRules::add);
    } else if (egress == Egress.PUBLIC) {
      egressRules.add(publicRule(config.egress()));
    }
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withPodSelector(new LabelSelectorBuilder().withMatchLabels(podLabels).build())
        .withPolicyTypes(policyTypes)
        .withIngress(ingress)
        .withEgress(egressRules)
        .endSpec()
        .build();
  }

  private static NetworkPolicyIngressRule ingressRule(int port, List<String> namespaces) {
    List<NetworkPolicyPeer> from = new ArrayList<>();
    // An empty pod selector without a namespace selector means "pods of this namespace".
    from.add(new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelector()).build());
    for (String ns : namespaces) {
      from.add(
          new NetworkPolicyPeerBuilder()
              .withNamespaceSelector(
                  new LabelSelectorBuilder()
                      .withMatchLabels(Map.of("kubernetes.io/metadata.name", ns))
                      .build())
              .build());
    }
    return new NetworkPolicyIngressRuleBuilder()
        .withFrom(from)
        .withPorts(port("TCP", port))
        .build();
  }

  private static NetworkPolicyEgressRule dnsRule() {
    NetworkPolicyPeer kubeDns =
        new NetworkPolicyPeerBuilder()
            .withNamespaceSelector(
                new LabelSelectorBuilder()
                    .withMatchLabels(Map.of("kubernetes.io/metadata.name", "kube-system"))
                    .build())
            .withPodSelector(
                new LabelSelectorBuilder().withMatchLabels(Map.of("k8s-app", "kube-dns")).build())
            .build();
    return new NetworkPolicyEgressRuleBuilder()
        .withTo(kubeDns)
        .withPorts(port("UDP", 53), port("TCP", 53))
        .build();
  }

  /** Any address, IPv4 and IPv6, except link-local/metadata and the cluster's own ranges. */
  private static NetworkPolicyEgressRule publicRule(EgressRules rules) {
    return new NetworkPolicyEgressRuleBuilder()
        .withTo(anyAddressExcept("0.0.0.0/0", rules.excluded(false)))
        .addToTo(anyAddressExcept("::/0", rules.excluded(true)))
        .build();
  }

  private static NetworkPolicyPeer anyAddressExcept(String cidr, List<String> except) {
    return new NetworkPolicyPeerBuilder()
        .withNewIpBlock()
        .withCidr(cidr)
        .withExcept(except.isEmpty() ? null : except)
        .endIpBlock()
        .build();
  }

  private static Optional<NetworkPolicyEgressRule> platformApiRule(
      OperatorConfig.PlatformApiDestinations api) {
    List<NetworkPolicyPeer> to = new ArrayList<>();
    if (!api.namespaceSelector().isEmpty()) {
      to.add(
          new NetworkPolicyPeerBuilder()
              .withNamespaceSelector(
                  new LabelSelectorBuilder().withMatchLabels(api.namespaceSelector()).build())
              .build());
    }
    for (String cidr : api.cidrs()) {
      to.add(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build());
    }
    if (to.isEmpty()) {
      return Optional.empty();
    }
    List<NetworkPolicyPort> ports = api.ports().stream().map(p -> port("TCP", p)).toList();
    return Optional.of(new NetworkPolicyEgressRuleBuilder().withTo(to).withPorts(ports).build());
  }

  private static NetworkPolicyPort port(String protocol, int port) {
    return new NetworkPolicyPortBuilder()
        .withProtocol(protocol)
        .withPort(new IntOrString(port))
        .build();
  }
}
