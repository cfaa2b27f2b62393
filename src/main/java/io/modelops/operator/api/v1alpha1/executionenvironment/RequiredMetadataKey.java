package io.modelops.operator.api.v1alpha1.executionenvironment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.modelops.operator.api.v1alpha1.common.Formats;

/** A metadata value every version using an execution environment must provide. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RequiredMetadataKey {
  @Required
  @Size(max = 100)
  @Pattern(Formats.FIELD_NAME)
  @JsonPropertyDescription(
      "Field name; the value reaches the container as this environment variable.")
  private String fieldName;

  @Size(max = 100)
  @JsonPropertyDescription("Human-readable name of the field.")
  private String displayName;

  public String getFieldName() {
    return fieldName;
  }

  public void setFieldName(String fieldName) {
    this.fieldName = fieldName;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }
}
