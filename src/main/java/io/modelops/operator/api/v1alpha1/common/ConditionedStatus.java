package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.modelops.operator.api.SchemaPatch;
import java.util.ArrayList;
import java.util.List;

/** What every status of this API carries: the generation it reflects and its conditions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// One condition per type, merged by type under server-side apply.
@SchemaCustomizer(
    value = SchemaPatch.class,
    input =
        "{\"properties\":{\"conditions\":{\"x-kubernetes-list-type\":\"map\","
            + "\"x-kubernetes-list-map-keys\":[\"type\"]}}}")
public abstract class ConditionedStatus {
  @JsonPropertyDescription("metadata.generation of the spec this status was computed from.")
  private Long observedGeneration;

  @JsonPropertyDescription("Current state, one condition per type (Ready, Progressing, ...).")
  private List<Condition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
