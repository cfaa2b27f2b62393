package io.modelops.operator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void keepsValidShortNames() {
    assertThat(Names.dnsLabel("churn", 63)).isEqualTo("churn");
    assertThat(Names.joined("churn", "churn-v2", 52)).isEqualTo("churn-churn-v2");
  }

  @Test
  void hashesNamesThatAreTooLongOrNotLabels() {
    String dotted = Names.dnsLabel("cpu.small", 63);
    assertThat(dotted).matches("cpu-small-[0-9a-f]{8}");
    String digit = Names.dnsLabel("1model", 63);
    assertThat(digit).matches("m-1model-[0-9a-f]{8}");
    String longName = Names.dnsLabel("a".repeat(100), 52);
    assertThat(longName).hasSizeLessThanOrEqualTo(52).matches("a+-[0-9a-f]{8}");
  }

  @Test
  void differentInputsNeverCollide() {
    String x = Names.joined("model-" + "x".repeat(60), "v1", 52);
    String y = Names.joined("model-" + "x".repeat(60), "v2", 52);
    assertThat(x).isNotEqualTo(y);
  }

  @Test
  void labelValuesStayWithin63Characters() {
    assertThat(Names.labelValue("v1")).isEqualTo("v1");
    assertThat(Names.labelValue("v".repeat(200))).hasSizeLessThanOrEqualTo(63);
  }
}
