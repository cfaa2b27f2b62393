package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.Formats;
import java.util.List;

/** A requirement on a node label. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "self.operator in ['Exists', 'DoesNotExist'] ? !has(self.values) ||"
            + " size(self.values) == 0 : has(self.values) && size(self.values) > 0",
    message = "values: none with Exists and DoesNotExist, at least one with In, NotIn, Gt, Lt",
    fieldPath = ".values")
@SchemaCustomizer(
    value = SchemaPatch.class,
    input =
        "{\"properties\":{\"values\":{\"items\":{\"maxLength\":63,\"pattern\":\"^[-A-Za-z0-9_.]*$\"}}}}")
public class NodeRequirement {
  @Required
  @Size(max = 317)
  @Pattern(Formats.LABEL_KEY)
  @JsonPropertyDescription("Node label key, e.g. nvidia.com/gpu.product.")
  private String key;

  @Required
  @JsonPropertyDescription("In, NotIn, Exists, DoesNotExist, Gt or Lt.")
  private NodeOperator operator;

  @Size(max = 16)
  @JsonPropertyDescription(
      "Label values: one or more with In and NotIn, exactly one integer with Gt and Lt, none with Exists and DoesNotExist (at most 16, each at most 63 characters).")
  private List<String> values;

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public NodeOperator getOperator() {
    return operator;
  }

  public void setOperator(NodeOperator operator) {
    this.operator = operator;
  }

  public List<String> getValues() {
    return values;
  }

  public void setValues(List<String> values) {
    this.values = values;
  }
}
