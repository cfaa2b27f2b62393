package io.modelops.operator.custommodel;

import io.modelops.operator.api.v1alpha1.common.ServingSettings;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelSpec;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.custommodel.EffectiveServing.Settings;
import io.modelops.operator.custommodelversion.CustomModelVersionValidator;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.naming.Names;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a CustomModel before anything is planned, returning every problem at once: the version
 * to serve ({@code activeVersion}, else the newest valid version) exists, that version passes
 * {@link CustomModelVersionValidator} (its problems prefixed with its name), and the effective
 * serving settings respect the operator's limits and the resource bundles' policies ({@link
 * EffectiveServing}). What passes is what the planner and pod assembly work from. Pure: all lookups
 * come in through {@link Observed}.
 */
public final class CustomModelValidator {
  private CustomModelValidator() {}

  /**
   * A model that can be served.
   *
   * @param version the version to serve
   * @param resolved that version's resolved pod inputs
   * @param serving the effective serving settings
   */
  public record Valid(
      CustomModelVersion version,
      CustomModelVersionValidator.Resolved resolved,
      EffectiveServing.Resolved serving) {}

  /**
   * The validation: a valid model or its problems; {@code target} is the version that was to be
   * served (when known), {@code latestVersion} the newest valid version either way.
   */
  public record Validation(
      Optional<Valid> valid,
      List<Problem> problems,
      Optional<String> target,
      Optional<String> latestVersion,
      Optional<PromotionGate.Verdict> promotion) {
    public Validation(
        Optional<Valid> valid,
        List<Problem> problems,
        Optional<String> target,
        Optional<String> latestVersion) {
      this(valid, problems, target, latestVersion, Optional.empty());
    }

    /** This validation refused by {@code problem} found after it (e.g. a name conflict). */
    public Validation refusedBy(Problem problem) {
      return new Validation(Optional.empty(), List.of(problem), target, latestVersion, promotion);
    }

    /** The same validation with the promotion gate's verdict on the version that was wanted. */
    Validation withPromotion(Optional<PromotionGate.Verdict> verdict) {
      return new Validation(valid, problems, target, latestVersion, verdict);
    }

    /**
     * Nothing to serve only because some of {@code versions} are not validated yet: their
     * validation triggers the next reconcile.
     */
    public boolean awaitsVersionValidation(List<CustomModelVersion> versions) {
      return valid.isEmpty()
          && problems.size() == 1
          && problems.get(0).reason().equals(Reasons.NO_VALID_VERSION)
          && versions.stream()
              .anyMatch(v -> Conditions.find(v.getStatus(), Conditions.VALIDATED).isEmpty());
    }
  }

  public static Validation validate(CustomModel model, Observed observed, OperatorConfig config) {
    String namespace = model.getMetadata().getNamespace();
    List<Problem> specProblems = spec(model.getSpec());
    Optional<CustomModelVersion> latest =
        observed.versions().stream()
            .filter(v -> Conditions.isTrue(v.getStatus(), Conditions.VALIDATED))
            .filter(v -> v.getStatus().getVersionMajor() != null)
            .max(
                Comparator.comparing((CustomModelVersion v) -> v.getStatus().getVersionMajor())
                    .thenComparing(v -> v.getStatus().getVersionMinor())
                    .thenComparing(v -> v.getMetadata().getCreationTimestamp()));
    Optional<String> latestName = latest.map(v -> v.getMetadata().getName());

    String wanted = model.getSpec().getActiveVersion();
    Optional<CustomModelVersion> target =
        wanted == null
            ? latest
            : observed.versions().stream()
                .filter(v -> v.getMetadata().getName().equals(wanted))
                .findFirst();
    if (target.isEmpty() && wanted != null) {
      return refused(
          Problem.of(
              Reasons.VERSION_NOT_FOUND,
              "spec.activeVersion:"
                  + " CustomModelVersion \""
                  + wanted
                  + "\" of this model does not exist in namespace "
                  + namespace),
          specProblems,
          Optional.of(wanted),
          latestName);
    }
    if (target.isEmpty()) {
      String why =
          observed.versions().isEmpty()
              ? "no CustomModelVersion references this model yet"
              : "none of this model's "
                  + observed.versions().size()
                  + " CustomModelVersions is valid yet";
      return refused(
          Problem.of(Reasons.NO_VALID_VERSION, why), specProblems, Optional.empty(), latestName);
    }
    Optional<PromotionGate.Verdict> verdict =
        PromotionGate.check(model, target.get(), observed.tests())
            .map(v -> v.passed() || !served(target.get(), observed) ? v : PromotionGate.serving(v));
    if (verdict.isPresent() && !verdict.get().passed()) {
      // Held: the version served now (if any) keeps serving.
      Optional<CustomModelVersion> current =
          observed.versions().stream().filter(v -> served(v, observed)).findFirst();
      if (current.isEmpty()) {
        return refused(
                Problem.of(verdict.get().reason(), verdict.get().message()),
                specProblems,
                Optional.of(target.get().getMetadata().getName()),
                latestName)
            .withPromotion(verdict);
      }
      return validate(model, current.get(), observed, config, specProblems, latestName)
          .withPromotion(verdict);
    }
    return validate(model, target.get(), observed, config, specProblems, latestName)
        .withPromotion(verdict);
  }

