package io.modelops.operator.custommodelversion;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.modelops.operator.api.v1alpha1.common.ConditionStatus;
import io.modelops.operator.api.v1alpha1.common.CustomModelVersionPhase;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionStatus;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.custommodelversion.VersionNumbering.Entry;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.StatusPatch;
import io.modelops.operator.status.WarningEvents;
import io.modelops.operator.workload.NamespaceLookups;
import io.modelops.operator.workload.RuntimeParameterReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers, validates and reports CustomModelVersions. It never writes anything but the
 * version's status (and Warning events): {@code versionMajor.versionMinor} assigned once,
 * {@code Validated}/{@code Ready} conditions with every problem found, the resolved image and
 * runtime parameters, and {@code frozen} once the version has been served.
 */
@ControllerConfiguration(name = "custommodelversion",
    informer = @Informer(itemStore = LeanCaches.CustomModelVersions.class))
public class CustomModelVersionReconciler implements Reconciler<CustomModelVersion> {
  static final String BY_MODEL = "byModel";
  static final String BY_ENVIRONMENT = "byEnvironment";
  private static final Logger LOG = LoggerFactory.getLogger(CustomModelVersionReconciler.class);

  private final Clock clock;
  private WarningEvents events;

  public CustomModelVersionReconciler(Clock clock) {
    this.clock = clock;
  }

  static String modelKey(String namespace, String model) {
    return namespace + "/" + model;
  }

