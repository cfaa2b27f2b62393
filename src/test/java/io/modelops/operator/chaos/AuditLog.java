package io.modelops.operator.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.config.OperatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kube-apiserver's audit log of the chaos cluster, read after the fact: every write an operator
 * replica made (its user agent carries its name) against the history of the leader Lease (the audit
 * policy records the Lease's writes with their bodies). A write by a replica while the Lease named
 * another one is a write by a non-leader: there must be none.
 */
final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AGENT = "modelops-operator/";

  /** Requests with a write verb that change nothing: access reviews, and the election itself. */
  private static final Set<String> NOT_WRITES =
      Set.of(
          "leases",
          "selfsubjectrulesreviews",
          "selfsubjectaccessreviews",
          "subjectaccessreviews",
          "tokenreviews");

  /** One Lease write the API server accepted: from {@code at}, {@code holder} leads. */
  record LeaseRecord(
      Instant at, String holder, Instant renewTime, int durationSeconds, String writer) {}

  /** One write by an operator replica. */
  record Write(
      Instant received, String instance, String verb, String resource, String name, int code) {}

  final List<LeaseRecord> lease = new ArrayList<>();
  final List<Write> writes = new ArrayList<>();

  /** Creates the API server accepted, by resource, then name: how many times each was made. */
  final Map<String, Map<String, Integer>> created = new HashMap<>();

  static AuditLog read(Path file) throws IOException {
    AuditLog log = new AuditLog();
    try (BufferedReader in = Files.newBufferedReader(file)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          log.add(JSON.readTree(line));
        }
      }
    }
    log.lease.sort(Comparator.comparing(LeaseRecord::at));
    log.writes.sort(Comparator.comparing(Write::received));
    return log;
  }

  private void add(JsonNode e) {
    if (!"ResponseComplete".equals(e.path("stage").asText())) {
      return;
    }
    String agent = e.path("userAgent").asText("");
    String verb = e.path("verb").asText();
    JsonNode ref = e.path("objectRef");
    String resource =
        ref.path("resource").asText()
            + (ref.path("subresource").asText("").isEmpty()
                ? ""
                : "/" + ref.path("subresource").asText());
    int code = e.path("responseStatus").path("code").asInt();
    Instant received = Instant.parse(e.path("requestReceivedTimestamp").asText());
    Instant completed = Instant.parse(e.path("stageTimestamp").asText());
    if ("leases".equals(resource)
        && OperatorConfig.LEASE_NAME.equals(ref.path("name").asText())
        && code >= 200
        && code < 300) {
      JsonNode spec = e.path("responseObject").path("spec");
      lease.add(
          new LeaseRecord(
              completed,
              spec.path("holderIdentity").asText(""),
              spec.hasNonNull("renewTime") ? Instant.parse(spec.path("renewTime").asText()) : null,
              spec.path("leaseDurationSeconds").asInt(15),
              instance(agent)));
      return;
    }
    if ("create".equals(verb) && code == 201) {
      created
          .computeIfAbsent(resource, k -> new HashMap<>())
          .merge(ref.path("name").asText(), 1, Integer::sum);
    }
    if (!agent.startsWith(AGENT) || NOT_WRITES.contains(ref.path("resource").asText())) {
      return;
    }
    writes.add(
        new Write(received, instance(agent), verb, resource, ref.path("name").asText(), code));
  }

  private static String instance(String agent) {
    if (!agent.startsWith(AGENT)) {
      return agent;
    }
    String rest = agent.substring(AGENT.length());
    int space = rest.indexOf(' ');
    return space < 0 ? rest : rest.substring(0, space);
  }

  /** The Lease record in force at {@code t} (the last accepted Lease write before it), or null. */
  LeaseRecord leaseAt(Instant t) {
    LeaseRecord at = null;
    for (LeaseRecord r : lease) {
      if (r.at().isAfter(t)) {
        break;
      }
      at = r;
    }
    return at;
  }

  /** Writes made while the Lease named another replica (or nobody): must be none. */
  List<Write> nonLeaderWrites(Instant from, Instant to) {
    List<Write> out = new ArrayList<>();
    for (Write w : writes) {
      if (w.received().isBefore(from) || w.received().isAfter(to)) {
        continue;
      }
      LeaseRecord r = leaseAt(w.received());
      if (r == null || !r.holder().equals(w.instance())) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Writes by the holder after its Lease had expired (last renewal + lease duration) and before
   * anyone else took it: not two writers, but a leader writing on borrowed time.
   */
  List<Write> writesOnExpiredLease(Instant from, Instant to) {
    List<Write> out = new ArrayList<>();
    for (Write w : writes) {
      if (w.received().isBefore(from) || w.received().isAfter(to)) {
        continue;
      }
      LeaseRecord r = leaseAt(w.received());
      if (r != null
          && r.holder().equals(w.instance())
          && r.renewTime() != null
          && w.received().isAfter(r.renewTime().plusSeconds(r.durationSeconds()))) {
        out.add(w);
      }
    }
    return out;
  }

  /** After a kill at {@code at} of {@code killed}: when another replica took the Lease. */
  Instant acquiredAfter(Instant at, String killed) {
    for (LeaseRecord r : lease) {
      if (r.at().isAfter(at) && !r.holder().isEmpty() && !r.holder().equals(killed)) {
        return r.at();
      }
    }
    return null;
  }

  /** After {@code at}: the first write by a replica other than {@code killed}, or null. */
  Write firstWriteAfter(Instant at, String killed) {
    for (Write w : writes) {
      if (w.received().isAfter(at) && !w.instance().equals(killed)) {
        return w;
      }
    }
    return null;
  }

  /** Names created more than once (accepted creates) among {@code resource}. */
  Map<String, Integer> createdMoreThanOnce(String resource) {
    Map<String, Integer> out = new LinkedHashMap<>();
    created
        .getOrDefault(resource, Map.of())
        .forEach(
            (name, n) -> {
              if (n > 1) {
                out.put(name, n);
              }
            });
    return out;
  }

  /** Writes per replica. */
  Map<String, Integer> writesByInstance() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    writes.forEach(w -> out.merge(w.instance(), 1, Integer::sum));
    return out;
  }

  /** Leadership changes: who held the Lease from when (consecutive renewals folded). */
  List<Map<String, Object>> leaderHistory() {
    List<Map<String, Object>> out = new ArrayList<>();
    String holder = null;
    for (LeaseRecord r : lease) {
      if (!r.holder().equals(holder)) {
        holder = r.holder();
        out.add(Map.of("from", r.at().toString(), "holder", holder));
      }
    }
    return out;
  }

  static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
