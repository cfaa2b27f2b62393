package io.modelops.operator.runtimeparams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterDefinition;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code status.runtimeParameters} list: each parameter with its default, override and current
 * value; a credential shows only its Secret reference, never the Secret's content.
 */
public final class RuntimeParameterReport {
  private RuntimeParameterReport() {}

  public static List<RuntimeParameterStatus> of(
      List<RuntimeParameterDefinition> definitions, List<RuntimeParameters.Parameter> resolved) {
    List<RuntimeParameterStatus> out = new ArrayList<>();
    if (definitions == null) {
      return out;
    }
    for (RuntimeParameterDefinition d : definitions) {
      RuntimeParameterStatus s = new RuntimeParameterStatus();
      s.setFieldName(d.getFieldName());
      s.setType(d.getType());
      s.setDescription(d.getDescription());
      s.setDefaultValue(d.getDefaultValue());
      s.setMinValue(d.getMinValue());
      s.setMaxValue(d.getMaxValue());
      s.setAllowEmpty(d.getAllowEmpty());
      s.setCredentialType(d.getCredentialType());
      resolved.stream()
          .filter(p -> p.fieldName().equals(d.getFieldName()))
          .findFirst()
          .ifPresent(
              p -> {
                p.overrideValue().ifPresent(s::setOverrideValue);
                p.currentValue().ifPresent(s::setCurrentValue);
                p.credential()
                    .ifPresent(
                        secret -> {
                          ObjectNode ref = JsonNodeFactory.instance.objectNode();
                          ref.putObject("secretRef")
                              .put("name", secret.name())
                              .put("key", secret.key());
                          s.setCurrentValue(ref);
                        });
              });
      out.add(s);
    }
    return out;
  }
}
