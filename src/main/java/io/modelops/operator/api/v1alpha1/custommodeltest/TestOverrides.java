package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.modelops.operator.api.v1alpha1.common.EnvironmentRef;
import io.modelops.operator.api.v1alpha1.common.ServingSettings;

/**
 * Serving settings for one test, each overriding the version's and then the model's (the same
 * fields, rules and limits as serving), plus the environment the server runs in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestOverrides extends ServingSettings {
  @JsonPropertyDescription(
      "The ExecutionEnvironment (and version) or image the model server runs in for this test."
          + " Default: the version's environment.")
  private EnvironmentRef environment;

  public EnvironmentRef getEnvironment() {
    return environment;
  }

  public void setEnvironment(EnvironmentRef environment) {
    this.environment = environment;
  }
}
