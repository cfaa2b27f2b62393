package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Measure latency and throughput of single-row predictions with parallel clients. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PerformanceTest {
  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Clients sending requests at once, 1..100 and at most the operator's"
          + " maxCustomModelTestingParallelUsers. Default: 1.")
  private Integer parallelUsers;

  @Min(1)
  @Max(100000)
  @JsonPropertyDescription("Prediction requests in all, 1..100000. Default: 100.")
  private Integer requests;

  public Integer getParallelUsers() {
    return parallelUsers;
  }

  public void setParallelUsers(Integer parallelUsers) {
    this.parallelUsers = parallelUsers;
  }

  public Integer getRequests() {
    return requests;
  }

  public void setRequests(Integer requests) {
    this.requests = requests;
  }
}
