package io.modelops.operator.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What egress means on this platform, decided by the platform team, never by a tenant's spec.
 *
 * @param publicExcept destinations {@code PUBLIC} never reaches: by default link-local (which holds
 *     the cloud metadata services at 169.254.169.254 and fd00:ec2::254) and Alibaba Cloud's
 *     metadata address
 * @param clusterCidrs cluster-internal ranges {@code PUBLIC} never reaches either: the pod and
 *     service CIDRs and the API server's address (the cluster's own, so empty by default)
 * @param defaultAllowed the egress policies a namespace may use unless {@code allowedByNamespace}
 *     names it (all three by default)
 * @param allowedByNamespace the egress policies of each named namespace
 */
public record EgressRules(
    List<String> publicExcept,
    List<String> clusterCidrs,
    List<String> defaultAllowed,
    Map<String, List<String>> allowedByNamespace) {
  /** The policies: {@code NONE}, {@code DR_API_ACCESS}, {@code PUBLIC}. */
  public static final List<String> POLICIES = List.of("NONE", "DR_API_ACCESS", "PUBLIC");

  public static final List<String> LINK_LOCAL_AND_METADATA =
      List.of("169.254.0.0/16", "100.100.100.200/32", "fe80::/10", "fd00:ec2::254/128");

  public EgressRules {
    publicExcept = publicExcept == null ? LINK_LOCAL_AND_METADATA : List.copyOf(publicExcept);
    clusterCidrs = clusterCidrs == null ? List.of() : List.copyOf(clusterCidrs);
    defaultAllowed = defaultAllowed == null ? POLICIES : List.copyOf(defaultAllowed);
    allowedByNamespace = allowedByNamespace == null ? Map.of() : Map.copyOf(allowedByNamespace);
    for (String cidr : publicExcept) {
      requireCidr(cidr, "egress.publicExcept");
    }
    for (String cidr : clusterCidrs) {
      requireCidr(cidr, "egress.clusterCidrs");
    }
    requirePolicies(defaultAllowed, "egress.defaultAllowed");
    allowedByNamespace.forEach((ns, p) -> requirePolicies(p, "egress.allowedByNamespace." + ns));
  }

  /** The defaults. */
  public static EgressRules defaults() {
    return new EgressRules(null, null, null, null);
  }

  /** The policies {@code namespace} may use, and the setting that says so. */
  public Allowed allowedIn(String namespace) {
    List<String> named = allowedByNamespace.get(namespace);
    return named != null
        ? new Allowed(Set.copyOf(named), "egress.allowedByNamespace." + namespace)
        : new Allowed(Set.copyOf(defaultAllowed), "egress.defaultAllowed");
  }

  /** The policies a namespace may use, and the operator setting that decides it. */
  public record Allowed(Set<String> policies, String setting) {
    public boolean allows(String policy) {
      return policies.contains(policy);
    }
  }

  /** Everything {@code PUBLIC} excludes, IPv4 or IPv6 ({@code v6}) only. */
  public List<String> excluded(boolean v6) {
    return java.util.stream.Stream.concat(publicExcept.stream(), clusterCidrs.stream())
        .filter(c -> c.contains(":") == v6)
        .distinct()
        .toList();
  }

  private static void requireCidr(String cidr, String setting) {
    int slash = cidr == null ? -1 : cidr.indexOf('/');
    boolean valid = slash > 0;
    if (valid) {
      try {
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        valid = bits >= 0 && bits <= (cidr.contains(":") ? 128 : 32);
      } catch (NumberFormatException e) {
        valid = false;
      }
    }
    if (!valid) {
      throw new IllegalArgumentException(setting + ": \"" + cidr + "\" is not a CIDR (a.b.c.d/n)");
    }
  }

  private static void requirePolicies(List<String> policies, String setting) {
    for (String p : policies) {
      if (!POLICIES.contains(p)) {
        throw new IllegalArgumentException(
            setting + ": \"" + p + "\" is not an egress policy (one of " + POLICIES + ")");
      }
    }
  }
}
