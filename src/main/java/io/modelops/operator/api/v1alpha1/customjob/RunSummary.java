package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRunPhase;

/** A short account of one CustomJobRun, as a CustomJob's status shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunSummary {
  @JsonPropertyDescription("Name of the CustomJobRun.")
  private String name;

  @JsonPropertyDescription("Phase of the run.")
  private CustomJobRunPhase phase;

  @JsonPropertyDescription("RFC 3339 time the run started.")
  private String startTime;

  @JsonPropertyDescription("RFC 3339 time the run finished.")
  private String completionTime;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

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
}
