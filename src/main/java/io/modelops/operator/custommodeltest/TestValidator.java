package io.modelops.operator.custommodeltest;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.EnvironmentRef;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestSpec;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestDataset;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.custommodel.CustomModelValidator;
import io.modelops.operator.custommodel.EffectiveServing;
import io.modelops.operator.custommodelversion.CustomModelVersionValidator;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.naming.WireNames;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.pod.TesterInputs;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates a CustomModelTest before it may start, returning every problem at once, each naming its
 * field: the version exists and is valid, its model exists, the dataset is given (unless the model
 * is Unstructured) and its ConfigMap key or PersistentVolumeClaim exists, and the overrides resolve
 * over the version's and the model's serving settings within the operator's limits and the
 * namespace's egress rules. Pure: every lookup comes in as an argument.
 */
final class TestValidator {
  private TestValidator() {}

  /** What validation reads of the cluster. */
  record Lookups(
      Function<String, Optional<CustomModelVersion>> versions,
      Function<String, Optional<CustomModel>> models,
      Function<String, Optional<ExecutionEnvironment>> environments,
      Map<String, Bundle> bundles,
      NamespaceLookups namespace,
      ConfigMapKeys configMapKeys) {}

  /** Whether a ConfigMap has a key (the lookup reads the ConfigMap by name). */
  interface ConfigMapKeys {
    /** Empty when the ConfigMap does not exist, else whether it has {@code key}. */
    Optional<Boolean> hasKey(String configMap, String key);
  }

  /** A test that can start. */
  record Valid(
      CustomModel model,
      CustomModelVersion version,
      CustomModelVersionValidator.Resolved server,
      EffectiveServing.Resolved serving,
      Optional<TesterInputs.Dataset> dataset) {}

  /**
   * The outcome: a valid test, or its problems; {@code waits} when the test only waits for its
   * version to exist or be validated (a version event wakes it), {@code model} when known.
   */
  record Validation(
      Optional<Valid> valid, List<Problem> problems, boolean waits, Optional<String> model) {
    String summary() {
      return String.join("; ", problems.stream().map(Problem::message).toList());
    }

    String reason() {
      return problems.isEmpty() ? Reasons.VALIDATED : problems.get(0).reason();
    }
  }

  static Validation validate(CustomModelTest test, Lookups lookups, OperatorConfig config) {
    CustomModelTestSpec spec = test.getSpec();
    String namespace = test.getMetadata().getNamespace();
    String versionName = spec.getCustomModelVersionRef().getName();
    Optional<CustomModelVersion> found = lookups.versions().apply(versionName);
    if (found.isEmpty()) {
      return waiting(
          Problem.of(
              Reasons.VERSION_NOT_FOUND,
              "spec.customModelVersionRef.name: CustomModelVersion \""
                  + versionName
                  + "\" does not exist in namespace "
                  + namespace),
          Optional.empty());
    }
    CustomModelVersion version = found.get();
    String modelName = version.getSpec().getCustomModelRef().getName();
    Optional<CustomModel> model = lookups.models().apply(modelName);
    if (model.isEmpty()) {
      return waiting(
          Problem.of(
              Reasons.MODEL_NOT_FOUND,
              "spec.customModelVersionRef.name: the model of CustomModelVersion \""
                  + versionName
                  + "\", CustomModel \""
                  + modelName
                  + "\", does not exist in namespace "
                  + namespace),
          Optional.of(modelName));
    }
    if (Conditions.find(version.getStatus(), Conditions.VALIDATED).isEmpty()) {
      return waiting(
          Problem.of(
              Reasons.VERSION_PENDING,
              "spec.customModelVersionRef.name: CustomModelVersion \""
                  + versionName
                  + "\" is not validated yet"),
          Optional.of(modelName));
    }

    List<Problem> problems = new ArrayList<>();
    Optional<TesterInputs.Dataset> dataset =
        dataset(spec.getDataset(), model.get(), lookups, problems);
    if (spec.getPerformance() != null && spec.getPerformance().getParallelUsers() != null) {
      int users = spec.getPerformance().getParallelUsers();
      int max = config.limits().maxCustomModelTestingParallelUsers();
      if (users > max) {
        problems.add(
            Problem.of(
                Reasons.LIMIT_EXCEEDED,
                "spec.performance.parallelUsers "
                    + users
                    + " exceeds the operator limit maxCustomModelTestingParallelUsers="
                    + max));
      }
    }
    var overrides = spec.getOverrides();
    EffectiveServing.Settings testSettings =
        overrides == null
            ? EffectiveServing.Settings.none()
            : CustomModelValidator.settings(overrides);
    var serving =
        EffectiveServing.resolve(
            CustomModelValidator.settings(version.getSpec())
                .over(CustomModelValidator.settings(model.get().getSpec())),
            testSettings,
            lookups.bundles(),
            Set.of(),
            config.limits(),
            "spec.overrides.");
    problems.addAll(serving.problems());
    serving
        .resolved()
        .flatMap(
            s ->
                EgressPolicies.allowed(
                    testSettings.networkEgressPolicy().isPresent()
                        ? "spec.overrides.networkEgressPolicy"
                        : "the version's or model's networkEgressPolicy",
                    s.networkEgressPolicy(),
                    namespace,
                    config.egress()))
        .ifPresent(problems::add);

    Optional<EnvironmentRef> environment =
        Optional.ofNullable(overrides).map(o -> o.getEnvironment());
    CustomModelVersion tested = withEnvironment(version, environment);
    var server =
        CustomModelVersionValidator.servable(
            tested,
            lookups.environments(),
            environment.isPresent()
                ? lookups.namespace()
                : CustomModelVersionValidator.lookupsFor(version, lookups::namespace));
    for (Problem p : server.problems()) {
      boolean overridden = environment.isPresent() && p.message().startsWith("spec.environment");
      problems.add(
          Problem.of(
              p.reason(),
              overridden
                  ? p.message().replaceFirst("spec\\.environment", "spec.overrides.environment")
                  : "CustomModelVersion " + versionName + ": " + p.message()));
    }
    if (!problems.isEmpty()) {
      return new Validation(Optional.empty(), List.copyOf(problems), false, Optional.of(modelName));
    }
    return new Validation(
        Optional.of(
            new Valid(
                model.get(),
                version,
                server.resolved().orElseThrow(),
                serving.resolved().orElseThrow(),
                dataset)),
        List.of(),
        false,
        Optional.of(modelName));
  }

