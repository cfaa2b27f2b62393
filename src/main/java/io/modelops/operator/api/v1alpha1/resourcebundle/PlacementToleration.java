package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.v1alpha1.common.Formats;

/** A taint a bundle's pods tolerate, as a pod's toleration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.operator) || self.operator != 'Exists' || !has(self.value)",
    message = "value must be empty with operator Exists",
    fieldPath = ".value")
@ValidationRule(
    value = "has(self.key) || (has(self.operator) && self.operator == 'Exists')",
    message = "key is required unless operator is Exists",
    reason = "FieldValueRequired",
    fieldPath = ".key")
public class PlacementToleration {
  @Size(max = 317)
  @Pattern(Formats.LABEL_KEY)
  @JsonPropertyDescription(
      "Taint key to tolerate; empty with operator Exists tolerates every taint.")
  private String key;

  @JsonPropertyDescription("Exists (any value) or Equal (value must match). Default: Equal.")
  private TolerationOperator operator;

  @Size(max = 63)
  @Pattern(Formats.LABEL_VALUE)
  @JsonPropertyDescription("Taint value, with operator Equal.")
  private String value;

  @JsonPropertyDescription(
      "NoSchedule, PreferNoSchedule or NoExecute; empty tolerates every effect.")
  private TaintEffect effect;

  @Min(0)
  @Max(604800)
  @JsonPropertyDescription(
      "With effect NoExecute: how long a pod stays on a node after the taint appears, 0..604800. Default: forever.")
  private Long tolerationSeconds;

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public TolerationOperator getOperator() {
    return operator;
  }

  public void setOperator(TolerationOperator operator) {
    this.operator = operator;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public TaintEffect getEffect() {
    return effect;
  }

  public void setEffect(TaintEffect effect) {
    this.effect = effect;
  }

  public Long getTolerationSeconds() {
    return tolerationSeconds;
  }

  public void setTolerationSeconds(Long tolerationSeconds) {
    this.tolerationSeconds = tolerationSeconds;
  }
}
