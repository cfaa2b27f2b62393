package io.modelops.operator.api.v1alpha1.custommodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** When a new version of a model may be served. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Promotion {
  @JsonPropertyDescription(
      "true: a version is served only after a CustomModelTest of that version, at the version's"
          + " current generation, ended succeeded (warning does not pass); until then the model"
          + " keeps serving the version it serves (or nothing) and says why in its Promoted"
          + " condition (TestRequired, TestFailed). Default: false.")
  private Boolean requireSuccessfulTest;

  public Boolean getRequireSuccessfulTest() {
    return requireSuccessfulTest;
  }

  public void setRequireSuccessfulTest(Boolean requireSuccessfulTest) {
    this.requireSuccessfulTest = requireSuccessfulTest;
  }
}
