package io.modelops.operator.modeltest.tester;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelops.operator.api.v1alpha1.custommodel.TargetType;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.modeltest.TestPlan;
import java.nio.file.Path;
import java.util.List;

/** Test plans as the operator writes them, with timeouts short enough for tests. */
final class PlanBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String serverUrl;
  private TargetType targetType = TargetType.REGRESSION;
  private String targetName;
  private List<String> classLabels;
  private Double threshold;
  private Path dataset;
  private CheckSetting errorCheck;
  private CheckSetting nullValueImputation;
  private CheckSetting sideEffects;
  private int readiness = 15;
  private int request = 5;
  private int stayUp = 0;
  private TestPlan.ExpectedPredictions expected;
  private TestPlan.Performance performance;

  private PlanBuilder(String serverUrl) {
    this.serverUrl = serverUrl;
  }

  static PlanBuilder against(ModelServerProcess server) {
    return new PlanBuilder(server.url());
  }

  static PlanBuilder against(String url) {
    return new PlanBuilder(url);
  }

  PlanBuilder model(TargetType type, String target, List<String> labels) {
    this.targetType = type;
    this.targetName = target;
    this.classLabels = labels;
    return this;
  }

  PlanBuilder threshold(double threshold) {
    this.threshold = threshold;
    return this;
  }

  PlanBuilder dataset(String name) {
    this.dataset = ModelServerProcess.dataset(name);
    return this;
  }

  PlanBuilder dataset(Path file) {
    this.dataset = file;
    return this;
  }

  PlanBuilder checks(CheckSetting error, CheckSetting nulls, CheckSetting sideEffects) {
    this.errorCheck = error;
    this.nullValueImputation = nulls;
    this.sideEffects = sideEffects;
    return this;
  }

  PlanBuilder allChecks(CheckSetting setting) {
    return checks(setting, setting, setting);
  }

  PlanBuilder timeouts(int readinessSeconds, int requestSeconds, int stayUpSeconds) {
    this.readiness = readinessSeconds;
    this.request = requestSeconds;
    this.stayUp = stayUpSeconds;
    return this;
  }

  PlanBuilder expected(String column, Double tolerance, CheckSetting setting) {
    this.expected = new TestPlan.ExpectedPredictions(column, tolerance, setting);
    return this;
  }

  PlanBuilder performance(int users, int requests) {
    this.performance = new TestPlan.Performance(users, requests);
    return this;
  }

  TestPlan build() {
    return new TestPlan(
        serverUrl,
        targetType,
        targetName,
        classLabels,
        threshold,
        dataset == null ? null : dataset.toString(),
        new TestPlan.Checks(errorCheck, null, nullValueImputation, sideEffects),
        readiness,
        request,
        stayUp,
        expected,
        performance);
  }

  String json() {
    try {
      return JSON.writeValueAsString(build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