  /** Whether the model's Service routes to {@code version} now. */
  private static boolean served(CustomModelVersion version, Observed observed) {
    return observed
        .routedVersion()
        .filter(Names.labelValue(version.getMetadata().getName())::equals)
        .isPresent();
  }

  private static Validation validate(
      CustomModel model,
      CustomModelVersion version,
      Observed observed,
      OperatorConfig config,
      List<Problem> specProblems,
      Optional<String> latestName) {
    OperatorLimits limits = config.limits();
    String namespace = model.getMetadata().getNamespace();
    String versionName = version.getMetadata().getName();

    List<Problem> problems = new ArrayList<>();
    var resolution =
        CustomModelVersionValidator.servable(
            version,
            observed.environments(),
            CustomModelVersionValidator.lookupsFor(version, observed::lookups),
            config.gitHttpHosts());
    resolution
        .problems()
        .forEach(
            p ->
                problems.add(
                    Problem.of(p.reason(), "version " + versionName + ": " + p.message())));
    Set<String> bundlesInUse =
        observed.deployments().stream()
            .map(
                d ->
                    d.getMetadata().getAnnotations() == null
                        ? null
                        : d.getMetadata().getAnnotations().get(ModelLabels.BUNDLE_ANNOTATION))
            .filter(b -> b != null)
            .collect(Collectors.toSet());
    var serving =
        EffectiveServing.resolve(
            settings(model.getSpec()),
            settings(version.getSpec()),
            observed.bundles(),
            bundlesInUse,
            limits);
    problems.addAll(serving.problems());
    serving
        .resolved()
        .flatMap(
            s ->
                EgressPolicies.allowed(
                    settings(version.getSpec()).networkEgressPolicy().isPresent()
                        ? "version " + versionName + " spec.networkEgressPolicy"
                        : "spec.networkEgressPolicy",
                    s.networkEgressPolicy(),
                    namespace,
                    config.egress()))
        .ifPresent(problems::add);
    problems.addAll(specProblems);
    if (!problems.isEmpty()) {
      return new Validation(
          Optional.empty(), List.copyOf(problems), Optional.of(versionName), latestName);
    }
    return new Validation(
        Optional.of(
            new Valid(
                version, resolution.resolved().orElseThrow(), serving.resolved().orElseThrow())),
        List.of(),
        Optional.of(versionName),
        latestName);
  }

  /**
   * What the CRD schema also checks and the model's pod relies on (its environment carries these
   * fields), repeated for objects the schema never saw.
   */
  static List<Problem> spec(CustomModelSpec spec) {
    List<Problem> problems = new ArrayList<>();
    if (spec.getTargetType() == null) {
      problems.add(Problem.of(Reasons.INVALID_SPEC, "spec.targetType is required"));
    }
    if ((spec.getPositiveClassLabel() == null) != (spec.getNegativeClassLabel() == null)) {
      problems.add(
          Problem.of(
              Reasons.INVALID_SPEC,
              "positiveClassLabel and negativeClassLabel"
                  + " must be set together (both or neither)"));
    }
    if (spec.getClassLabels() != null && spec.getClassLabels().contains(null)) {
      problems.add(Problem.of(Reasons.INVALID_SPEC, "spec.classLabels: a label is missing"));
    }
    return problems;
  }

  /** The serving fields of a model's or a version's spec (or a test's overrides). */
  public static Settings settings(ServingSettings s) {
    return new Settings(
        Optional.ofNullable(s.getReplicas()),
        Optional.ofNullable(s.getMaximumMemory()),
        Optional.ofNullable(s.getDesiredMemory()),
        Optional.ofNullable(s.getResourceBundleRef()).map(r -> r.getName()),
        Optional.ofNullable(s.getNetworkEgressPolicy()).map(Egress::of),
        Optional.ofNullable(s.getRequiresHa()),
        Optional.ofNullable(s.getAutoscaling()));
  }

  private static Validation refused(
      Problem problem, List<Problem> more, Optional<String> target, Optional<String> latest) {
    List<Problem> problems = new ArrayList<>();
    problems.add(problem);
    problems.addAll(more);
    return new Validation(Optional.empty(), List.copyOf(problems), target, latest);
  }
}
