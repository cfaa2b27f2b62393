package io.modelops.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Watches, for the whole test run, every status condition of the modelops custom resources and
 * every Event in the namespaces of this run (those of {@link LocalClusterExtension} and the ones
 * tests derive from them by a suffix), and records any message that carries Java: an exception
 * class name, a stack frame, a package name or a source line. Every version of every object is seen
 * as it happens, so a message that carried a stack trace for one reconcile and was replaced at the
 * next is caught too. {@code NoJavaInStatusOrEventsTest} runs last and asserts on it.
 *
 * <p>Cluster-scoped kinds (ExecutionEnvironment, ResourceBundle) cannot be told apart by namespace:
 * those created after the audit started are audited.
 */
public final class StatusTextAudit {
  /** What a user must never read in a condition or an event. */
  public static final Pattern JAVA =
      Pattern.compile(
          "Exception\\b|Exception:|\\tat |\\n\\s*at [\\w$.]+\\(|\\bjava\\.[a-z]+\\.|\\bjavax\\."
              + "|\\bio\\.fabric8\\.|\\bio\\.javaoperatorsdk\\.|\\bio\\.modelops\\.operator\\."
              + "|\\.java:\\d+|\\bcom\\.fasterxml\\.");

  private static final String[] KINDS = {
    "CustomModel",
    "CustomModelVersion",
    "CustomJob",
    "CustomJobRun",
    "CustomModelTest",
    "ExecutionEnvironment",
    "ResourceBundle"
  };
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("ExecutionEnvironment", "ResourceBundle");
  private static final Set<String> TEXT_FIELDS = Set.of("message", "reason", "lastError");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static StatusTextAudit running;

  private final Instant started = Instant.now();
  private final Set<String> namespaces = ConcurrentHashMap.newKeySet();
  private final Set<String> objectsWithConditions = ConcurrentHashMap.newKeySet();
  private final Set<String> conditionMessages = ConcurrentHashMap.newKeySet();
  private final Set<String> events = ConcurrentHashMap.newKeySet();
  private final Set<String> operatorEvents = ConcurrentHashMap.newKeySet();
  private final Set<String> findings = ConcurrentHashMap.newKeySet();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  private StatusTextAudit() {}

  /** Starts the audit (once per JVM) and adds {@code namespace} to the audited ones. */
  public static synchronized StatusTextAudit watch(KubernetesClient client, String namespace) {
    if (running == null) {
      running = new StatusTextAudit();
      running.start(client);
    }
    running.namespaces.add(namespace);
    return running;
  }

  /** The audit of this run, or null when no real-cluster test ran. */
  public static synchronized StatusTextAudit current() {
    return running;
  }

  private void start(KubernetesClient client) {
    for (String kind : KINDS) {
      informers.add(
          client
              .genericKubernetesResources("modelops.io/v1alpha1", kind)
              .inAnyNamespace()
              .inform(handler(this::auditResource)));
    }
    informers.add(client.events().v1().events().inAnyNamespace().inform(handler(this::auditEvent)));
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> audit) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        audit.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        audit.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {}
    };
  }

  private boolean audited(String namespace) {
    return namespace != null
        && namespaces.stream().anyMatch(ns -> namespace.equals(ns) || namespace.startsWith(ns));
  }

  private void auditResource(GenericKubernetesResource resource) {
    var meta = resource.getMetadata();
    boolean ours =
        CLUSTER_SCOPED.contains(resource.getKind())
            ? meta.getCreationTimestamp() != null
                && !Instant.parse(meta.getCreationTimestamp()).isBefore(started.minusSeconds(1))
            : audited(meta.getNamespace());
    Object status = resource.getAdditionalProperties().get("status");
    if (!ours || status == null) {
      return;
    }
    String what =
        resource.getKind()
            + " "
            + (meta.getNamespace() == null ? "" : meta.getNamespace() + "/")
            + meta.getName();
    scanConditions(JSON.valueToTree(status), "status", what, meta.getUid());
  }

  private void scanConditions(JsonNode node, String path, String what, String uid) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                String at = path + "." + field.getKey();
                if (field.getKey().equals("conditions") && field.getValue().isArray()) {
                  for (JsonNode condition : field.getValue()) {
                    String message = condition.path("message").asText("");
                    objectsWithConditions.add(uid);
                    conditionMessages.add(uid + "|" + message);
                  }
                }
              });
    }
    findings.addAll(javaIn(node, path, what));
  }

  /**
   * Every text a user reads in {@code status} that carries Java: each {@code message}, {@code
   * reason} and {@code lastError} at any depth (conditions, a run's message, a test's per-check
   * messages, an environment version's message), as "what path: text".
   */
  public static List<String> javaIn(JsonNode status, String path, String what) {
    List<String> found = new ArrayList<>();
    if (status.isObject()) {
      status
          .fields()
          .forEachRemaining(
              field -> {
                String at = path + "." + field.getKey();
                JsonNode value = field.getValue();
                if (value.isTextual()
                    && TEXT_FIELDS.contains(field.getKey())
                    && JAVA.matcher(value.asText()).find()) {
                  found.add(what + " " + at + ": " + abbreviate(value.asText()));
                } else {
                  found.addAll(javaIn(value, at, what));
                }
              });
    } else if (status.isArray()) {
      int i = 0;
      for (JsonNode item : status) {
        found.addAll(javaIn(item, path + "[" + i++ + "]", what));
      }
    }
    return found;
  }

  private void auditEvent(Event event) {
    if (!audited(event.getMetadata().getNamespace())) {
      return;
    }
    String uid = event.getMetadata().getUid();
    events.add(uid);
    if ("modelops.io/operator".equals(event.getReportingController())) {
      operatorEvents.add(uid);
    }
    String text = String.valueOf(event.getNote()) + " " + String.valueOf(event.getReason());
    if (JAVA.matcher(text).find()) {
      var regarding = event.getRegarding();
      findings.add(
          "Event "
              + event.getMetadata().getNamespace()
              + "/"
              + event.getMetadata().getName()
              + (regarding == null
                  ? ""
                  : " about " + regarding.getKind() + " " + regarding.getName())
              + ": "
              + abbreviate(text));
    }
  }

  static String abbreviate(String text) {
    String line = text.replace("\n", "\\n").replace("\t", "\\t");
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }

  /** Distinct custom resources seen with at least one condition. */
  public int objectsWithConditions() {
    return objectsWithConditions.size();
  }

  /** Distinct (resource, condition message) pairs seen. */
  public int conditionMessages() {
    return conditionMessages.size();
  }

  /** Distinct Events seen in the audited namespaces, and those the operator reported. */
  public int events() {
    return events.size();
  }

  public int operatorEvents() {
    return operatorEvents.size();
  }

  /** Every message that carried Java, with the object and field it was found in. */
  public List<String> findings() {
    return findings.stream().sorted().toList();
  }
}
