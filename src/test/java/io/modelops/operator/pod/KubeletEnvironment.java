package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a process in a container actually sees: resolves env and command the way kubelet does when
 * it starts the container ({@code $(NAME)} replaced by an earlier variable's value, {@code $$}
 * turned into {@code $}, Secret keys read through secretKeyRef), so tests can assert on the result
 * instead of on the escaping.
 */
final class KubeletEnvironment {
  private KubeletEnvironment() {}

  /**
   * The container's environment, in order.
   *
   * @param secrets Secret name to its keys and values
   */
  static Map<String, String> resolve(
      Container container, Map<String, Map<String, String>> secrets) {
    Map<String, String> resolved = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      String value;
      if (variable.getValueFrom() != null) {
        var ref = variable.getValueFrom().getSecretKeyRef();
        Map<String, String> secret = secrets.get(ref.getName());
        if (secret == null || !secret.containsKey(ref.getKey())) {
          throw new IllegalStateException(
              "CreateContainerConfigError: secret "
                  + ref.getName()
                  + " has no key "
                  + ref.getKey());
        }
        value = secret.get(ref.getKey());
      } else {
        value = expand(variable.getValue() == null ? "" : variable.getValue(), resolved);
      }
      resolved.put(variable.getName(), value);
    }
    return resolved;
  }

  /** The command as exec'd, expanded against the container's resolved environment. */
  static List<String> command(Container container, Map<String, String> environment) {
    return container.getCommand().stream().map(part -> expand(part, environment)).toList();
  }

  /** Kubernetes' expansion (third_party/forked/golang/expansion), byte for byte. */
  static String expand(String input, Map<String, String> variables) {
    StringBuilder out = new StringBuilder();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) == '$' && cursor + 1 < input.length()) {
        out.append(input, checkpoint, cursor);
        char next = input.charAt(cursor + 1);
        int advance = 1;
        if (next == '$') {
          out.append('$');
        } else if (next == '(') {
          int close = input.indexOf(')', cursor + 2);
          if (close < 0) {
            out.append("$(");
          } else {
            String name = input.substring(cursor + 2, close);
            out.append(variables.containsKey(name) ? variables.get(name) : "$(" + name + ")");
            advance = close - cursor;
          }
        } else {
          out.append('$').append(next);
        }
        cursor += advance;
        checkpoint = cursor + 1;
      }
    }
    return out.append(input.substring(checkpoint)).toString();
  }
}
