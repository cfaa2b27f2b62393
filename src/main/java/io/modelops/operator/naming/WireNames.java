package io.modelops.operator.naming;

import io.fabric8.kubernetes.client.utils.Serialization;

/** The spelling an API enum has on the wire (its {@code @JsonProperty}), e.g. "numeric". */
public final class WireNames {
  private WireNames() {}

  public static String of(Enum<?> value) {
    return value == null ? null : Serialization.jsonMapper().convertValue(value, String.class);
  }
}
