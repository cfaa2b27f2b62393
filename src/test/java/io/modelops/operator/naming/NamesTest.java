package io.modelops.operator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamesTest {
  private static final String DNS_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String LABEL_VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?";

  @Test
  void keepsValidShortNames() {
    assertThat(Names.dnsLabel("churn", 63)).isEqualTo("churn");
    assertThat(ModelNames.deployment("churn-v2")).isEqualTo("churn-v2");
    assertThat(ModelNames.service("churn")).isEqualTo("churn");
    assertThat(ModelNames.networkPolicy("churn")).isEqualTo("churn-model");
    assertThat(RunNames.networkPolicy("churn")).isEqualTo("churn-job");
  }

  @Test
  void shortensNamesThatAreTooLongOrNotLabelsWithA65BitHash() {
    assertThat(Names.dnsLabel("cpu.small", 63)).matches("cpu-small-[a-z2-7]{13}");
    assertThat(Names.dnsLabel("1model", 63)).matches("x-1model-[a-z2-7]{13}");
    assertThat(Names.dnsLabel("a".repeat(100), 52)).hasSize(52).matches("a+-[a-z2-7]{13}");
    assertThat(Names.labelValue("v".repeat(200))).hasSize(63).matches("v+-[a-z2-7]{13}");
  }

  @Test
  void aKeptNameNeverLooksShortened() {
    String shortened = Names.dnsLabel("m".repeat(80), 63);
    // A tenant naming a model exactly like another model's shortened name gets a different name.
    assertThat(Names.dnsLabel(shortened, 63)).isNotEqualTo(shortened);
    assertThat(Names.labelValue(Names.labelValue("v".repeat(80))))
        .isNotEqualTo(Names.labelValue("v".repeat(80)));
  }

  @Test
  void theDeploymentsOfTwoModelsWithConcatenationTwinsDiffer() {
    // Model a + version b-c and model a-b + version c once both wanted Deployment a-b-c.
    assertThat(ModelNames.deployment("b-c")).isNotEqualTo(ModelNames.deployment("c"));
  }

  @Test
  void aModelAndAJobNeverWantTheSameNetworkPolicy() {
    // CustomJob churn once owned NetworkPolicy churn-runs, the name a model churn-runs wanted.
    for (String name : List.of("churn", "churn-runs", "churn-job", "churn-model", "x-job-model")) {
      for (String other : List.of("churn", "churn-runs", "churn-job", "churn-model", "x-job")) {
        assertThat(ModelNames.networkPolicy(name)).isNotEqualTo(RunNames.networkPolicy(other));
      }
    }
  }

  @Test
  void aRunNamedLikeAModelTestsJobGetsAJobNameNoTestCanHave() {
    // A CustomJobRun "x-test" once wanted the Job of a CustomModelTest "x".
    CustomJobRun run = new CustomJobRun();
    run.setMetadata(new ObjectMetaBuilder().withName("x-test").build());
    CustomModelTest test = new CustomModelTest();
    test.setMetadata(new ObjectMetaBuilder().withName("x").build());
    assertThat(TestNames.job(test)).isEqualTo("x-test");
    assertThat(RunNames.job(run)).matches("x-test-[a-z2-7]{13}");
    run.getMetadata().setName("train-1");
    assertThat(RunNames.job(run)).as("other runs keep their name").isEqualTo("train-1");
  }

  @Test
  void randomNamesNeverCollideWithinOrAcrossKinds() {
    Random random = new Random(12);
    Map<String, String> policies = new HashMap<>();
    Map<String, String> deployments = new HashMap<>();
    Map<String, String> jobs = new HashMap<>();
    Map<String, String> labels = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      names.add(randomObjectName(random));
    }
    // Shortened names that share a long prefix and differ only at the end.
    for (int i = 0; i < 2_000; i++) {
      names.add("m".repeat(60) + "-" + i);
      names.add("m".repeat(60) + "." + i);
    }
    // Runs and tests named like each other's Jobs.
    for (int i = 0; i < 500; i++) {
      names.add("t" + i + "-test");
      names.add("t" + i);
    }
    for (String name : names.stream().distinct().toList()) {
      String model = ModelNames.networkPolicy(name);
      String job = RunNames.networkPolicy(name);
      assertThat(model).hasSizeLessThanOrEqualTo(63).matches(DNS_1035);
      assertThat(job).hasSizeLessThanOrEqualTo(63).matches(DNS_1035);
      assertThat(policies.put(model, "model " + name)).as(model).isNull();
      assertThat(policies.put(job, "job " + name)).as(job).isNull();

      String runJob = Names.dnsLabel(name, Names.WORKLOAD_MAX, List.of(TestNames.SUFFIX));
      String testJob = Names.withSuffix(name, TestNames.SUFFIX, Names.WORKLOAD_MAX);
      assertThat(runJob).hasSizeLessThanOrEqualTo(Names.WORKLOAD_MAX).matches(DNS_1035);
      assertThat(testJob).hasSizeLessThanOrEqualTo(Names.WORKLOAD_MAX).matches(DNS_1035);
      assertThat(jobs.put(runJob, "run " + name)).as(runJob).isNull();
      assertThat(jobs.put(testJob, "test " + name)).as(testJob).isNull();

      String deployment = ModelNames.deployment(name);
      assertThat(deployment).hasSizeLessThanOrEqualTo(Names.WORKLOAD_MAX).matches(DNS_1035);
      assertThat(deployments.put(deployment, name)).as(deployment).isNull();
      assertThat(ModelNames.service(name)).hasSizeLessThanOrEqualTo(63).matches(DNS_1035);

      String label = Names.labelValue(name);
      assertThat(label).hasSizeLessThanOrEqualTo(63).matches(LABEL_VALUE);
      assertThat(labels.put(label, name)).as(label).isNull();
    }
  }

  /** A Kubernetes object name (RFC 1123 subdomain) of 1 to 120 characters. */
  private static String randomObjectName(Random random) {
    String alphabet = "abc-.019";
    int length = 1 + random.nextInt(random.nextBoolean() ? 8 : 120);
    StringBuilder name = new StringBuilder();
    while (name.length() < length) {
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      boolean edge = name.isEmpty() || name.length() == length - 1;
      char last = name.isEmpty() ? 'a' : name.charAt(name.length() - 1);
      if ((edge && (c == '-' || c == '.')) || (c == '.' && (last == '.' || last == '-'))) {
        continue;
      }
      if (c == '-' && last == '.') {
        continue;
      }
      name.append(c);
    }
    return name.toString();
  }
}
