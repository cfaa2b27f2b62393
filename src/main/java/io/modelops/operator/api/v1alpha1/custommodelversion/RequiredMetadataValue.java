package io.modelops.operator.api.v1alpha1.custommodelversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.modelops.operator.api.v1alpha1.common.Formats;

/** A value for one of the execution environment's requiredMetadataKeys. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RequiredMetadataValue {
  @Required
  @Size(max = 100)
  @Pattern(Formats.FIELD_NAME)
  @JsonPropertyDescription("A fieldName from the environment's requiredMetadataKeys.")
  private String fieldName;

  @Required
  @Size(max = 100)
  @JsonPropertyDescription("The value, passed to the container as an environment variable.")
  private String value;

  public String getFieldName() {
    return fieldName;
  }

  public void setFieldName(String fieldName) {
    this.fieldName = fieldName;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
