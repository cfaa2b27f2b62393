package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;

/** Observed state of a custom job: its runs and its schedule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomJobStatus extends ConditionedStatus {
  @JsonPropertyDescription("The most recently started run.")
  private RunSummary lastRun;

  @JsonPropertyDescription(
      "RFC 3339 time of the next scheduled run (absent without schedule or when suspended).")
  private String nextScheduleTime;

  @JsonPropertyDescription("RFC 3339 time a run was last scheduled.")
  private String lastScheduleTime;

  @JsonPropertyDescription(
      "Number of this job's runs not finished yet: queued, running or canceling.")
  private Integer activeRuns;

  @JsonPropertyDescription(
      "Scheduled times that got no run: passed while suspended, past their starting deadline"
          + " (including times Forbid held back), or older than the one catch-up run after the"
          + " operator was down.")
  private Long missedSchedules;

  @JsonPropertyDescription(
      "Configuration version: 1 at creation, incremented on every spec change.")
  private Long configVersion;

  public RunSummary getLastRun() {
    return lastRun;
  }

  public void setLastRun(RunSummary lastRun) {
    this.lastRun = lastRun;
  }

  public String getNextScheduleTime() {
    return nextScheduleTime;
  }

  public void setNextScheduleTime(String nextScheduleTime) {
    this.nextScheduleTime = nextScheduleTime;
  }

  public String getLastScheduleTime() {
    return lastScheduleTime;
  }

  public void setLastScheduleTime(String lastScheduleTime) {
    this.lastScheduleTime = lastScheduleTime;
  }

  public Integer getActiveRuns() {
    return activeRuns;
  }

  public void setActiveRuns(Integer activeRuns) {
    this.activeRuns = activeRuns;
  }

  public Long getMissedSchedules() {
    return missedSchedules;
  }

  public void setMissedSchedules(Long missedSchedules) {
    this.missedSchedules = missedSchedules;
  }

  public Long getConfigVersion() {
    return configVersion;
  }

  public void setConfigVersion(Long configVersion) {
    this.configVersion = configVersion;
  }
}
