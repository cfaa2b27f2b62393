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
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits {@code events.k8s.io/v1} Events about the operator's custom resources, so {@code kubectl
 * describe} shows why a resource is refused. Callers emit on a condition's transition, not on every
 * reconcile, so a refusal produces one event rather than a stream.
 */
public final class WarningEvents {
  public static final String REPORTING_CONTROLLER = "modelops.io/operator";
  private static final Logger LOG = LoggerFactory.getLogger(WarningEvents.class);
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", Locale.ROOT);

  private final KubernetesClient client;
  private final Clock clock;
  private final String instance;

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
