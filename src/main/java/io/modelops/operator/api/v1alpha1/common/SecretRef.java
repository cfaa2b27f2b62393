package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Secret in the same namespace, optionally one key of it; never a literal secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretRef {
  @Required
  @Size(max = 253)
  @Pattern(Formats.OBJECT_NAME)
  @JsonPropertyDescription("Name of the Secret, in the namespace of the referring object.")
  private String name;

  @Size(max = 253)
  @Pattern(Formats.DATA_KEY)
  @JsonPropertyDescription(
      "Key in the Secret. Default: credential for a credential runtime parameter (its value is"
          + " the credential's JSON payload), token for a git source.")
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
