package io.modelops.operator.modeltest.tester;

import java.time.Duration;
import java.util.Locale;

/**
 * The seed's {@code longRunningService}, in two parts around the other checks: the server must
 * answer {@code GET <serverUrl>/} with 200 within the readiness timeout (else the test fails and
 * the other checks are aborted), and after the other checks it must keep answering it for the
 * stay-up period, asked every {@link #STAY_UP_INTERVAL} (a server that dies after some requests
 * fails here).
 */
final class LongRunningService {
  static final String NAME = "longRunningService";

  static final Duration READY_POLL_INTERVAL = Duration.ofMillis(200);
  static final Duration STAY_UP_INTERVAL = Duration.ofMillis(500);

  private long readyAfterNanos;

  /** Waits for the server to be ready; a failed verdict means no other check can run. */
  Verdict awaitReady(CheckContext context) {
    Duration timeout = context.plan().readinessTimeout();
    context.progress(
        "longRunningService: waiting up to "
            + timeout.toSeconds()
            + " s for GET "
            + context.plan().serverUrl()
            + "/ to answer 200");
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    ServerAnswer last;
    while (true) {
      last = context.server().ready(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (last.failure() == null && last.status() == 200) {
        readyAfterNanos = System.nanoTime() - t0;
        context.progress("longRunningService: ready after " + seconds(readyAfterNanos));
        return Verdict.passed("ready");
      }
      if (System.nanoTime() + READY_POLL_INTERVAL.toNanos() >= deadline
          || !pause(READY_POLL_INTERVAL)) {
        break;
      }
    }
    return Verdict.failed(
        "The server did not answer GET / with HTTP 200 within "
            + timeout.toSeconds()
            + " s (readinessTimeoutSeconds); the last time it "
            + last.describe()
            + ". The other checks were not run.");
  }

  /** After the other checks: the server keeps answering {@code GET /} for the stay-up period. */
  Verdict staysUp(CheckContext context) {
    Duration stayUp = context.plan().stayUp();
    context.progress(
        "longRunningService: checking that the server keeps answering for "
            + stayUp.toSeconds()
            + " s");
    long t0 = System.nanoTime();
    long end = t0 + stayUp.toNanos();
    do {
      ServerAnswer answer = context.server().ready(context.plan().requestTimeout());
      if (answer.failure() != null || answer.status() != 200) {
        return Verdict.failed(
            "The server stopped answering after the other checks: "
                + seconds(System.nanoTime() - t0)
                + " into the "
                + stayUp.toSeconds()
                + " s stay-up period, GET / "
                + (answer.failure() != null ? "failed: the server " : "")
                + answer.describe()
                + ".");
      }
    } while (System.nanoTime() + STAY_UP_INTERVAL.toNanos() < end && pause(STAY_UP_INTERVAL));
    return Verdict.passed(
        "The server was ready after "
            + seconds(readyAfterNanos)
            + " and kept answering through the checks and "
            + stayUp.toSeconds()
            + " s after them.");
  }

  private static boolean pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
