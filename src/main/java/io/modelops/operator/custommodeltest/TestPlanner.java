package io.modelops.operator.custommodeltest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelSpec;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckConfiguration;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTestSpec;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.custommodel.ModelPod;
import io.modelops.operator.custommodel.ServingPlanner;
import io.modelops.operator.modeltest.TestPlan;
import io.modelops.operator.modeltest.TesterContract;
import io.modelops.operator.naming.ModelNames;
import io.modelops.operator.naming.TestLabels;
import io.modelops.operator.naming.TestNames;
import io.modelops.operator.pod.TestPodAssembly;
import io.modelops.operator.pod.TesterInputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides how a validated test runs, as a {@link TestJobPlan}: the model server built by the same
 * inputs as serving ({@link ModelPod#server}) with the test's effective settings, the tester with
 * its {@link TestPlan} (checks with their defaults resolved, the dataset's path, the timeouts), and
 * the Job's deadline. Pure: no lookups.
 */
final class TestPlanner {
  /** Annotation on a test's Job: the tested version's generation when the test started. */
  static final String VERSION_GENERATION_ANNOTATION = "modelops.io/version-generation";

  /** Annotation on a test's Job: the tested version's model. */
  static final String MODEL_ANNOTATION = "modelops.io/model-name";

  /** How long the server must keep answering after the checks. */
  static final int STAY_UP_SECONDS = 10;

  /** How long one prediction request may take. */
  static final int REQUEST_TIMEOUT_SECONDS = 60;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestPlanner() {}

  static TestJobPlan plan(CustomModelTest test, TestValidator.Valid valid, OperatorConfig config) {
    String testName = test.getMetadata().getName();
    String modelName = valid.model().getMetadata().getName();
    String versionName = valid.version().getMetadata().getName();
    Map<String, String> labels = TestLabels.test(modelName, testName);
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(TestLabels.TEST_NAME_ANNOTATION, testName);
    String urlPrefix = ModelNames.urlPrefix(modelName);
    var server =
        ModelPod.server(
                valid.model(), versionName, valid.server(), valid.serving(), urlPrefix, config)
            .podLabels(labels)
            .podAnnotations(annotations)
            .build();
    long timeout =
        Optional.ofNullable(test.getSpec().getTimeoutSeconds())
            .orElse(CustomModelTestSpec.DEFAULT_TIMEOUT_SECONDS);
    TestPlan plan =
        testPlan(
            test.getSpec(), valid, "http://127.0.0.1:" + ServingPlanner.PORT + urlPrefix, timeout);
    var tester =
        new TesterInputs(
            config.testerImage(),
            TesterContract.MODE_ARGUMENT,
            TesterContract.PLAN_ENV,
            json(plan),
            valid.dataset());
    Map<String, String> jobAnnotations = new LinkedHashMap<>(annotations);
    jobAnnotations.put(MODEL_ANNOTATION, modelName);
    jobAnnotations.put(
        VERSION_GENERATION_ANNOTATION,
        String.valueOf(valid.version().getMetadata().getGeneration()));
    return new TestJobPlan(
        test.getMetadata().getNamespace(),
        testName,
        TestNames.job(test),
        TestNames.networkPolicy(test),
        labels,
        jobAnnotations,
        TestLabels.selector(testName),
        valid.serving().networkEgressPolicy(),
        TestPodAssembly.podTemplate(server, tester),
        timeout,
        config);
  }

  /** What the tester is asked to do. */
  static TestPlan testPlan(
      CustomModelTestSpec spec, TestValidator.Valid valid, String serverUrl, long timeout) {
    CustomModelSpec model = valid.model().getSpec();
    CheckConfiguration c =
        spec.getConfiguration() == null ? new CheckConfiguration() : spec.getConfiguration();
    var checks =
        new TestPlan.Checks(
            or(c.getErrorCheck(), CheckConfiguration.DEFAULT_ERROR_CHECK),
            or(c.getLongRunningService(), CheckConfiguration.DEFAULT_LONG_RUNNING_SERVICE),
            or(c.getNullValueImputation(), CheckConfiguration.DEFAULT_NULL_VALUE_IMPUTATION),
            or(c.getSideEffects(), CheckConfiguration.DEFAULT_SIDE_EFFECTS));
    List<String> labels =
        model.getTargetType() == TargetType.BINARY && model.getPositiveClassLabel() != null
            ? List.of(model.getPositiveClassLabel(), model.getNegativeClassLabel())
            : model.getClassLabels();
    var expected =
        Optional.ofNullable(spec.getExpectedPredictions())
            .map(
                e ->
                    new TestPlan.ExpectedPredictions(
                        e.getColumn(),
                        Optional.ofNullable(e.getTolerance()).orElse(1e-6),
                        or(e.getSetting(), CheckSetting.FAIL)))
            .orElse(null);
    var performance =
        Optional.ofNullable(spec.getPerformance())
            .map(
                p ->
                    new TestPlan.Performance(
                        Optional.ofNullable(p.getParallelUsers()).orElse(1),
                        Optional.ofNullable(p.getRequests()).orElse(100)))
            .orElse(null);
    // The server gets half the deadline to become ready; the checks get the rest.
    int readiness = (int) Math.max(30, Math.min(600, timeout / 2));
    return new TestPlan(
        serverUrl,
        model.getTargetType(),
        model.getTargetName(),
        labels,
        model.getPredictionThreshold(),
        valid.dataset().map(TesterInputs.Dataset::path).orElse(null),
        checks,
        readiness,
        REQUEST_TIMEOUT_SECONDS,
        STAY_UP_SECONDS,
        expected,
        performance);
  }

  private static CheckSetting or(CheckSetting value, CheckSetting fallback) {
    return value == null ? fallback : value;
  }

  private static String json(TestPlan plan) {
    try {
      return JSON.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the test plan", e);
    }
  }
}
