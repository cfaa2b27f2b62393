package io.modelops.operator.custommodeltest;

import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One test in progress per model: a test starts when no other test of its model has started and
 * none older waits; the others are {@code queued} and start oldest first (name breaks ties). A
 * queued test is woken when a test of its namespace stops competing (ends, is canceled, refused or
 * deleted), not by polling.
 */
final class TestQueue {
  private TestQueue() {}

  /** What the queue needs of one test. */
  record Candidate(String name, Instant created, boolean started) {}

  /**
   * Whether {@code test} of {@code model} may start now, among {@code tests} (its namespace's),
   * each test's model found by {@code modelOf}.
   */
  static boolean admits(
      CustomModelTest test,
      String model,
      Stream<CustomModelTest> tests,
      Function<CustomModelTest, Optional<String>> modelOf) {
    List<Candidate> candidates =
        tests
            .filter(TestQueue::competes)
            .filter(t -> modelOf.apply(t).filter(model::equals).isPresent())
            .map(
                t ->
                    new Candidate(
                        t.getMetadata().getName(),
                        Instant.parse(t.getMetadata().getCreationTimestamp()),
                        started(t)))
            .toList();
    return first(candidates).map(test.getMetadata().getName()::equals).orElse(true);
  }

  /** The test that holds (or takes) the model's one slot: a started one, else the oldest. */
  static Optional<String> first(List<Candidate> candidates) {
    return candidates.stream()
        .min(
            Comparator.comparing((Candidate c) -> !c.started())
                .thenComparing(Candidate::created)
                .thenComparing(Candidate::name))
        .map(Candidate::name);
  }

  /**
   * Whether a test counts in its model's queue: not canceled, not ended, and not refused (a new
   * test without a status counts until it is validated, so two tests created together never both
   * start).
   */
  static boolean competes(CustomModelTest test) {
    if (Boolean.TRUE.equals(test.getSpec().getCancel())) {
      return false;
    }
    var status = test.getStatus();
    if (status == null || status.getOverallStatus() == null) {
      return true;
    }
    TestingStatus overall = status.getOverallStatus();
    return overall == TestingStatus.QUEUED || overall == TestingStatus.IN_PROGRESS;
  }

  /** Whether a test waits for its model's slot. */
  static boolean waiting(CustomModelTest test) {
    return competes(test) && !started(test);
  }

  private static boolean started(CustomModelTest test) {
    return test.getStatus() != null && test.getStatus().getJobName() != null;
  }
}
