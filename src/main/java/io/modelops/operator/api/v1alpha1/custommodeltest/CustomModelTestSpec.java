package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.v1alpha1.common.NameRef;

/**
 * What to test: a CustomModelVersion (its model follows from it), a dataset, the checks' settings,
 * serving overrides and optional extra checks. Fixed at creation; only {@code cancel} may change,
 * and only from false to true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "has(self.customModelVersionRef) == has(oldSelf.customModelVersionRef) && (!has(self.customModelVersionRef) || self.customModelVersionRef == oldSelf.customModelVersionRef)",
    message = "customModelVersionRef" + CustomModelTestSpec.IMMUTABLE,
    fieldPath = ".customModelVersionRef")
@ValidationRule(
    value =
        "has(self.dataset) == has(oldSelf.dataset) && (!has(self.dataset) || self.dataset == oldSelf.dataset)",
    message = "dataset" + CustomModelTestSpec.IMMUTABLE,
    fieldPath = ".dataset")
@ValidationRule(
    value =
        "has(self.configuration) == has(oldSelf.configuration) && (!has(self.configuration) || self.configuration == oldSelf.configuration)",
    message = "configuration" + CustomModelTestSpec.IMMUTABLE,
    fieldPath = ".configuration")
@ValidationRule(
    value =
        "has(self.overrides) == has(oldSelf.overrides) && (!has(self.overrides) || self.overrides == oldSelf.overrides)",
    message = "overrides" + CustomModelTestSpec.IMMUTABLE,
    fieldPath = ".overrides")
@ValidationRule(
    value =
        "has(self.expectedPredictions) == has(oldSelf.expectedPredictions) && (!has(self.expectedPredictions) || self.expectedPredictions == oldSelf.expectedPredictions)",
    message = "expectedPredictions" + CustomModelTestSpec.IMMUTABLE,
    fieldPath = ".expectedPredictions")
@ValidationRule(
    value =
        "has(self.performance) == has(oldSelf.performance) && (!has(self.performance) || self.performance == oldSelf.performance)",
    message = "performance" + CustomModelTestSpec.IMMUTABLE,
    fieldPath = ".performance")
@ValidationRule(
    value =
        "has(self.timeoutSeconds) == has(oldSelf.timeoutSeconds) && (!has(self.timeoutSeconds) || self.timeoutSeconds == oldSelf.timeoutSeconds)",
    message = "timeoutSeconds" + CustomModelTestSpec.IMMUTABLE,
    fieldPath = ".timeoutSeconds")
@ValidationRule(
    value =
        "has(self.description) == has(oldSelf.description) && (!has(self.description) || self.description == oldSelf.description)",
    message = "description" + CustomModelTestSpec.IMMUTABLE,
    fieldPath = ".description")
@ValidationRule(
    value = "!has(oldSelf.cancel) || !oldSelf.cancel || (has(self.cancel) && self.cancel)",
    message =
        "cancel cannot be undone: a canceled test stays canceled; create a new CustomModelTest",
    fieldPath = ".cancel")
public class CustomModelTestSpec {
  static final String IMMUTABLE =
      " is immutable: create a new CustomModelTest instead (only cancel can change, from false to"
          + " true)";

  /** The default of {@link #timeoutSeconds}. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 1800;

  @Required
  @JsonPropertyDescription(
      "The CustomModelVersion (same namespace) to test; its CustomModel gives the target type,"
          + " labels and serving settings.")
  private NameRef customModelVersionRef;

  @JsonPropertyDescription(
      "The CSV test dataset (header row first): a ConfigMap key or a file on a"
          + " PersistentVolumeClaim. Required unless the model's targetType is Unstructured.")
  private TestDataset dataset;

  @JsonPropertyDescription(
      "The setting of each check: errorCheck [fail, skip] (default fail), longRunningService"
          + " [fail] (default fail), nullValueImputation [skip, warn, fail] (default skip),"
          + " sideEffects [skip, warn, fail] (default skip).")
  private CheckConfiguration configuration;

  @JsonPropertyDescription(
      "Serving settings for this test only, each overriding the version's and the model's:"
          + " memory, resource bundle, replicas, requiresHa, network egress policy, environment.")
  private TestOverrides overrides;

  @JsonPropertyDescription(
      "Optional, off by default: compare each row's prediction with a column of the dataset.")
  private ExpectedPredictions expectedPredictions;

  @JsonPropertyDescription(
      "Optional, off by default: measure latency and throughput with parallel clients.")
  private PerformanceTest performance;

  @Min(60)
  @Max(86400)
  @JsonPropertyDescription(
      "Seconds the whole test may take (the Job's activeDeadlineSeconds), 60..86400. Default:"
          + " 1800.")
  private Integer timeoutSeconds;

  @Size(max = 10000)
  @JsonPropertyDescription("Why this test exists, for humans.")
  private String description;

  @JsonPropertyDescription(
      "true cancels the test (its Job is deleted; overall status canceled); cannot be set back"
          + " to false. Default: false.")
  private Boolean cancel;

  public NameRef getCustomModelVersionRef() {
    return customModelVersionRef;
  }

  public void setCustomModelVersionRef(NameRef customModelVersionRef) {
    this.customModelVersionRef = customModelVersionRef;
  }

  public TestDataset getDataset() {
    return dataset;
  }

  public void setDataset(TestDataset dataset) {
    this.dataset = dataset;
  }

  public CheckConfiguration getConfiguration() {
    return configuration;
  }

  public void setConfiguration(CheckConfiguration configuration) {
    this.configuration = configuration;
  }

  public TestOverrides getOverrides() {
    return overrides;
  }

  public void setOverrides(TestOverrides overrides) {
    this.overrides = overrides;
  }

  public ExpectedPredictions getExpectedPredictions() {
    return expectedPredictions;
  }

  public void setExpectedPredictions(ExpectedPredictions expectedPredictions) {
    this.expectedPredictions = expectedPredictions;
  }

  public PerformanceTest getPerformance() {
    return performance;
  }

  public void setPerformance(PerformanceTest performance) {
    this.performance = performance;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Boolean getCancel() {
    return cancel;
  }

  public void setCancel(Boolean cancel) {
    this.cancel = cancel;
  }
}
