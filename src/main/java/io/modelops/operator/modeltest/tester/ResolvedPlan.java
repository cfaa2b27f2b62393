package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.modeltest.TestPlan;
import io.modelops.operator.modeltest.TesterContract;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link TestPlan} checked and with every default filled in, so the checks never see a missing
 * value. {@link #parse} refuses a plan it cannot run with a {@link BadPlanException} naming the
 * field.
 */
public record ResolvedPlan(
    String serverUrl,
    TargetType targetType,
    Set<String> nonFeatureColumns,
    List<String> classLabels,
    double predictionThreshold,
    Optional<Path> dataset,
    Settings settings,
    Duration readinessTimeout,
    Duration requestTimeout,
    Duration stayUp,
    Optional<Expected> expected,
    Optional<Load> performance) {

  static final int DEFAULT_READINESS_TIMEOUT_SECONDS = 300;
  static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
  static final int DEFAULT_STAY_UP_SECONDS = 10;
  static final double DEFAULT_TOLERANCE = 1e-6;

  /** The seed's {@code maxCustomModelTestingParallelUsers} cannot exceed this. */
  public static final int MAX_PARALLEL_USERS = 20;

  public static final int MAX_PERFORMANCE_REQUESTS = 10_000;
  static final int DEFAULT_PERFORMANCE_REQUESTS = 100;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The setting of each of the seed's checks. */
  public record Settings(
      CheckSetting errorCheck,
      CheckSetting longRunningService,
      CheckSetting nullValueImputation,
      CheckSetting sideEffects) {}

  /** Compare each prediction with {@code column}: numbers within {@code tolerance}. */
  public record Expected(String column, double tolerance, CheckSetting setting) {}

  /** {@code requests} single-row predictions sent by {@code parallelUsers} clients. */
  public record Load(int parallelUsers, int requests) {}

  /** Whether predictions of this target type are opaque to the tester (passed through). */
  public boolean passthrough() {
    return targetType == TargetType.UNSTRUCTURED || targetType == TargetType.VECTOR_DATABASE;
  }

  /** Reads and checks the plan's JSON as the operator wrote it into {@link TesterContract}. */
  public static ResolvedPlan parse(String json) throws BadPlanException {
    if (json == null || json.isBlank()) {
      throw new BadPlanException(
          "The environment variable "
              + TesterContract.PLAN_ENV
              + " holding the test plan is empty.");
    }
    TestPlan plan;
    try {
      plan = JSON.readValue(json, TestPlan.class);
    } catch (JsonMappingException e) {
      String field =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      throw new BadPlanException(
          field.isEmpty()
              ? "The test plan is not a JSON object."
              : "The test plan's field "
                  + field
                  + " has a value of the wrong type or an unknown"
                  + " value.");
    } catch (JsonProcessingException e) {
      throw new BadPlanException(
          "The test plan is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ").");
    }
    if (plan == null) {
      throw new BadPlanException("The test plan is not a JSON object.");
    }
    return resolve(plan);
  }

  static ResolvedPlan resolve(TestPlan plan) throws BadPlanException {
    String url = serverUrl(plan.serverUrl());
    if (plan.targetType() == null) {
      throw new BadPlanException("The test plan has no targetType.");
    }
    TargetType type = plan.targetType();
    boolean passthrough = type == TargetType.UNSTRUCTURED || type == TargetType.VECTOR_DATABASE;
    if (!passthrough && (plan.datasetPath() == null || plan.datasetPath().isBlank())) {
      throw new BadPlanException(
          "The test plan has no datasetPath; only Unstructured models may be tested without a"
              + " dataset.");
    }
    List<String> labels = plan.classLabels() == null ? List.of() : List.copyOf(plan.classLabels());
    if (new LinkedHashSet<>(labels).size() != labels.size()) {
      throw new BadPlanException("The test plan's classLabels repeat a label.");
    }
    if (type == TargetType.BINARY && labels.size() != 2) {
      throw new BadPlanException(
          "The test plan's classLabels must name the positive and the negative class of a Binary"
              + " model (2 labels, got "
              + labels.size()
              + ").");
    }
    if (type == TargetType.MULTICLASS && labels.size() < 2) {
      throw new BadPlanException(
          "The test plan's classLabels must name at least 2 classes of a Multiclass model.");
    }
    double threshold = plan.predictionThreshold() == null ? 0.5 : plan.predictionThreshold();
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new BadPlanException("The test plan's predictionThreshold must be between 0 and 1.");
    }
    TestPlan.Checks checks =
        plan.checks() == null ? new TestPlan.Checks(null, null, null, null) : plan.checks();
    Settings settings =
        new Settings(
            orDefault(checks.errorCheck(), CheckSetting.FAIL),
            // The seed allows only "fail": a server that does not stay up fails the test.
            CheckSetting.FAIL,
            orDefault(checks.nullValueImputation(), CheckSetting.SKIP),
            orDefault(checks.sideEffects(), CheckSetting.SKIP));
    Set<String> nonFeatures = new LinkedHashSet<>();
    if (plan.targetName() != null && !plan.targetName().isBlank()) {
      nonFeatures.add(plan.targetName());
    }
    Optional<Expected> expected = Optional.empty();
    if (plan.expectedPredictions() != null) {
      TestPlan.ExpectedPredictions e = plan.expectedPredictions();
      if (e.column() == null || e.column().isBlank()) {
        throw new BadPlanException("The test plan's expectedPredictions.column is empty.");
      }
      double tolerance = e.tolerance() == null ? DEFAULT_TOLERANCE : e.tolerance();
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new BadPlanException(
            "The test plan's expectedPredictions.tolerance must be a number of 0 or more.");
      }
      nonFeatures.add(e.column());
      expected =
          Optional.of(
              new Expected(e.column(), tolerance, orDefault(e.setting(), CheckSetting.FAIL)));
    }
    Optional<Load> load = Optional.empty();
    if (plan.performance() != null) {
      int users =
          between(
              "performance.parallelUsers",
              plan.performance().parallelUsers(),
              1,
              1,
              MAX_PARALLEL_USERS);
      int requests =
          between(
              "performance.requests",
              plan.performance().requests(),
              DEFAULT_PERFORMANCE_REQUESTS,
              1,
              MAX_PERFORMANCE_REQUESTS);
      load = Optional.of(new Load(users, requests));
    }
    return new ResolvedPlan(
        url,
        type,
        Set.copyOf(nonFeatures),
        labels,
        threshold,
        Optional.ofNullable(plan.datasetPath()).filter(p -> !p.isBlank()).map(Path::of),
        settings,
        Duration.ofSeconds(
            between(
                "readinessTimeoutSeconds",
                plan.readinessTimeoutSeconds(),
                DEFAULT_READINESS_TIMEOUT_SECONDS,
                1,
                3600)),
        Duration.ofSeconds(
            between(
                "requestTimeoutSeconds",
                plan.requestTimeoutSeconds(),
                DEFAULT_REQUEST_TIMEOUT_SECONDS,
                1,
                600)),
        Duration.ofSeconds(
            between("stayUpSeconds", plan.stayUpSeconds(), DEFAULT_STAY_UP_SECONDS, 0, 600)),
        expected,
        load);
  }

  private static String serverUrl(String value) throws BadPlanException {
    if (value == null || value.isBlank()) {
      throw new BadPlanException("The test plan has no serverUrl.");
    }
    URI uri;
    try {
      uri = URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      throw new BadPlanException("The test plan's serverUrl is not a URL.");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      throw new BadPlanException(
          "The test plan's serverUrl must be an http:// or https:// URL with a host and no query.");
    }
    String url = value.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }

  private static int between(String field, Integer value, int fallback, int min, int max)
      throws BadPlanException {
    int v = value == null ? fallback : value;
    if (v < min || v > max) {
      throw new BadPlanException(
          "The test plan's " + field + " must be between " + min + " and " + max + ".");
    }
    return v;
  }

  private static CheckSetting orDefault(CheckSetting value, CheckSetting fallback) {
    return value == null ? fallback : value;
  }
}
