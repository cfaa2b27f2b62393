package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Node affinity of a bundle's pods: the nodes they may use and the nodes they prefer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlacementNodeAffinity {
  @Size(max = 4)
  @JsonPropertyDescription("Pods run only on a node matching one of these terms (at most 4).")
  private List<NodeTerm> required;

  @Size(max = 4)
  @JsonPropertyDescription("Pods prefer nodes matching these terms, by weight (at most 4).")
  private List<WeightedNodeTerm> preferred;

  public List<NodeTerm> getRequired() {
    return required;
  }

  public void setRequired(List<NodeTerm> required) {
    this.required = required;
  }

  public List<WeightedNodeTerm> getPreferred() {
    return preferred;
  }

  public void setPreferred(List<WeightedNodeTerm> preferred) {
    this.preferred = preferred;
  }
}
