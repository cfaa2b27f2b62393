package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.CodeSource;
import io.modelops.operator.api.v1alpha1.common.EnvironmentRef;
import io.modelops.operator.api.v1alpha1.common.Formats;
import io.modelops.operator.api.v1alpha1.common.NameRef;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterDefinition;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterValue;
import java.util.List;

/**
 * A custom job: what to run (environment, code, entry point, runtime parameters), with which
 * resources and worker configuration, and when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.customMetrics) || (has(self.jobType) && self.jobType == 'hostedCustomMetric')",
    message = "customMetrics are only allowed when jobType is hostedCustomMetric",
    reason = "FieldValueForbidden",
    fieldPath = ".customMetrics")
@ValidationRule(
    value =
        "!has(self.sidecarModelRef) || (has(self.jobType) && self.jobType == 'hostedCustomMetric')",
    message = "sidecarModelRef is only allowed when jobType is hostedCustomMetric",
    reason = "FieldValueForbidden",
    fieldPath = ".sidecarModelRef")
@SchemaCustomizer(value = SchemaPatch.class, input = CustomJobSpec.LIST_KEYS)
public class CustomJobSpec {
  // Keyed lists: one entry per fieldName / metric name, merged by key under server-side apply.
  static final String LIST_KEYS =
      """
      {"properties": {
        "runtimeParameterDefinitions": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["fieldName"]},
        "runtimeParameterValues": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["fieldName"]},
        "customMetrics": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"]}}}
      """;

  @Size(max = 2000)
  @JsonPropertyDescription("What the job does, for humans.")
  private String description;

  @JsonPropertyDescription(
      "default, hostedCustomMetric, notification or retraining. Default: default.")
  private JobType jobType;

  @Required
  @JsonPropertyDescription(
      "Image to run: {name, version} of an ExecutionEnvironment (version default: its"
          + " latestVersion) or {image} directly.")
  private EnvironmentRef environment;

  @Required
  @JsonPropertyDescription(
      "The job's code, mounted read-only at /opt/code: exactly one of configMap, git, image,"
          + " persistentVolumeClaim.")
  private CodeSource code;

  @Size(max = 255)
  @Pattern(Formats.RELATIVE_PATH)
  @JsonPropertyDescription(
      "Executable in the code directory that runs the job (/opt/code/<entryPoint>). Default:"
          + " run.sh.")
  private String entryPoint;

  @Size(max = RuntimeParameterDefinition.MAX_PER_SPEC)
  @JsonPropertyDescription("Runtime parameters the job accepts, one per fieldName.")
  private List<RuntimeParameterDefinition> runtimeParameterDefinitions;

  @Size(max = RuntimeParameterValue.MAX_PER_SPEC)
  @JsonPropertyDescription(
      "Values for runtime parameters, one per fieldName; a run's values override these.")
  private List<RuntimeParameterValue> runtimeParameterValues;

  @JsonPropertyDescription(
      "cpu/memory (Kubernetes quantities) or a resourceBundleRef, and the egress policy.")
  private JobResources resources;

  @Min(1)
  @JsonPropertyDescription(
      "Seconds a run may take before it is stopped (Job activeDeadlineSeconds), capped by the"
          + " operator's maxCustomJobTimeout. Default: maxCustomJobTimeout.")
  private Long timeoutSeconds;

  @JsonPropertyDescription("When to run on a schedule. Without it the job only runs by hand.")
  private Schedule schedule;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Finished successful scheduled runs to keep, 0..100; older ones are deleted (runs created"
          + " by hand never are). Default: 3.")
  private Integer successfulRunsHistoryLimit;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Finished failed scheduled runs to keep, 0..100; older ones are deleted (runs created by"
          + " hand never are). Default: 1.")
  private Integer failedRunsHistoryLimit;

  @Min(0)
  @Max(10)
  @JsonPropertyDescription(
      "How often a failed pod is retried (Job backoffLimit), 0..10. Default: 0.")
  private Integer retries;

  @Size(min = 1, max = 16384)
  @JsonDeserialize(using = WorkerConfigText.class)
  @JsonPropertyDescription(
      "Free-form worker configuration (Model Studio's inputs, outputs and custom settings) as"
          + " YAML or JSON text whose top level is a mapping, at most 16384 characters; each run"
          + " mounts it as JSON at /etc/modelops/worker-config.json.")
  private String workerConfig;

  @Size(max = 10)
  @JsonPropertyDescription(
      "For hostedCustomMetric jobs: the metrics the job reports, one per name.")
  private List<CustomMetric> customMetrics;

  @JsonPropertyDescription("For hostedCustomMetric jobs: a CustomModel the metric job runs beside.")
  private NameRef sidecarModelRef;

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public JobType getJobType() {
    return jobType;
  }

  public void setJobType(JobType jobType) {
    this.jobType = jobType;
  }

  public EnvironmentRef getEnvironment() {
    return environment;
  }

  public void setEnvironment(EnvironmentRef environment) {
    this.environment = environment;
  }

  public CodeSource getCode() {
    return code;
  }

  public void setCode(CodeSource code) {
    this.code = code;
  }

  public String getEntryPoint() {
    return entryPoint;
  }

  public void setEntryPoint(String entryPoint) {
    this.entryPoint = entryPoint;
  }

  public List<RuntimeParameterDefinition> getRuntimeParameterDefinitions() {
    return runtimeParameterDefinitions;
  }

  public void setRuntimeParameterDefinitions(
      List<RuntimeParameterDefinition> runtimeParameterDefinitions) {
    this.runtimeParameterDefinitions = runtimeParameterDefinitions;
  }

  public List<RuntimeParameterValue> getRuntimeParameterValues() {
    return runtimeParameterValues;
  }

  public void setRuntimeParameterValues(List<RuntimeParameterValue> runtimeParameterValues) {
    this.runtimeParameterValues = runtimeParameterValues;
  }

  public JobResources getResources() {
    return resources;
  }

  public void setResources(JobResources resources) {
    this.resources = resources;
  }

  public Long getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Long timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Schedule getSchedule() {
    return schedule;
  }

  public void setSchedule(Schedule schedule) {
    this.schedule = schedule;
  }

  public Integer getSuccessfulRunsHistoryLimit() {
    return successfulRunsHistoryLimit;
  }

  public void setSuccessfulRunsHistoryLimit(Integer successfulRunsHistoryLimit) {
    this.successfulRunsHistoryLimit = successfulRunsHistoryLimit;
  }

  public Integer getFailedRunsHistoryLimit() {
    return failedRunsHistoryLimit;
  }

  public void setFailedRunsHistoryLimit(Integer failedRunsHistoryLimit) {
    this.failedRunsHistoryLimit = failedRunsHistoryLimit;
  }

  public Integer getRetries() {
    return retries;
  }

  public void setRetries(Integer retries) {
    this.retries = retries;
  }

  public String getWorkerConfig() {
    return workerConfig;
  }

  public void setWorkerConfig(String workerConfig) {
    this.workerConfig = workerConfig;
  }

  public List<CustomMetric> getCustomMetrics() {
    return customMetrics;
  }

  public void setCustomMetrics(List<CustomMetric> customMetrics) {
    this.customMetrics = customMetrics;
  }

  public NameRef getSidecarModelRef() {
    return sidecarModelRef;
  }

  public void setSidecarModelRef(NameRef sidecarModelRef) {
    this.sidecarModelRef = sidecarModelRef;
  }
}
