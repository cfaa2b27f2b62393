package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorLimits;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.resourcebundle.BundleChoice.Bundle;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A run, its job and what validation looks up, shared by the run controller's unit tests. */
final class RunFixtures {
  static final OperatorConfig CONFIG =
      new OperatorConfig(
          new OperatorLimits(
              8, OperatorLimits.MAX_CONTAINER_SIZE, OperatorLimits.MIN_CONTAINER_SIZE, 20, 5, 900),
          null,
          null,
          null,
          null,
          false,
          null,
          null,
          0);
  static final Bundle JOBS =
      new Bundle(
          "jobs",
          Optional.of(2.0),
          Optional.of(4294967296L),
          0,
          null,
          Set.of("customJob"),
          true,
          false);

  private RunFixtures() {}

  static CustomJobRun run() {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJobRun
        metadata: {name: metrics-1, namespace: team-a}
        spec:
          customJobRef: {name: metrics}
          runtimeParameterValues: [{fieldName: WINDOW, type: numeric, value: 7}]
        """,
        CustomJobRun.class);
  }

  static CustomJob job(String extra) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: metrics, namespace: team-a}
        spec:
          jobType: hostedCustomMetric
          environment: {image: "python:3.11"}
          code: {configMap: {name: code}}
          runtimeParameterDefinitions: [{fieldName: WINDOW, type: numeric, defaultValue: 1}]
          runtimeParameterValues: [{fieldName: WINDOW, type: numeric, value: 3}]
        %s
        """
            .formatted(extra.indent(2)),
        CustomJob.class);
  }

  static CustomModel model(String endpoint) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: churn, namespace: team-a}
        status: {endpoint: "%s"}
        """
            .formatted(endpoint),
        CustomModel.class);
  }

  /** Lookups finding ConfigMap "code", Secret "creds" with key "token", bundle "jobs". */
  static CustomJobRunValidator.Lookups lookups(Optional<CustomModel> model) {
    return lookups(model, Map.of());
  }

  static CustomJobRunValidator.Lookups lookups(
      Optional<CustomModel> model, Map<String, ExecutionEnvironment> environments) {
    return new CustomJobRunValidator.Lookups(
        name -> Optional.ofNullable(environments.get(name)),
        Map.of("jobs", JOBS),
        new NamespaceLookups() {
          @Override
          public SecretState secret(String name, String key) {
            return !name.equals("creds")
                ? SecretState.NO_SECRET
                : key.equals("token") ? SecretState.PRESENT : SecretState.NO_KEY;
          }

          @Override
          public boolean configMapExists(String name) {
            return name.equals("code");
          }

          @Override
          public boolean persistentVolumeClaimExists(String name) {
            return false;
          }
        },
        name -> model);
  }

  /** The plan of a valid run of {@code job}. */
  static RunPlan plan(CustomJob job, Optional<CustomModel> model) {
    var validation =
        CustomJobRunValidator.validate(
            run(), Optional.of(job), CONFIG.egress(), () -> lookups(model));
    return RunPlanner.plan(run(), job, validation.resolved().orElseThrow(), CONFIG);
  }
}
