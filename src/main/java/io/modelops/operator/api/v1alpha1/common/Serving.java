package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Whether a custom model is served at all. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Serving {
  @JsonPropertyDescription(
      "false stops serving (the Deployment is removed, status phase inactive) without deleting"
          + " the model or its versions. Default: true.")
  private Boolean enabled;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }
}
