package io.modelops.operator.custommodelversion;

import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersionStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A version's {@code testingStatus}: the overall status of its latest CustomModelTest (by creation
 * time, then name), and that test's name; unset while the version has no test.
 */
final class VersionTesting {
  private VersionTesting() {}

  /** Sets the testing fields of {@code status} from the version's {@code tests}. */
  static void report(CustomModelVersionStatus status, List<CustomModelTest> tests) {
    Optional<CustomModelTest> latest =
        tests.stream()
            .max(
                Comparator.comparing((CustomModelTest t) -> t.getMetadata().getCreationTimestamp())
                    .thenComparing(t -> t.getMetadata().getName()));
    latest.ifPresent(
        t -> {
          status.setLatestTest(t.getMetadata().getName());
          status.setTestingStatus(
              t.getStatus() == null || t.getStatus().getOverallStatus() == null
                  ? TestingStatus.NOT_TESTED
                  : t.getStatus().getOverallStatus());
        });
  }
}
