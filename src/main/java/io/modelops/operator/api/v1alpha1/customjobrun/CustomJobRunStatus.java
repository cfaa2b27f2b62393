package io.modelops.operator.api.v1alpha1.customjobrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;

/** Observed state of a run: its phase, timing, Job and pod, and how to read its logs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomJobRunStatus extends ConditionedStatus {
  @JsonPropertyDescription(
      "queued (waiting for a free slot), running, succeeded, failed, interrupted, canceling or"
          + " canceled.")
  private CustomJobRunPhase phase;

  @JsonPropertyDescription("RFC 3339 time the run's pod started.")
  private String startTime;

  @JsonPropertyDescription("RFC 3339 time the run finished.")
  private String completionTime;

  @JsonPropertyDescription("Seconds from startTime to completionTime (or to now while running).")
  private Long duration;

  @JsonPropertyDescription("Name of the batch/v1 Job executing the run.")
  private String jobName;

  @JsonPropertyDescription("Name of the run's (latest) pod.")
  private String podName;

  @JsonPropertyDescription("Exit code of the run's main container, once it terminated.")
  private Integer exitCode;

  @JsonPropertyDescription("One line on the outcome, e.g. the failure reason.")
  private String message;

  @JsonPropertyDescription(
      "Command that prints the run's logs, e.g. kubectl logs -n team-a job/<jobName>.")
  private String logsCommand;

  public CustomJobRunPhase getPhase() {
    return phase;
  }

  public void setPhase(CustomJobRunPhase phase) {
    this.phase = phase;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public Long getDuration() {
    return duration;
  }

  public void setDuration(Long duration) {
    this.duration = duration;
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

  public Integer getExitCode() {
    return exitCode;
  }

  public void setExitCode(Integer exitCode) {
    this.exitCode = exitCode;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLogsCommand() {
    return logsCommand;
  }

  public void setLogsCommand(String logsCommand) {
    this.logsCommand = logsCommand;
  }
}
