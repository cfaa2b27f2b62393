package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the scheduler does with a pod that would break a spread constraint. */
public enum WhenUnsatisfiable {
  @JsonProperty("DoNotSchedule")
  DO_NOT_SCHEDULE,
  @JsonProperty("ScheduleAnyway")
  SCHEDULE_ANYWAY;
}
