package io.modelops.operator.naming;

import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;

/**
 * Names of the objects the operator creates for a CustomModelTest (the scheme is {@link Names}'s):
 * its Job and its NetworkPolicy carry the test's name and {@value #SUFFIX}, which no other kind's
 * names end in ({@code -model}, {@code -job}); a run's Job, named after the run alone, never ends
 * in it either: a run named like {@code x-test} gets a shortened Job name ({@link RunNames#job}).
 */
public final class TestNames {
  public static final String SUFFIX = "-test";

  private TestNames() {}

  public static String job(CustomModelTest test) {
    return Names.withSuffix(test.getMetadata().getName(), SUFFIX, Names.WORKLOAD_MAX);
  }

  public static String networkPolicy(CustomModelTest test) {
    return Names.withSuffix(test.getMetadata().getName(), SUFFIX, 63);
  }
}
