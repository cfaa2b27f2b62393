package io.modelops.operator.custommodeltest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.custommodeltest.TestQueue.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TestQueueTest {
  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

  static CustomModelTest test(String name, String version, int second, String status) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelTest
        metadata: {name: %s, namespace: ns, creationTimestamp: "%s"}
        spec: {customModelVersionRef: {name: %s}}
        %s
        """
            .formatted(name, T0.plusSeconds(second), version, status),
        CustomModelTest.class);
  }

  static final Map<String, String> MODEL_OF = Map.of("a-v1", "a", "a-v2", "a", "b-v1", "b");

  static boolean admits(CustomModelTest test, CustomModelTest... all) {
    return TestQueue.admits(
        test,
        MODEL_OF.get(test.getSpec().getCustomModelVersionRef().getName()),
        Stream.of(all),
        t -> Optional.ofNullable(MODEL_OF.get(t.getSpec().getCustomModelVersionRef().getName())));
  }

  @Test
  void aStartedTestKeepsItsModelsSlotOverOlderWaitingOnes() {
    assertThat(
            TestQueue.first(
                List.of(
                    new Candidate("old", T0, false),
                    new Candidate("running", T0.plusSeconds(9), true))))
        .contains("running");
  }

  @Test
  void theOldestWaitingTestStartsFirstWithNameBreakingTies() {
    assertThat(
            TestQueue.first(
                List.of(
                    new Candidate("c", T0.plusSeconds(1), false),
                    new Candidate("b", T0, false),
                    new Candidate("a", T0, false))))
        .contains("a");
  }

  @Test
  void oneTestPerModelOtherModelsAreIndependent() {
    var running = test("run", "a-v1", 0, "status: {overallStatus: in_progress, jobName: run-test}");
    var waiting = test("next", "a-v2", 1, "");
    var other = test("other", "b-v1", 2, "");
    assertThat(admits(waiting, running, waiting, other)).isFalse();
    assertThat(admits(other, running, waiting, other)).isTrue();
  }

  @Test
  void twoNewTestsOfAModelNeverBothStart() {
    var first = test("first", "a-v1", 0, "");
    var second = test("second", "a-v1", 1, "");
    assertThat(admits(first, first, second)).isTrue();
    assertThat(admits(second, first, second)).isFalse();
  }

  @Test
  void endedCanceledAndRefusedTestsHoldNoSlot() {
    var done = test("done", "a-v1", 0, "status: {overallStatus: failed, jobName: done-test}");
    var refused = test("refused", "a-v1", 1, "status: {overallStatus: not_tested}");
    var canceled = test("canceled", "a-v1", 2, "");
    canceled.getSpec().setCancel(true);
    var next = test("next", "a-v1", 3, "status: {overallStatus: queued}");
    assertThat(admits(next, done, refused, canceled, next)).isTrue();
    assertThat(TestQueue.competes(done)).isFalse();
    assertThat(TestQueue.competes(refused)).isFalse();
    assertThat(TestQueue.competes(canceled)).isFalse();
    assertThat(TestQueue.waiting(next)).isTrue();
  }
}
