package io.modelops.operator.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (the real {@code helm}, {@code kubectl}, {@code lua5.1}, scripts of
 * {@code dev/}) with a timeout and captures its output: the one place tests start processes.
 *
 * <pre>{@code
 * ExternalCommand.helm("lint", "--strict", chart).run().requireSuccess();
 * ExternalCommand.kubectl("apply", "-f", "-").stdin(yaml).run();
 * try (var operator = ExternalCommand.of("java", "-cp", cp, main).start()) { ... }
 * }</pre>
 */
public final class ExternalCommand {
  private final List<String> command;
  private final Map<String, String> env = new HashMap<>();
  private Path directory = LocalCluster.repoDir();
  private String stdin;
  private Duration timeout = Duration.ofMinutes(2);

  private ExternalCommand(List<String> command) {
    this.command = List.copyOf(command);
  }

  /** Any program, found on the PATH or given as a path. */
  public static ExternalCommand of(String program, String... args) {
    List<String> all = new ArrayList<>();
    all.add(program);
    all.addAll(List.of(args));
    return new ExternalCommand(all);
  }

  /** The helm binary that dev/scripts/install-cli.sh installs (the version pinned there). */
  public static ExternalCommand helm(String... args) {
    return of(cliTool("helm").toString(), args);
  }

  /** The kubectl binary that dev/scripts/install-cli.sh installs. */
  public static ExternalCommand kubectl(String... args) {
    return of(cliTool("kubectl").toString(), args);
  }

  /** The Lua 5.1 interpreter (Debian package lua5.1; dev/scripts/prereqs.sh installs it). */
  public static ExternalCommand lua(String... args) {
    return of("lua5.1", args);
  }

  public ExternalCommand in(Path dir) {
    this.directory = dir;
    return this;
  }

  public ExternalCommand stdin(String input) {
    this.stdin = input;
    return this;
  }

  public ExternalCommand env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public ExternalCommand timeout(Duration limit) {
    this.timeout = limit;
    return this;
  }

  /** Runs to completion or kills the process tree at the timeout (then the result fails). */
  public Result run() {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("modelops-cmd-", ".out");
      err = Files.createTempFile("modelops-cmd-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      return new Result(
          command,
          finished ? process.exitValue() : -1,
          !finished,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /**
   * Starts the command in the background (a server under test); {@link Running#close()} stops it.
   * Output goes to one temporary file, stdout and stderr interleaved.
   */
  public Running start() {
    try {
      Path log = Files.createTempFile("modelops-cmd-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      return new Running(command, process, log, timeout);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command, e);
    }
  }

  /** A command running in the background. */
  public static final class Running implements AutoCloseable {
    private final List<String> command;
    private final Process process;
    private final Path log;
    private final Duration stopTimeout;

    private Running(List<String> command, Process process, Path log, Duration stopTimeout) {
      this.command = command;
      this.process = process;
      this.log = log;
      this.stopTimeout = stopTimeout;
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** Everything it printed so far. */
    public String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the output of " + command, e);
      }
    }

    /** Stops it (SIGTERM, then SIGKILL after the timeout) and removes its output file. */
    @Override
    public void close() {
      try {
        process.destroy();
        if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        deleteQuietly(log);
      }
    }
  }

  /** What a finished (or timed-out) command left. */
  public record Result(
      List<String> command, int exitCode, boolean timedOut, String stdout, String stderr) {
    public boolean succeeded() {
      return !timedOut && exitCode == 0;
    }

    /** This result, or an AssertionError with the command, exit code and both outputs. */
    public Result requireSuccess() {
      if (!succeeded()) {
        throw new AssertionError(describe());
      }
      return this;
    }

    public String describe() {
      return String.join(" ", command)
          + (timedOut ? "\n  timed out" : "\n  exit code " + exitCode)
          + "\n  stdout: "
          + stdout.strip()
          + "\n  stderr: "
          + stderr.strip();
    }
  }

  /** Where dev/scripts/install-cli.sh puts kubectl and helm; installs them when missing. */
  static synchronized Path cliTool(String name) {
    Path dir = cliDir();
    Path tool = dir.resolve(name);
    if (!Files.isExecutable(tool)) {
      of("bash", "dev/scripts/install-cli.sh")
          .timeout(Duration.ofMinutes(5))
          .run()
          .requireSuccess();
    }
    return tool;
  }

  private static Path cliDir() {
    Properties versions = new Properties();
    Path file = LocalCluster.repoDir().resolve("dev/versions.env");
    try (var reader = Files.newBufferedReader(file)) {
      versions.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    String cache =
        System.getenv()
            .getOrDefault("MODELOPS_CACHE", System.getProperty("user.home") + "/.cache/modelops");
    return Path.of(cache, "bin", "kubectl-layer-" + versions.getProperty("KUBECTL_LAYER_VERSION"));
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }
}
