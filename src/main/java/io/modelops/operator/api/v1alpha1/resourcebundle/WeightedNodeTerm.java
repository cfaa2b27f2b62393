package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A node preference: nodes matching the term score higher by its weight. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WeightedNodeTerm {
  @Required
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Weight of the preference, 1..100.")
  private Integer weight;

  @Required
  @Size(min = 1, max = 10)
  @JsonPropertyDescription("Requirements on node labels, all of which must hold (1..10).")
  private List<NodeRequirement> matchExpressions;

  public Integer getWeight() {
    return weight;
  }

  public void setWeight(Integer weight) {
    this.weight = weight;
  }

  public List<NodeRequirement> getMatchExpressions() {
    return matchExpressions;
  }

  public void setMatchExpressions(List<NodeRequirement> matchExpressions) {
    this.matchExpressions = matchExpressions;
  }
}
