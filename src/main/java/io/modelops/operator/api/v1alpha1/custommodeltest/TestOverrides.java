package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.modelops.operator.api.v1alpha1.common.EnvironmentRef;
import io.modelops.operator.api.v1alpha1.common.ServingSettings;

/**
 * Serving settings for one test, each overriding the version's and then the model's (the same
 * fields, rules and limits as serving), plus the environment the server runs in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TestOverrides extends ServingSettings {
  @Min(1)
  @Max(8)
  @JsonPropertyDescription(
      ServingSettings.REPLICAS_DESCRIPTION
          + " Checked like serving's; a test runs one model server whatever it says.")
  private Integer replicas;

  @JsonPropertyDescription(
      "The ExecutionEnvironment (and version) or image the model server runs in for this test."
          + " Default: the version's environment.")
  private EnvironmentRef environment;

  @Override
  public Integer getReplicas() {
    return replicas;
  }

  @Override
  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public EnvironmentRef getEnvironment() {
    return environment;
  }

  public void setEnvironment(EnvironmentRef environment) {
    this.environment = environment;
  }
}
