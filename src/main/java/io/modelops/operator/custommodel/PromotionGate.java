package io.modelops.operator.custommodel;

import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.naming.WireNames;
import io.modelops.operator.status.Reasons;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The promotion gate ({@code spec.promotion.requireSuccessfulTest}): a version is served only after
 * a CustomModelTest of that version, run at the version's current generation, ended {@code
 * succeeded}. {@code warning} does not pass: a check set to warn found something, and promotion
 * waits for a clean result (a user who accepts the warning sets that check to skip and tests
 * again). The version the model serves now is never held back (turning the gate on does not stop
 * it). Pure: the tests come in as arguments.
 */
public final class PromotionGate {
  /** The condition type that reports the gate's verdict on the version to serve. */
  public static final String PROMOTED = "Promoted";

  private PromotionGate() {}

  /**
   * The gate's verdict on a version.
   *
   * @param passed the version may be served
   * @param reason TestSucceeded, TestRequired or TestFailed
   * @param message one line naming the version and the test that decided
   */
  public record Verdict(boolean passed, String reason, String message) {}

  /**
   * The verdict on a version the model serves already, which the gate never holds back (turning the
   * gate on does not stop a serving version); the message says what a test would have to do.
   */
  static Verdict serving(Verdict held) {
    return new Verdict(
        true,
        Reasons.ALREADY_SERVING,
        "serving already, so not held back; for a new version: " + held.message());
  }

  /** Whether the model asks for a successful test before a version is served. */
  public static boolean enabled(CustomModel model) {
    var promotion = model.getSpec().getPromotion();
    return promotion != null && Boolean.TRUE.equals(promotion.getRequireSuccessfulTest());
  }

  /**
   * The verdict on serving {@code version}, from {@code tests} (the model's tests; others are
   * ignored); empty when the gate is off.
   */
  public static Optional<Verdict> check(
      CustomModel model, CustomModelVersion version, List<CustomModelTest> tests) {
    if (!enabled(model)) {
      return Optional.empty();
    }
    String name = version.getMetadata().getName();
    Long generation = version.getMetadata().getGeneration();
    List<CustomModelTest> ofVersion =
        tests.stream()
            .filter(t -> t.getSpec() != null && t.getSpec().getCustomModelVersionRef() != null)
            .filter(t -> name.equals(t.getSpec().getCustomModelVersionRef().getName()))
            .toList();
    Optional<CustomModelTest> passed =
        ofVersion.stream()
            .filter(t -> status(t) == TestingStatus.SUCCEEDED)
            .filter(t -> Objects.equals(generation, t.getStatus().getTestedVersionGeneration()))
            .findFirst();
    if (passed.isPresent()) {
      return Optional.of(
          new Verdict(
              true,
              Reasons.TEST_SUCCEEDED,
              "version "
                  + name
                  + " passed CustomModelTest "
                  + passed.get().getMetadata().getName()
                  + " at generation "
                  + generation));
    }
    String waits =
        "version "
            + name
            + " (generation "
            + generation
            + ") waits for a succeeded CustomModelTest (spec.promotion.requireSuccessfulTest)";
    Optional<CustomModelTest> latest =
        ofVersion.stream()
            .max(
                Comparator.comparing((CustomModelTest t) -> t.getMetadata().getCreationTimestamp())
                    .thenComparing(t -> t.getMetadata().getName()));
    if (latest.isEmpty()) {
      return Optional.of(
          new Verdict(false, Reasons.TEST_REQUIRED, waits + "; no test of it exists"));
    }
    CustomModelTest test = latest.get();
    String testName = test.getMetadata().getName();
    TestingStatus status = status(test);
    Long tested = test.getStatus() == null ? null : test.getStatus().getTestedVersionGeneration();
    if (status != null && status.isFinal()) {
      if (!Objects.equals(generation, tested) || status == TestingStatus.CANCELED) {
        return Optional.of(
            new Verdict(
                false,
                Reasons.TEST_REQUIRED,
                waits
                    + "; its latest test, CustomModelTest "
                    + testName
                    + ", tested generation "
                    + tested
                    + " ("
                    + wire(status)
                    + ")"));
      }
      return Optional.of(
          new Verdict(
              false,
              Reasons.TEST_FAILED,
              waits
                  + "; its latest test, CustomModelTest "
                  + testName
                  + ", ended "
                  + wire(status)));
    }
    return Optional.of(
        new Verdict(
            false,
            Reasons.TEST_REQUIRED,
            waits
                + "; CustomModelTest "
                + testName
                + " is "
                + (status == null ? "not started" : wire(status))));
  }

  private static TestingStatus status(CustomModelTest test) {
    return test.getStatus() == null ? null : test.getStatus().getOverallStatus();
  }

  private static String wire(TestingStatus status) {
    return WireNames.of(status);
  }
}
