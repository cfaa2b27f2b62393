package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;

/** Observed state of a bundle: only its conditions (a bundle owns nothing). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceBundleStatus extends ConditionedStatus {}
