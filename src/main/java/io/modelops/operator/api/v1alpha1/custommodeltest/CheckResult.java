package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The outcome of one check of a model test. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CheckResult {

  @JsonPropertyDescription("The check's status: succeeded, failed, warning, skipped, aborted, ...")
  private TestingStatus status;

  @JsonPropertyDescription(
      "What the check found, in words a data scientist can act on (row, column, what the server"
          + " answered).")
  private String message;

  public CheckResult() {}

  public CheckResult(TestingStatus status, String message) {
    this.status = status;
    this.message = message;
  }

  public TestingStatus getStatus() {
    return status;
  }

  public void setStatus(TestingStatus status) {
    this.status = status;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