  private static Optional<TesterInputs.Dataset> dataset(
      TestDataset dataset, CustomModel model, Lookups lookups, List<Problem> problems) {
    TargetType type = model.getSpec().getTargetType();
    if (dataset == null) {
      if (type != TargetType.UNSTRUCTURED) {
        problems.add(
            Problem.of(
                Reasons.DATASET_REQUIRED,
                "spec.dataset is required: CustomModel "
                    + model.getMetadata().getName()
                    + " has targetType "
                    + WireNames.of(type)
                    + " (only Unstructured models may be tested without a dataset)"));
      }
      return Optional.empty();
    }
    if (dataset.getConfigMapKeyRef() != null) {
      String name = dataset.getConfigMapKeyRef().getName();
      String key = dataset.getConfigMapKeyRef().getKey();
      Optional<Boolean> hasKey = lookups.configMapKeys().hasKey(name, key);
      if (hasKey.isEmpty()) {
        problems.add(
            Problem.of(
                Reasons.CONFIG_MAP_NOT_FOUND,
                "spec.dataset.configMapKeyRef.name: ConfigMap \"" + name + "\" does not exist"));
      } else if (!hasKey.get()) {
        problems.add(
            Problem.of(
                Reasons.CONFIG_MAP_KEY_NOT_FOUND,
                "spec.dataset.configMapKeyRef.key: ConfigMap \""
                    + name
                    + "\" has no key \""
                    + key
                    + "\""));
      }
      return Optional.of(new TesterInputs.ConfigMapKey(name, key));
    }
    var file = dataset.getPersistentVolumeClaim();
    if (!lookups.namespace().persistentVolumeClaimExists(file.getClaimName())) {
      problems.add(
          Problem.of(
              Reasons.PERSISTENT_VOLUME_CLAIM_NOT_FOUND,
              "spec.dataset.persistentVolumeClaim.claimName: PersistentVolumeClaim \""
                  + file.getClaimName()
                  + "\" does not exist"));
    }
    return Optional.of(new TesterInputs.VolumeFile(file.getClaimName(), file.getPath()));
  }

  /** The version as the test runs it: with the override's environment when there is one. */
  private static CustomModelVersion withEnvironment(
      CustomModelVersion version, Optional<EnvironmentRef> environment) {
    if (environment.isEmpty()) {
      return version;
    }
    CustomModelVersion copy = Serialization.clone(version);
    copy.getSpec().setEnvironment(environment.get());
    return copy;
  }

  private static Validation waiting(Problem problem, Optional<String> model) {
    return new Validation(Optional.empty(), List.of(problem), true, model);
  }
}
