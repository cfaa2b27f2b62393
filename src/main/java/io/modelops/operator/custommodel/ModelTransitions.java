package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.WarningEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What a model's new status is worth saying outside the status: a Warning event when it becomes
 * Degraded, an INFO log line when its phase or readiness changes (DEBUG when nothing changed).
 */
final class ModelTransitions {
  private static final Logger LOG = LoggerFactory.getLogger(ModelTransitions.class);

  private ModelTransitions() {}

  static void report(
      CustomModel model, CustomModelStatus old, CustomModelStatus status, WarningEvents events) {
    if (Conditions.isTrue(status, Conditions.DEGRADED)
        && Conditions.transitioned(old, status, Conditions.DEGRADED)) {
      Conditions.find(status, Conditions.DEGRADED)
          .ifPresent(c -> events.warn(model, "Serve", Problem.of(c.getReason(), c.getMessage())));
    }
    boolean ready = Conditions.isTrue(status, Conditions.READY);
    boolean transition =
        old == null
            || old.getPhase() != status.getPhase()
            || Conditions.isTrue(old, Conditions.READY) != ready;
    String namespace = model.getMetadata().getNamespace();
    String name = model.getMetadata().getName();
    LOG.atLevel(transition ? Level.INFO : Level.DEBUG)
        .log("{}/{}: phase {} ready {}", namespace, name, status.getPhase(), ready);
    if (LOG.isDebugEnabled() && Conditions.differ(old, status)) {
      LOG.debug(
          "{}/{}: status changes from {} to {}",
          namespace,
          name,
          Serialization.asJson(old),
          Serialization.asJson(status));
    }
  }
}