  @Override
  public List<EventSource<?, CustomModelVersion>> prepareEventSources(
      EventSourceContext<CustomModelVersion> context) {
    events = new WarningEvents(context.getClient(), clock);
    context.getPrimaryCache().addIndexer(BY_MODEL, v -> v.getSpec() == null
        || v.getSpec().getCustomModelRef() == null ? List.of()
        : List.of(modelKey(v.getMetadata().getNamespace(), v.getSpec().getCustomModelRef()
            .getName())));
    context.getPrimaryCache().addIndexer(BY_ENVIRONMENT, v -> v.getSpec() == null
        || v.getSpec().getEnvironment() == null || v.getSpec().getEnvironment().getName() == null
        ? List.of() : List.of(v.getSpec().getEnvironment().getName()));

    var models = InformerEventSourceConfiguration.from(CustomModel.class,
            CustomModelVersion.class)
        .withName("models")
        .withNamespacesInheritedFromController()
        .withItemStore(LeanCaches.withoutManagedFields())
        .withSecondaryToPrimaryMapper(model -> context.getPrimaryCache()
            .byIndex(BY_MODEL, modelKey(model.getMetadata().getNamespace(),
                model.getMetadata().getName()))
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((CustomModelVersion v) -> v.getSpec() == null
            || v.getSpec().getCustomModelRef() == null ? Set.of()
            : Set.of(new ResourceID(v.getSpec().getCustomModelRef().getName(),
                v.getMetadata().getNamespace())))
        .build();
    var environments = InformerEventSourceConfiguration.from(ExecutionEnvironment.class,
            CustomModelVersion.class)
        .withName("environments")
        .withWatchAllNamespaces()
        .withItemStore(LeanCaches.withoutManagedFields())
        .withSecondaryToPrimaryMapper(env -> context.getPrimaryCache()
            .byIndex(BY_ENVIRONMENT, env.getMetadata().getName())
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((CustomModelVersion v) -> v.getSpec() == null
            || v.getSpec().getEnvironment() == null
            || v.getSpec().getEnvironment().getName() == null ? Set.of()
            : Set.of(new ResourceID(v.getSpec().getEnvironment().getName())))
        .build();
    return List.of(new InformerEventSource<>(models, context),
        new InformerEventSource<>(environments, context));
  }

  @Override
  public UpdateControl<CustomModelVersion> reconcile(CustomModelVersion version,
      Context<CustomModelVersion> context) {
    String namespace = version.getMetadata().getNamespace();
    Optional<CustomModel> model = context.getSecondaryResource(CustomModel.class);
    Optional<ExecutionEnvironment> environment =
        context.getSecondaryResource(ExecutionEnvironment.class);

    var outcome = VersionResolution.resolve(version,
        name -> environment.filter(e -> e.getMetadata().getName().equals(name)),
        VersionResolution.lookupsFor(version,
            () -> NamespaceLookups.of(context.getClient(), namespace)));
    List<Problem> problems = new ArrayList<>();
    if (model.isEmpty()) {
      problems.add(Problem.of("ModelNotFound", "spec.customModelRef.name: CustomModel \""
          + version.getSpec().getCustomModelRef().getName() + "\" does not exist in namespace "
          + namespace));
    }
    problems.addAll(outcome.problems());

    CustomModelVersionStatus old = version.getStatus();
    CustomModelVersionStatus status = new CustomModelVersionStatus();
    status.setObservedGeneration(version.getMetadata().getGeneration());
    VersionNumbering.Number number = number(version, context);
    status.setVersionMajor(number.major());
    status.setVersionMinor(number.minor());
    status.setVersion(number.toString());
    boolean served = model.map(m -> m.getStatus() != null
        && version.getMetadata().getName().equals(m.getStatus().getActiveVersion()))
        .orElse(false);
    status.setFrozen(served || (old != null && Boolean.TRUE.equals(old.getFrozen())));
    outcome.resolved().ifPresent(r -> {
      status.setImage(r.environment().image());
      r.environment().versionLabel().ifPresent(status::setEnvironmentVersion);
    });
    status.setRuntimeParameters(RuntimeParameterReport.of(
        version.getSpec().getRuntimeParameterDefinitions(), outcome.parameters()));

    Conditions conditions = Conditions.after(old, version.getMetadata().getGeneration(), clock);
    if (problems.isEmpty()) {
      status.setPhase(served ? CustomModelVersionPhase.SERVING
          : CustomModelVersionPhase.VALIDATED);
      conditions.set(Conditions.VALIDATED, true, "Validated",
          "references, runtime parameters and required metadata are valid");
      conditions.set(Conditions.READY, true, served ? "Serving" : "Validated",
          served ? "the version is being served" : "the version can be served");
    } else {
      Problem first = problems.get(0);
      String message = problems.stream().map(Problem::message).collect(Collectors.joining("; "));
      status.setPhase(CustomModelVersionPhase.INVALID);
      conditions.set(Conditions.VALIDATED, false, first.reason(), message);
      conditions.set(Conditions.READY, false, first.reason(), message);
    }
    status.setConditions(conditions.list());

    if (!problems.isEmpty() && Conditions.transitioned(old, status, Conditions.VALIDATED)) {
      problems.forEach(p -> events.warn(version, "Validate", p));
    }
    LOG.info("{}/{}: version {} {}", namespace, version.getMetadata().getName(),
        status.getVersion(), problems.isEmpty() ? "valid" : "refused: " + problems);
    UpdateControl<CustomModelVersion> control = Conditions.differ(old, status)
        ? UpdateControl.patchStatus(StatusPatch.of(version, status, CustomModelVersion::new)) : UpdateControl.noUpdate();
    boolean recheck = NamespaceLookups.dependOnLookups(problems);
    return recheck ? control.rescheduleAfter(NamespaceLookups.RECHECK) : control;
  }

  /** This version's number: kept once assigned, else computed over the model's versions. */
  private VersionNumbering.Number number(CustomModelVersion version,
      Context<CustomModelVersion> context) {
    var status = version.getStatus();
    if (status != null && status.getVersionMajor() != null && status.getVersionMinor() != null) {
      return new VersionNumbering.Number(status.getVersionMajor(), status.getVersionMinor());
    }
    List<CustomModelVersion> siblings = context.getPrimaryCache().byIndex(BY_MODEL,
        modelKey(version.getMetadata().getNamespace(),
            version.getSpec().getCustomModelRef().getName()));
    List<Entry> entries = new ArrayList<>();
    boolean self = false;
    for (CustomModelVersion v : siblings) {
      self |= v.getMetadata().getName().equals(version.getMetadata().getName());
      entries.add(entry(v));
    }
    if (!self) {
      entries.add(entry(version));
    }
    return VersionNumbering.assign(entries).get(version.getMetadata().getName());
  }

  private static Entry entry(CustomModelVersion v) {
    var s = v.getStatus();
    Optional<VersionNumbering.Number> assigned = s != null && s.getVersionMajor() != null
        && s.getVersionMinor() != null
        ? Optional.of(new VersionNumbering.Number(s.getVersionMajor(), s.getVersionMinor()))
        : Optional.empty();
    Instant created = v.getMetadata().getCreationTimestamp() == null ? Instant.EPOCH
        : Instant.parse(v.getMetadata().getCreationTimestamp());
    boolean major = v.getSpec().getIsMajorUpdate() == null || v.getSpec().getIsMajorUpdate();
    return new Entry(v.getMetadata().getName(), created, major, assigned);
  }


  @Override
  public ErrorStatusUpdateControl<CustomModelVersion> updateErrorStatus(
      CustomModelVersion version, Context<CustomModelVersion> context, Exception e) {
    return ErrorStatus.report(
        version, context, e, Conditions.READY, CustomModelVersionStatus::new, CustomModelVersion::new, clock, LOG);
  }
}
