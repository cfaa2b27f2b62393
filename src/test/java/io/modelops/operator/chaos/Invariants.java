package io.modelops.operator.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.modelops.operator.naming.ModelNames;
import io.modelops.operator.testing.StatusTextAudit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What must hold once the operator has caught up, checked against the API server (not against the
 * operator's own planning code): served objects match each model's spec, nothing the operator made
 * is orphaned, one Job per run, one run per scheduled time, status observed the latest generation
 * everywhere. A watch on runs also records every phase a run goes through, so a terminal run that
 * changes phase is caught whenever it happens.
 */
final class Invariants implements AutoCloseable {
  static final Set<String> TERMINAL = Set.of("succeeded", "failed", "interrupted", "canceled");
  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  private final KubernetesClient client;
  private final Workload workload;
  private final String ns;
  private final Map<String, String> lastPhase = new ConcurrentHashMap<>(); // run uid -> phase
  private final List<String> phaseViolations = new CopyOnWriteArrayList<>();
  // Every version of every run is seen: a message that carried Java once is kept.
  private final Set<String> javaInRuns = ConcurrentHashMap.newKeySet();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SharedIndexInformer<GenericKubernetesResource> runs;

  Invariants(KubernetesClient client, Workload workload) {
    this.client = client;
    this.workload = workload;
    this.ns = workload.namespace();
    this.runs =
        workload
            .kind("CustomJobRun")
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(GenericKubernetesResource r) {
                    seen(r);
                  }

                  @Override
                  public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource r) {
                    seen(r);
                  }

                  @Override
                  public void onDelete(GenericKubernetesResource r, boolean unknown) {
                    // a deleted run's history ends; its uid is never reused
                  }
                },
                0);
  }

  private void seen(GenericKubernetesResource r) {
    Object status = r.getAdditionalProperties().get("status");
    if (status != null) {
      javaInRuns.addAll(
          StatusTextAudit.javaIn(
              JSON.valueToTree(status), "status", "CustomJobRun " + r.getMetadata().getName()));
    }
    Object phase = Workload.path(r, "status", "phase");
    if (phase == null) {
      return;
    }
    String uid = r.getMetadata().getUid();
    String before = lastPhase.put(uid, phase.toString());
    if (before != null && TERMINAL.contains(before) && !before.equals(phase.toString())) {
      phaseViolations.add(
          "run "
              + r.getMetadata().getName()
              + " changed phase "
              + before
              + " -> "
              + phase
              + " after it was terminal");
    }
  }

  /** Waits until nothing is pending (see {@link #pending}); ms it took, or -1 at the timeout. */
  long awaitConverged(Duration timeout) throws InterruptedException {
    return awaitConverged(timeout, new ArrayList<>());
  }

  /**
   * As {@link #awaitConverged(Duration)}, recording in {@code timeline} what was still pending each
   * time that changed ("+12.5 s: model m1: Ready False; ..."), to tell what a convergence waited
   * for.
   */
  long awaitConverged(Duration timeout, List<String> timeline) throws InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      String now;
      try {
        List<String> pending = pending();
        if (pending.isEmpty()) {
          return (System.nanoTime() - t0) / 1_000_000;
        }
        now = String.join("; ", pending);
      } catch (RuntimeException e) {
        now = "API server unreachable";
      }
      if (!now.equals(last)) {
        timeline.add(String.format("+%.1f s: %s", (System.nanoTime() - t0) / 1e9, now));
        last = now;
      }
      Thread.sleep(500);
    }
    return -1;
  }

  /**
   * Whether the operator has done its part of the latest model changes: every model's status
   * observed its generation and a Deployment of the active version exists. The rest (pods
   * available, the Service switched after them) also waits for kube-controller-manager,
   * kube-scheduler and kwok, which recover from an API outage at their own pace.
   */
  boolean operatorCaughtUp() {
    List<Deployment> deployments = client.apps().deployments().inNamespace(ns).list().getItems();
    for (GenericKubernetesResource m : workload.kind("CustomModel").list().getItems()) {
      if (!Objects.equals(
          number(Workload.path(m, "status", "observedGeneration")),
          m.getMetadata().getGeneration())) {
        return false;
      }
      String version = String.valueOf(Workload.path(m, "spec", "activeVersion"));
      if (deployments.stream()
          .noneMatch(
              d ->
                  d.getMetadata().getLabels() != null
                      && m.getMetadata()
                          .getName()
                          .equals(d.getMetadata().getLabels().get("modelops.io/model"))
                      && version.equals(d.getMetadata().getLabels().get("modelops.io/version")))) {
        return false;
      }
    }
    return true;
  }

  /** What the operator has not caught up with yet (empty once converged). */
  List<String> pending() {
    List<String> out = new ArrayList<>();
    List<GenericKubernetesResource> models = workload.kind("CustomModel").list().getItems();
    List<Deployment> deployments = client.apps().deployments().inNamespace(ns).list().getItems();
    for (GenericKubernetesResource m : models) {
      out.addAll(model(m, deployments));
    }
    for (String kind : List.of("CustomModel", "CustomModelVersion", "CustomJob", "CustomJobRun")) {
      for (GenericKubernetesResource r : workload.kind(kind).list().getItems()) {
        if (r.getMetadata().getDeletionTimestamp() != null) {
          out.add(kind + " " + r.getMetadata().getName() + ": still being deleted");
          continue;
        }
        if (!Objects.equals(
            number(Workload.path(r, "status", "observedGeneration")),
            r.getMetadata().getGeneration())) {
          out.add(
              kind
                  + " "
                  + r.getMetadata().getName()
                  + ": observedGeneration "
                  + Workload.path(r, "status", "observedGeneration")
                  + " != generation "
                  + r.getMetadata().getGeneration());
        }
        if (kind.equals("CustomJobRun")) {
          Object phase = Workload.path(r, "status", "phase");
          if (Boolean.TRUE.equals(Workload.path(r, "spec", "cancel"))
              && (phase == null || !TERMINAL.contains(phase.toString()))) {
            out.add("run " + r.getMetadata().getName() + ": cancelled but phase " + phase);
          }
        }
      }
    }
    out.addAll(orphans());
    return out;
  }

  private static Long number(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }

  /** The served objects of one model against its spec. */
  private List<String> model(GenericKubernetesResource m, List<Deployment> all) {
    List<String> out = new ArrayList<>();
    String name = m.getMetadata().getName();
    if (m.getMetadata().getDeletionTimestamp() != null) {
      return out;
    }
    String version = String.valueOf(Workload.path(m, "spec", "activeVersion"));
    Object replicas = Workload.path(m, "spec", "replicas");
    String memory = String.valueOf(Workload.path(m, "spec", "maximumMemory"));
    String egress = String.valueOf(Workload.path(m, "spec", "networkEgressPolicy"));
    List<Deployment> served =
        all.stream()
            .filter(
                d ->
                    d.getMetadata().getLabels() != null
                        && name.equals(d.getMetadata().getLabels().get("modelops.io/model")))
            .toList();
    if (served.size() != 1) {
      out.add("model " + name + ": " + served.size() + " Deployments");
    } else {
      Deployment d = served.get(0);
      if (!version.equals(d.getMetadata().getLabels().get("modelops.io/version"))) {
        out.add(
            "model "
                + name
                + ": serves "
                + d.getMetadata().getLabels().get("modelops.io/version")
                + ", spec asks "
                + version);
      }
      if (!Objects.equals(replicas, d.getSpec().getReplicas())) {
        out.add(
            "model "
                + name
                + ": Deployment replicas "
                + d.getSpec().getReplicas()
                + ", spec asks "
                + replicas);
      }
      Quantity limit =
          d.getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0)
              .getResources()
              .getLimits()
              .get("memory");
      if (limit == null || Quantity.getAmountInBytes(limit).longValue() != Long.parseLong(memory)) {
        out.add("model " + name + ": memory limit " + limit + ", spec asks " + memory);
      }
    }
    Service svc = client.services().inNamespace(ns).withName(ModelNames.service(name)).get();
    if (svc == null || !version.equals(svc.getSpec().getSelector().get("modelops.io/version"))) {
      out.add(
          "model "
              + name
              + ": Service selector "
              + (svc == null ? "missing" : svc.getSpec().getSelector())
              + ", spec asks "
              + version);
    }
    NetworkPolicy np =
        client
            .network()
            .networkPolicies()
            .inNamespace(ns)
            .withName(ModelNames.networkPolicy(name))
            .get();
    // NONE: egress only to DNS; PUBLIC: any address (an ipBlock of 0.0.0.0/0 with exceptions).
    boolean wantsAnyAddress = "PUBLIC".equals(egress);
    if (np == null
        || !np.getSpec().getPolicyTypes().contains("Egress")
        || anyAddress(np) != wantsAnyAddress) {
      out.add(
          "model "
              + name
              + ": NetworkPolicy "
              + (np == null ? "missing" : np.getSpec().getPolicyTypes())
              + ", spec asks egress "
              + egress);
    }
    Object ready = readyStatus(m);
    if (!"True".equals(ready)) {
      out.add("model " + name + ": Ready " + ready);
    }
    if (!version.equals(String.valueOf(Workload.path(m, "status", "activeVersion")))) {
      out.add(
          "model "
              + name
              + ": status.activeVersion "
              + Workload.path(m, "status", "activeVersion"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object readyStatus(GenericKubernetesResource m) {
    Object conditions = Workload.path(m, "status", "conditions");
    if (conditions instanceof List<?> list) {
      for (Object c : list) {
        Map<String, Object> cond = (Map<String, Object>) c;
        if ("Ready".equals(cond.get("type"))) {
          return cond.get("status");
        }
      }
    }
    return null;
  }

  /** Objects the operator made whose owner no longer exists (garbage collection pending). */
  private List<String> orphans() {
    Set<String> uids = new HashSet<>();
    for (String kind : List.of("CustomModel", "CustomModelVersion", "CustomJob", "CustomJobRun")) {
      workload.kind(kind).list().getItems().forEach(r -> uids.add(r.getMetadata().getUid()));
    }
    List<HasMetadata> made = new ArrayList<>();
    made.addAll(
        client.apps().deployments().inNamespace(ns).withLabel(MANAGED_BY).list().getItems());
    made.addAll(client.services().inNamespace(ns).withLabel(MANAGED_BY).list().getItems());
    made.addAll(
        client.network().networkPolicies().inNamespace(ns).withLabel(MANAGED_BY).list().getItems());
    made.addAll(client.batch().v1().jobs().inNamespace(ns).withLabel(MANAGED_BY).list().getItems());
    made.addAll(
        client
            .policy()
            .v1()
            .podDisruptionBudget()
            .inNamespace(ns)
            .withLabel(MANAGED_BY)
            .list()
            .getItems());
    List<String> out = new ArrayList<>();
    for (HasMetadata o : made) {
      List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
      if (owners == null || owners.stream().noneMatch(r -> uids.contains(r.getUid()))) {
        out.add("orphan " + o.getKind() + " " + o.getMetadata().getName());
      }
    }
    return out;
  }

  /** Invariant violations now (call once converged; pending items count as violations). */
  Map<String, List<String>> violations(List<String> notConverged) {
    Map<String, List<String>> v = new java.util.LinkedHashMap<>();
    v.put("notConverged", List.copyOf(notConverged));
    v.put("terminalRunChangedPhase", List.copyOf(phaseViolations));
    Map<String, Integer> jobsPerRun = new HashMap<>();
    for (Job j : client.batch().v1().jobs().inNamespace(ns).list().getItems()) {
      for (OwnerReference r :
          j.getMetadata().getOwnerReferences() == null
              ? List.<OwnerReference>of()
              : j.getMetadata().getOwnerReferences()) {
        if ("CustomJobRun".equals(r.getKind())) {
          jobsPerRun.merge(r.getName(), 1, Integer::sum);
        }
      }
    }
    List<String> many = new ArrayList<>();
    jobsPerRun.forEach(
        (run, n) -> {
          if (n > 1) {
            many.add("run " + run + " has " + n + " Jobs");
          }
        });
    v.put("runWithMoreThanOneJob", many);
    Map<String, Integer> perTime = new HashMap<>();
    for (GenericKubernetesResource r : workload.kind("CustomJobRun").list().getItems()) {
      String at =
          r.getMetadata().getAnnotations() == null
              ? null
              : r.getMetadata().getAnnotations().get("modelops.io/scheduled-at");
      if (at != null) {
        perTime.merge(at, 1, Integer::sum);
      }
    }
    List<String> twice = new ArrayList<>();
    perTime.forEach(
        (at, n) -> {
          if (n > 1) {
            twice.add(n + " runs for scheduled time " + at);
          }
        });
    v.put("scheduledTimeWithMoreThanOneRun", twice);
    v.put("javaInStatusOrEvents", javaInStatusOrEvents());
    return v;
  }

  /**
   * Status texts (every message and reason) of every resource of the workload, and every Event note
   * in its namespace, that carry Java: faults drive the operator down its error paths, whose words
   * must still be a user's.
   */
  private List<String> javaInStatusOrEvents() {
    List<String> found = new ArrayList<>(javaInRuns);
    for (String kind : List.of("CustomModel", "CustomModelVersion", "CustomJob", "CustomJobRun")) {
      for (GenericKubernetesResource r : workload.kind(kind).list().getItems()) {
        Object status = r.getAdditionalProperties().get("status");
        if (status != null) {
          found.addAll(
              StatusTextAudit.javaIn(
                  JSON.valueToTree(status), "status", kind + " " + r.getMetadata().getName()));
        }
      }
    }
    for (Event e : client.events().v1().events().inNamespace(ns).list().getItems()) {
      String text = e.getNote() + " " + e.getReason();
      if (StatusTextAudit.JAVA.matcher(text).find()) {
        found.add("Event " + e.getMetadata().getName() + ": " + text);
      }
    }
    return found.stream().distinct().toList();
  }

  static int count(Map<String, List<String>> violations) {
    return violations.values().stream().mapToInt(List::size).sum();
  }

  @Override
  public void close() {
    runs.close();
  }

  private static boolean anyAddress(NetworkPolicy np) {
    return np.getSpec().getEgress() != null
        && np.getSpec().getEgress().stream()
            .filter(rule -> rule.getTo() != null)
            .flatMap(rule -> rule.getTo().stream())
            .anyMatch(
                peer ->
                    peer.getIpBlock() != null && "0.0.0.0/0".equals(peer.getIpBlock().getCidr()));
  }
}
