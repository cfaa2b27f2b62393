package io.modelops.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits {@code events.k8s.io/v1} Events about the operator's custom resources, so {@code kubectl
 * describe} shows why a resource is refused. Callers emit on a condition's transition, not on every
 * reconcile, so a refusal produces one event rather than a stream.
 *
 * <p>A transition is judged from the status a reconcile reads, which can lag the status the
 * previous reconcile wrote (an event on a secondary resource arriving before the informer has the
 * write): the same version of the object would then "transition" twice. So a warning is recorded
 * once per version of the object it regards (its resourceVersion), reason and note; a new
 * transition always follows a status write, which makes a new version.
 */
public final class WarningEvents {
  public static final String REPORTING_CONTROLLER = "modelops.io/operator";
  private static final Logger LOG = LoggerFactory.getLogger(WarningEvents.class);
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", Locale.ROOT);

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;

  /** The warnings recorded lately, by object version, reason and note; the oldest forgotten. */
  private final Set<String> recorded =
      Collections.newSetFromMap(
          Collections.synchronizedMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED;
                }
              }));

  static final int REMEMBERED = 4096;

  public WarningEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.instance = System.getenv().getOrDefault("HOSTNAME", "modelops-operator");
  }

  /** A Warning about {@code regarding}; failures to record are logged, never thrown. */
  public void warn(HasMetadata regarding, String action, Problem problem) {
    emit(regarding, action, problem.reason(), problem.message());
  }

  private void emit(HasMetadata regarding, String action, String reason, String note) {
    String key =
        regarding.getMetadata().getUid()
            + "/"
            + regarding.getMetadata().getResourceVersion()
            + "/"
            + reason
            + "/"
            + note;
    if (regarding.getMetadata().getResourceVersion() != null && !recorded.add(key)) {
      LOG.debug(
          "{} on {} already recorded for this version", reason, regarding.getMetadata().getName());
      return;
    }
    String namespace =
        regarding.getMetadata().getNamespace() == null
            ? "default"
            : regarding.getMetadata().getNamespace();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withGenerateName(regarding.getMetadata().getName() + "-")
            .withNamespace(namespace)
            .endMetadata()
            .withType("Warning")
            .withAction(action)
            .withReason(reason)
            .withNote(note.length() > 1024 ? note.substring(0, 1021) + "..." : note)
            .withEventTime(
                new MicroTime(MICRO.format(clock.instant().atOffset(java.time.ZoneOffset.UTC))))
            .withReportingController(REPORTING_CONTROLLER)
            .withReportingInstance(instance)
            .withRegarding(
                new ObjectReferenceBuilder()
                    .withApiVersion(regarding.getApiVersion())
                    .withKind(regarding.getKind())
                    .withName(regarding.getMetadata().getName())
                    .withNamespace(regarding.getMetadata().getNamespace())
                    .withUid(regarding.getMetadata().getUid())
                    .withResourceVersion(regarding.getMetadata().getResourceVersion())
                    .build())
            .build();
    try {
      client.resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record event {} on {}/{}: {}",
          reason,
          namespace,
          regarding.getMetadata().getName(),
          e.getMessage());
    }
  }
}
