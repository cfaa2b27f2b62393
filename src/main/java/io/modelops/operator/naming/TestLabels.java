package io.modelops.operator.naming;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Labels of the objects the operator creates for model tests. A test's pods carry none of the
 * serving labels, so no model's Service routes to them and no model's NetworkPolicy selects them.
 */
public final class TestLabels {
  public static final String MODEL_TEST = "model-test";
  public static final String TEST = "modelops.io/test";

  /** Annotation on a test's Job and pods naming the test (label values are capped). */
  public static final String TEST_NAME_ANNOTATION = "modelops.io/test-name";

  /** Informers of the test controller see only the objects it made. */
  public static final String SELECTOR =
      ModelLabels.MANAGED_BY
          + "="
          + ModelLabels.OPERATOR
          + ","
          + ModelLabels.COMPONENT
          + "="
          + MODEL_TEST;

  private TestLabels() {}

  /** Labels of a test's Job, NetworkPolicy and pods. */
  public static Map<String, String> test(String model, String test) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", Names.labelValue(model));
    labels.put("app.kubernetes.io/instance", Names.labelValue(test));
    labels.put(ModelLabels.MANAGED_BY, ModelLabels.OPERATOR);
    labels.put(ModelLabels.COMPONENT, MODEL_TEST);
    labels.put(TEST, Names.labelValue(test));
    return labels;
  }

  /** The pods of one test (the NetworkPolicy's selector). */
  public static Map<String, String> selector(String test) {
    return Map.of(ModelLabels.COMPONENT, MODEL_TEST, TEST, Names.labelValue(test));
  }

  /** The test an object belongs to, from its {@link #TEST_NAME_ANNOTATION}. */
  public static Optional<String> testOf(HasMetadata object) {
    return Optional.ofNullable(object.getMetadata().getAnnotations())
        .map(a -> a.get(TEST_NAME_ANNOTATION));
  }
}
