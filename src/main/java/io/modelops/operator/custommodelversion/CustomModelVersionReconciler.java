package io.modelops.operator.custommodelversion;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.reconcile.Mappers;
import io.modelops.operator.reconcile.References;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers, validates and reports CustomModelVersions. It never writes anything but the version's
 * status (and Warning events): {@code versionMajor.versionMinor} assigned once, {@code
 * Validated}/{@code Ready} conditions with every problem found, the resolved image and runtime
 * parameters, and {@code frozen} once the version has been served.
 */
@ControllerConfiguration(
    name = "custommodelversion",
    informer = @Informer(itemStore = LeanCaches.CustomModelVersions.class))
public class CustomModelVersionReconciler implements Reconciler<CustomModelVersion> {
  private static final Logger LOG = LoggerFactory.getLogger(CustomModelVersionReconciler.class);

  private final Clock clock;
  private final ErrorStatus<CustomModelVersionStatus, CustomModelVersion> errors;
  private WarningEvents events;

  private final List<String> gitHttpHosts;

  public CustomModelVersionReconciler(OperatorConfig config, Clock clock) {
    this.gitHttpHosts = config.gitHttpHosts();
    this.clock = clock;
    this.errors =
        new ErrorStatus<>(
            Conditions.READY, CustomModelVersionStatus::new, CustomModelVersion::new, clock, LOG);
  }

  @Override
  public List<EventSource<?, CustomModelVersion>> prepareEventSources(
      EventSourceContext<CustomModelVersion> context) {
    events = new WarningEvents(context.getClient(), clock);
    return VersionEventSources.of(context);
  }

  @Override
  public UpdateControl<CustomModelVersion> reconcile(
      CustomModelVersion version, Context<CustomModelVersion> context) {
    String namespace = version.getMetadata().getNamespace();
    String name = version.getMetadata().getName();
    Optional<CustomModel> model = context.getSecondaryResource(CustomModel.class);
    Optional<ExecutionEnvironment> environment =
        context.getSecondaryResource(ExecutionEnvironment.class);
    var outcome =
        CustomModelVersionValidator.validate(
            version,
            model,
            envName -> environment.filter(e -> e.getMetadata().getName().equals(envName)),
            CustomModelVersionValidator.lookupsFor(
                version, () -> NamespaceLookups.of(context.getClient(), namespace)),
            gitHttpHosts);

    List<CustomModelVersion> siblings =
        References.model(version)
            .map(
                m ->
                    context
                        .getPrimaryCache()
                        .byIndex(VersionIndexes.BY_MODEL, Mappers.key(namespace, m)))
            .orElse(List.of());
    boolean served =
        model
            .map(m -> m.getStatus() != null && name.equals(m.getStatus().getActiveVersion()))
            .orElse(false);
    CustomModelVersionStatus old = version.getStatus();
    CustomModelVersionStatus status =
        VersionStatus.compute(
            version, outcome, VersionNumbering.of(version, siblings), served, clock);
    VersionTesting.report(
        status, List.copyOf(context.getSecondaryResources(CustomModelTest.class)));

    VersionTransitions.report(version, old, status, outcome.problems(), events);
    UpdateControl<CustomModelVersion> control =
        StatusPatch.ifChanged(version, status, CustomModelVersion::new);
    return NamespaceLookups.dependOnLookups(outcome.problems())
        ? control.rescheduleAfter(NamespaceLookups.RECHECK)
        : control;
  }

  @Override
  public ErrorStatusUpdateControl<CustomModelVersion> updateErrorStatus(
      CustomModelVersion version, Context<CustomModelVersion> context, Exception e) {
    return errors.report(version, context, e);
  }
}
