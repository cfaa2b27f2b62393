package io.modelops.operator.api.v1alpha1.custommodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Whether a custom model is served at all. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Serving {
  @JsonPropertyDescription(
      "false stops serving: the served version's Deployment is scaled to 0 replicas (it, the"
          + " Service and the NetworkPolicy stay; status phase inactive, Ready False with reason"
          + " ServingDisabled), without deleting the model or its versions. true scales it back."
          + " Default: true.")
  private Boolean enabled;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }
}
