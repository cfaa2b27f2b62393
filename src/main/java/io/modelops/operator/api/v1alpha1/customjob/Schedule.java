package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.Formats;
import java.util.List;

/**
 * When a custom job runs: a cron string, or the structured form where each cron field lists numbers
 * or "*". Runs follow CronJob semantics (concurrency policy, starting deadline).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.cron) || !(has(self.minute) || has(self.hour) || has(self.dayOfMonth)"
            + " || has(self.month) || has(self.dayOfWeek))",
    message = "schedule: set either cron or minute/hour/dayOfMonth/month/dayOfWeek, not both")
@ValidationRule(
    value =
        "has(self.cron) || (has(self.minute) && has(self.hour) && has(self.dayOfMonth)"
            + " && has(self.month) && has(self.dayOfWeek))",
    message = "schedule: set cron, or all of minute, hour, dayOfMonth, month and dayOfWeek")
// The generator drops annotations on int-or-string list items, so their bounds are patched in:
// minimum/maximum apply to the numbers, pattern to the strings ("*" or a name).
@SchemaCustomizer(value = SchemaPatch.class, input = Schedule.ITEM_BOUNDS)
public class Schedule {
  static final String ITEM_BOUNDS =
      """
      {"properties": {
        "minute": {"items": {"maxLength": 9, "minimum": 0, "maximum": 59, "pattern": "^\\\\*$"}},
        "hour": {"items": {"maxLength": 9, "minimum": 0, "maximum": 23, "pattern": "^\\\\*$"}},
        "dayOfMonth": {"items": {"maxLength": 9, "minimum": 1, "maximum": 31, "pattern": "^\\\\*$"}},
        "month": {"items": {"maxLength": 9, "minimum": 1, "maximum": 12, "pattern": "^(\\\\*|[A-Za-z]{3,9})$"}},
        "dayOfWeek": {"items": {"maxLength": 9, "minimum": 0, "maximum": 6, "pattern": "^(\\\\*|[A-Za-z]{3,9})$"}}}}
      """;

  @Size(max = 100)
  @Pattern(Formats.CRON)
  @JsonPropertyDescription(
      "Five-field cron expression (minute hour day-of-month month day-of-week) or a macro such"
          + " as @daily, e.g. \"0 3 * * 1\". Put the time zone in timeZone, not a TZ= prefix.")
  private String cron;

  @Size(min = 1, max = 60)
  @JsonPropertyDescription(
      "Minutes of the hour to run at: numbers 0..59, or [\"*\"] for every minute.")
  private List<IntOrString> minute;

  @Size(min = 1, max = 24)
  @JsonPropertyDescription("Hours of the day to run at: numbers 0..23, or [\"*\"] for every hour.")
  private List<IntOrString> hour;

  @Size(min = 1, max = 31)
  @JsonPropertyDescription(
      "Days of the month to run on: numbers 1..31, or [\"*\"]. Additive with dayOfWeek; invalid"
          + " dates (February 31st) are skipped.")
  private List<IntOrString> dayOfMonth;

  @Size(min = 1, max = 12)
  @JsonPropertyDescription(
      "Months to run in: numbers 1..12, names (\"jan\", \"october\"), or [\"*\"].")
  private List<IntOrString> month;

  @Size(min = 1, max = 7)
  @JsonPropertyDescription(
      "Days of the week to run on: numbers 0..6 (Sunday = 0), names (\"sun\", \"Monday\"), or"
          + " [\"*\"]. Additive with dayOfMonth.")
  private List<IntOrString> dayOfWeek;

  @Size(max = 64)
  @Pattern(Formats.TIME_ZONE)
  @JsonPropertyDescription("IANA time zone of the schedule, e.g. Europe/Berlin. Default: UTC.")
  private String timeZone;

  @JsonPropertyDescription(
      "true stops scheduling new runs; running ones continue, and times passing meanwhile count"
          + " in status.missedSchedules. Default: false.")
  private Boolean suspend;

  @JsonPropertyDescription(
      "What to do when a scheduled run of this job is still active at the next scheduled time:"
          + " Allow (run both), Forbid (start no new run while one is active) or Replace (delete"
          + " the active scheduled runs, then start the new one; manual runs are left alone)."
          + " Default: Allow.")
  private ConcurrencyPolicy concurrencyPolicy;

  @Min(0)
  @JsonPropertyDescription(
      "A run that cannot start within this many seconds of its scheduled time is counted as"
          + " missed. Default: no deadline.")
  private Long startingDeadlineSeconds;

  public String getCron() {
    return cron;
  }

  public void setCron(String cron) {
    this.cron = cron;
  }

  public List<IntOrString> getMinute() {
    return minute;
  }

  public void setMinute(List<IntOrString> minute) {
    this.minute = minute;
  }

  public List<IntOrString> getHour() {
    return hour;
  }

  public void setHour(List<IntOrString> hour) {
    this.hour = hour;
  }

  public List<IntOrString> getDayOfMonth() {
    return dayOfMonth;
  }

  public void setDayOfMonth(List<IntOrString> dayOfMonth) {
    this.dayOfMonth = dayOfMonth;
  }

  public List<IntOrString> getMonth() {
    return month;
  }

  public void setMonth(List<IntOrString> month) {
    this.month = month;
  }

  public List<IntOrString> getDayOfWeek() {
    return dayOfWeek;
  }

  public void setDayOfWeek(List<IntOrString> dayOfWeek) {
    this.dayOfWeek = dayOfWeek;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public ConcurrencyPolicy getConcurrencyPolicy() {
    return concurrencyPolicy;
  }

  public void setConcurrencyPolicy(ConcurrencyPolicy concurrencyPolicy) {
    this.concurrencyPolicy = concurrencyPolicy;
  }

  public Long getStartingDeadlineSeconds() {
    return startingDeadlineSeconds;
  }

  public void setStartingDeadlineSeconds(Long startingDeadlineSeconds) {
    this.startingDeadlineSeconds = startingDeadlineSeconds;
  }
}
