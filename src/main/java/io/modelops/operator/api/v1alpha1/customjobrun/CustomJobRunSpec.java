package io.modelops.operator.api.v1alpha1.customjobrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.NameRef;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterValue;
import java.util.List;

/**
 * What to run: a CustomJob, with optional runtime parameter overrides. The spec is fixed at
 * creation; only {@code cancel} may change, and only from false to true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "has(self.customJobRef) == has(oldSelf.customJobRef) && (!has(self.customJobRef) || self.customJobRef == oldSelf.customJobRef)",
    message = "customJobRef" + CustomJobRunSpec.IMMUTABLE,
    fieldPath = ".customJobRef")
@ValidationRule(
    value =
        "has(self.description) == has(oldSelf.description) && (!has(self.description) || self.description == oldSelf.description)",
    message = "description" + CustomJobRunSpec.IMMUTABLE,
    fieldPath = ".description")
@ValidationRule(
    value =
        "has(self.runtimeParameterValues) == has(oldSelf.runtimeParameterValues) && (!has(self.runtimeParameterValues) || self.runtimeParameterValues == oldSelf.runtimeParameterValues)",
    message = "runtimeParameterValues" + CustomJobRunSpec.IMMUTABLE,
    fieldPath = ".runtimeParameterValues")
@ValidationRule(
    value = "!has(oldSelf.cancel) || !oldSelf.cancel || (has(self.cancel) && self.cancel)",
    message = "cancel cannot be undone: a canceled run stays canceled; create a new CustomJobRun",
    fieldPath = ".cancel")
@SchemaCustomizer(
    value = SchemaPatch.class,
    input =
        "{\"properties\":{\"runtimeParameterValues\":{\"x-kubernetes-list-type\":\"map\","
            + "\"x-kubernetes-list-map-keys\":[\"fieldName\"]}}}")
public class CustomJobRunSpec {
  static final String IMMUTABLE =
      " is immutable: create a new CustomJobRun instead (only cancel can change, from false to"
          + " true)";

  @Required
  @JsonPropertyDescription("The CustomJob (same namespace) to run.")
  private NameRef customJobRef;

  @Size(max = 2000)
  @JsonPropertyDescription("Why this run exists, for humans.")
  private String description;

  @Size(max = RuntimeParameterValue.MAX_PER_SPEC)
  @JsonPropertyDescription(
      "Runtime parameter values for this run, one per fieldName; they override the job's.")
  private List<RuntimeParameterValue> runtimeParameterValues;

  @JsonPropertyDescription(
      "true cancels the run (its Job is deleted, phase canceling then canceled); cannot be set"
          + " back to false. Default: false.")
  private Boolean cancel;

  public NameRef getCustomJobRef() {
    return customJobRef;
  }

  public void setCustomJobRef(NameRef customJobRef) {
    this.customJobRef = customJobRef;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<RuntimeParameterValue> getRuntimeParameterValues() {
    return runtimeParameterValues;
  }

  public void setRuntimeParameterValues(List<RuntimeParameterValue> runtimeParameterValues) {
    this.runtimeParameterValues = runtimeParameterValues;
  }

  public Boolean getCancel() {
    return cancel;
  }

  public void setCancel(Boolean cancel) {
    this.cancel = cancel;
  }
}
