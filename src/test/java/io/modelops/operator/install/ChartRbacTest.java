package io.modelops.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC is least privilege: the operator gets exactly the verbs its reconcilers use on
 * exactly its resources — cluster-wide by default, in namespaced Roles with watchNamespaces — and
 * users get aggregated view/edit/admin roles on the modelops kinds.
 */
class ChartRbacTest {
  private static final String NS = "modelops-system";
  private static final List<String> CRUD =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");
  private static final List<String> READ = List.of("get", "list", "watch");

  /** What the reconcilers of the namespaced kinds do, resource by resource. */
  static final Map<String, List<String>> NAMESPACED_RULES = new LinkedHashMap<>();

  /** What no namespaced Role can grant: the cluster-scoped modelops kinds. */
  static final Map<String, List<String>> CLUSTER_SCOPED_RULES = new LinkedHashMap<>();

  static {
    NAMESPACED_RULES.put("modelops.io/custommodels", READ);
    NAMESPACED_RULES.put("modelops.io/custommodelversions", READ);
    NAMESPACED_RULES.put("modelops.io/customjobs", READ);
    NAMESPACED_RULES.put("modelops.io/customjobruns", CRUD);
    NAMESPACED_RULES.put("modelops.io/custommodeltests", READ);
    for (String kind :
        List.of(
            "custommodels",
            "custommodelversions",
            "customjobs",
            "customjobruns",
            "custommodeltests")) {
      NAMESPACED_RULES.put("modelops.io/" + kind + "/status", List.of("update", "patch"));
    }
    for (String owner :
        List.of("custommodels", "customjobs", "customjobruns", "custommodeltests")) {
      NAMESPACED_RULES.put("modelops.io/" + owner + "/finalizers", List.of("update"));
    }
    NAMESPACED_RULES.put("apps/deployments", CRUD);
    NAMESPACED_RULES.put("services", CRUD);
    NAMESPACED_RULES.put("configmaps", CRUD);
    NAMESPACED_RULES.put("networking.k8s.io/networkpolicies", CRUD);
    NAMESPACED_RULES.put("policy/poddisruptionbudgets", CRUD);
    NAMESPACED_RULES.put("autoscaling/horizontalpodautoscalers", CRUD);
    NAMESPACED_RULES.put("batch/jobs", CRUD);
    NAMESPACED_RULES.put("pods", READ);
    NAMESPACED_RULES.put("persistentvolumeclaims", List.of("get"));
    NAMESPACED_RULES.put("secrets", List.of("get"));
    NAMESPACED_RULES.put("events", List.of("create", "patch"));
    NAMESPACED_RULES.put("events.k8s.io/events", List.of("create", "patch"));
    CLUSTER_SCOPED_RULES.put("modelops.io/resourcebundles", READ);
    CLUSTER_SCOPED_RULES.put("modelops.io/executionenvironments", READ);
    CLUSTER_SCOPED_RULES.put("modelops.io/resourcebundles/status", List.of("update", "patch"));
    CLUSTER_SCOPED_RULES.put(
        "modelops.io/executionenvironments/status", List.of("update", "patch"));
  }

  private final RenderedChart allNamespaces = RenderedChart.render("modelops", NS);
  private final RenderedChart teams =
      RenderedChart.render("modelops", NS, "--set", "config.watchNamespaces={team-a,team-b}");

