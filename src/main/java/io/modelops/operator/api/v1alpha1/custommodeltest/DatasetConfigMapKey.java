package io.modelops.operator.api.v1alpha1.custommodeltest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.modelops.operator.api.v1alpha1.common.Formats;

/** A test dataset held in a key of a ConfigMap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatasetConfigMapKey {
  @Required
  @Size(max = 253)
  @Pattern(Formats.OBJECT_NAME)
  @JsonPropertyDescription("Name of the ConfigMap, in the test's namespace.")
  private String name;

  @Required
  @Size(max = 253)
  @Pattern(Formats.DATA_KEY)
  @JsonPropertyDescription("Key of the ConfigMap holding the CSV.")
  private String key;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
