package io.modelops.operator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM flags (between {@code java} and {@code -jar} in the exec-form ENTRYPOINT) and the {@code
 * ENV KEY=value} settings of the Dockerfile: the bench runs the operator with them, so it measures
 * the memory settings users get.
 */
record ImageJvm(List<String> flags, Map<String, String> env) {
  static ImageJvm of(Path dockerfile) throws IOException {
    List<String> flags = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dockerfile)) {
      String l = line.strip();
      if (l.startsWith("ENV ")) {
        for (String kv : l.substring(4).trim().split("\\s+")) {
          int eq = kv.indexOf('=');
          if (eq > 0) {
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        }
      } else if (l.startsWith("ENTRYPOINT ")) {
        flags.clear();
        JsonNode exec = new ObjectMapper().readTree(l.substring("ENTRYPOINT ".length()));
        for (int i = 1; i < exec.size() && !exec.get(i).asText().equals("-jar"); i++) {
          flags.add(exec.get(i).asText());
        }
      }
    }
    if (flags.isEmpty()) {
      throw new IOException("no JVM flags in the ENTRYPOINT of " + dockerfile);
    }
    return new ImageJvm(List.copyOf(flags), Map.copyOf(env));
  }
}