  @Test
  void operatorClusterRoleGrantsExactlyWhatTheReconcilersUse() {
    ClusterRole role = allNamespaces.get("ClusterRole", "modelops-operator", ClusterRole.class);
    Map<String, List<String>> expected = new LinkedHashMap<>(NAMESPACED_RULES);
    expected.putAll(CLUSTER_SCOPED_RULES);

    assertThat(grants(role.getRules())).containsExactlyInAnyOrderElementsOf(grants(expected));
    ClusterRoleBinding binding =
        allNamespaces.get("ClusterRoleBinding", "modelops-operator", ClusterRoleBinding.class);
    assertThat(binding.getRoleRef().getName()).isEqualTo("modelops-operator");
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo("modelops-operator");
              assertThat(s.getNamespace()).isEqualTo(NS);
            });
  }

  @Test
  void noRuleHasWildcardsEscalationOrSecretListing() {
    for (RenderedChart render : List.of(allNamespaces, teams)) {
      List<PolicyRule> rules = new ArrayList<>();
      render.ofKind("ClusterRole", ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
      render.ofKind("Role", Role.class).forEach(r -> rules.addAll(r.getRules()));
      assertThat(rules)
          .isNotEmpty()
          .allSatisfy(
              rule -> {
                assertThat(rule.getApiGroups()).doesNotContain("*");
                assertThat(rule.getResources())
                    .doesNotContain("*")
                    .noneMatch(r -> r.endsWith("/*"));
                assertThat(rule.getVerbs())
                    .doesNotContain("*", "escalate", "bind", "impersonate")
                    .isNotEmpty();
                assertThat(rule.getApiGroups())
                    .doesNotContain(
                        "rbac.authorization.k8s.io",
                        "apiextensions.k8s.io",
                        "admissionregistration.k8s.io",
                        "authentication.k8s.io");
                assertThat(rule.getResources())
                    .doesNotContain(
                        "nodes",
                        "namespaces",
                        "serviceaccounts",
                        "pods/exec",
                        "customresourcedefinitions");
                if (rule.getResources().contains("secrets")) {
                  assertThat(rule.getVerbs()).containsExactly("get");
                }
                assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
              });
    }
  }

  @Test
  void leaseRoleCoversOnlyTheOperatorsLeaseInItsNamespace() {
    for (RenderedChart render : List.of(allNamespaces, teams)) {
      Role role = render.get("Role", "modelops-operator-leader-election", Role.class);
      assertThat(role.getMetadata().getNamespace()).isEqualTo(NS);
      assertThat(grants(role.getRules()))
          .containsExactlyInAnyOrder(
              "coordination.k8s.io/leases create",
              "coordination.k8s.io/leases get [modelops-operator-leader]",
              "coordination.k8s.io/leases update [modelops-operator-leader]",
              "coordination.k8s.io/leases patch [modelops-operator-leader]");
      RoleBinding binding =
          render.get("RoleBinding", "modelops-operator-leader-election", RoleBinding.class);
      assertThat(binding.getMetadata().getNamespace()).isEqualTo(NS);
      assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    }
    assertThat(
            RenderedChart.render(
                    "modelops",
                    NS,
                    "--set",
                    "leaderElection.enabled=false",
                    "--set",
                    "replicaCount=1")
                .ofKind("Role"))
        .isEmpty();
  }

  @Test
  void clusterWideInstallHasNoRoleButTheLeaseOne() {
    assertThat(allNamespaces.ofKind("Role"))
        .extracting(RenderedChart::describe)
        .containsExactly("Role modelops-system/modelops-operator-leader-election");
  }

  @Test
  void watchNamespacesGetRolesAndOnlyClusterScopedKindsStayInAClusterRole() {
    for (String ns : List.of("team-a", "team-b")) {
      Role role =
          teams.ofKind("Role", Role.class).stream()
              .filter(
                  r ->
                      r.getMetadata().getNamespace().equals(ns)
                          && r.getMetadata().getName().equals("modelops-operator"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no Role in " + ns));
      assertThat(grants(role.getRules()))
          .containsExactlyInAnyOrderElementsOf(grants(NAMESPACED_RULES));
      RoleBinding binding =
          teams.ofKind("RoleBinding", RoleBinding.class).stream()
              .filter(b -> b.getMetadata().getNamespace().equals(ns))
              .findFirst()
              .orElseThrow();
      assertThat(binding.getRoleRef().getName()).isEqualTo("modelops-operator");
      assertThat(binding.getSubjects())
          .singleElement()
          .satisfies(s -> assertThat(s.getNamespace()).isEqualTo(NS));
    }
    List<ClusterRole> operatorClusterRoles =
        teams.ofKind("ClusterRole", ClusterRole.class).stream()
            .filter(r -> r.getMetadata().getName().startsWith("modelops-operator"))
            .toList();
    assertThat(operatorClusterRoles)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getMetadata().getName()).isEqualTo("modelops-operator-cluster-scoped");
              assertThat(grants(r.getRules()))
                  .containsExactlyInAnyOrderElementsOf(grants(CLUSTER_SCOPED_RULES));
            });
    assertThat(teams.ofKind("ClusterRoleBinding"))
        .extracting(RenderedChart::describe)
        .containsExactly("ClusterRoleBinding modelops-operator-cluster-scoped");
    // Events about cluster-scoped objects are recorded in "default".
    Role events = teams.get("Role", "modelops-operator-events", Role.class);
    assertThat(events.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(grants(events.getRules()))
        .containsExactlyInAnyOrder(
            "events create",
            "events patch",
            "events.k8s.io/events create",
            "events.k8s.io/events patch");
    assertThat(teams.ofKind("Role"))
        .extracting(r -> r.at("/metadata/namespace").asText())
        .containsOnly("team-a", "team-b", "default", NS);
  }

  @Test
  void userRolesAggregateIntoViewEditAndAdmin() {
    ClusterRole view = allNamespaces.get("ClusterRole", "modelops-view", ClusterRole.class);
    assertThat(view.getMetadata().getLabels())
        .containsEntry("rbac.authorization.k8s.io/aggregate-to-view", "true");
    assertThat(verbs(view.getRules())).containsOnly("get", "list", "watch");
    assertThat(resources(view.getRules()))
        .contains(
            "custommodels",
            "custommodelversions",
            "customjobs",
            "customjobruns",
            "custommodeltests",
            "resourcebundles",
            "executionenvironments");

    for (String name : List.of("edit", "admin")) {
      ClusterRole role = allNamespaces.get("ClusterRole", "modelops-" + name, ClusterRole.class);
      assertThat(role.getMetadata().getLabels())
          .containsEntry("rbac.authorization.k8s.io/aggregate-to-" + name, "true");
      Set<String> grants = grants(role.getRules());
      for (String kind :
          List.of(
              "custommodels",
              "custommodelversions",
              "customjobs",
              "customjobruns",
              "custommodeltests")) {
        for (String verb :
            List.of(
                "get",
                "list",
                "watch",
                "create",
                "update",
                "patch",
                "delete",
                "deletecollection")) {
          assertThat(grants).contains("modelops.io/" + kind + " " + verb);
        }
        assertThat(grants)
            .contains("modelops.io/" + kind + "/status get")
            .doesNotContain(
                "modelops.io/" + kind + "/status update", "modelops.io/" + kind + "/status patch");
      }
      for (String kind : List.of("resourcebundles", "executionenvironments")) {
        assertThat(grants.stream().filter(g -> g.startsWith("modelops.io/" + kind + " ")))
            .containsExactlyInAnyOrder(
                "modelops.io/" + kind + " get",
                "modelops.io/" + kind + " list",
                "modelops.io/" + kind + " watch");
      }
      assertThat(grants).allMatch(g -> g.startsWith("modelops.io/"));
    }
    assertThat(
            RenderedChart.render("modelops", NS, "--set", "rbac.aggregatedRoles=false")
                .ofKind("ClusterRole"))
        .extracting(RenderedChart::describe)
        .containsExactly("ClusterRole modelops-operator");
  }

  @Test
  void rbacCanBeLeftToThePlatform() {
    RenderedChart none =
        RenderedChart.render(
            "modelops", NS, "--set", "rbac.create=false", "--set", "rbac.aggregatedRoles=false");
    for (String kind : List.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding")) {
      assertThat(none.ofKind(kind)).as(kind).isEmpty();
    }
  }

  /** "group/resource verb [names]" for every combination a rule list allows. */
  static Set<String> grants(List<PolicyRule> rules) {
    Set<String> out = new TreeSet<>();
    for (PolicyRule rule : rules) {
      String names =
          rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
              ? ""
              : " " + rule.getResourceNames();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            out.add((group.isEmpty() ? "" : group + "/") + resource + " " + verb + names);
          }
        }
      }
    }
    return out;
  }

  static Set<String> grants(Map<String, List<String>> rules) {
    Set<String> out = new TreeSet<>();
    rules.forEach((resource, verbs) -> verbs.forEach(v -> out.add(resource + " " + v)));
    return out;
  }

  private static Set<String> verbs(List<PolicyRule> rules) {
    Set<String> out = new TreeSet<>();
    rules.forEach(r -> out.addAll(r.getVerbs()));
    return out;
  }

  private static Set<String> resources(List<PolicyRule> rules) {
    Set<String> out = new TreeSet<>();
    rules.forEach(r -> out.addAll(r.getResources()));
    return out;
  }
}
