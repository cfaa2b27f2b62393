package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;

/** Observed state of a test: its overall status, each check's outcome, timing and where to look. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomModelTestStatus extends ConditionedStatus {
  @JsonPropertyDescription(
      "not_tested (refused or not started), queued (another test of the model runs),"
          + " in_progress, succeeded, warning, failed, aborted (the test could not finish) or"
          + " canceled.")
  private TestingStatus overallStatus;

  @JsonPropertyDescription("Each check's status and message.")
  private CheckResults testingStatus;

  @JsonPropertyDescription("The CustomModel of the tested version.")
  private String customModel;

  @JsonPropertyDescription(
      "metadata.generation of the tested CustomModelVersion when its test started.")
  private Long testedVersionGeneration;

  @JsonPropertyDescription("RFC 3339 time the test's Job was created.")
  private String startedAt;

  @JsonPropertyDescription("RFC 3339 time the test ended.")
  private String completedAt;

  @JsonPropertyDescription("Name of the batch/v1 Job running the test.")
  private String jobName;

  @JsonPropertyDescription("Name of the test's pod.")
  private String podName;

  @JsonPropertyDescription(
      "Command that prints the tester's log with the whole report, e.g. kubectl logs -n team-a"
          + " <pod> -c tester.")
  private String logs;

  @JsonPropertyDescription("One line on the outcome.")
  private String message;

  public TestingStatus getOverallStatus() {
    return overallStatus;
  }

  public void setOverallStatus(TestingStatus overallStatus) {
    this.overallStatus = overallStatus;
  }

  public CheckResults getTestingStatus() {
    return testingStatus;
  }

  public void setTestingStatus(CheckResults testingStatus) {
    this.testingStatus = testingStatus;
  }

  public String getCustomModel() {
    return customModel;
  }

  public void setCustomModel(String customModel) {
    this.customModel = customModel;
  }

  public Long getTestedVersionGeneration() {
    return testedVersionGeneration;
  }

  public void setTestedVersionGeneration(Long testedVersionGeneration) {
    this.testedVersionGeneration = testedVersionGeneration;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public String getPodName() {
    return podName;
  }

  public void setPodName(String podName) {
    this.podName = podName;
  }

  public String getLogs() {
    return logs;
  }

  public void setLogs(String logs) {
    this.logs = logs;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
