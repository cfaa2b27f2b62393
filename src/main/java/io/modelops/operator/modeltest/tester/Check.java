package io.modelops.operator.modeltest.tester;

import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;

/** One check of a model test, run against a ready server. */
interface Check {

  /** The check's name in the report (the seed's name for the seed's checks). */
  String name();

  /**
   * The check's setting in this plan: skip does not run it, warn turns a failure into a warning.
   */
  CheckSetting setting(ResolvedPlan plan);

  /** Runs the check; exchanges with the server never throw, they become verdicts. */
  Verdict run(CheckContext context) throws DatasetException;
}
