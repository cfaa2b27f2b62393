package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Node label requirements that must all hold (a node selector term). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeTerm {
  @Required
  @Size(min = 1, max = 8)
  @JsonPropertyDescription("Requirements on node labels, all of which must hold (1..8).")
  private List<NodeRequirement> matchExpressions;

  public List<NodeRequirement> getMatchExpressions() {
    return matchExpressions;
  }

  public void setMatchExpressions(List<NodeRequirement> matchExpressions) {
    this.matchExpressions = matchExpressions;
  }
}
