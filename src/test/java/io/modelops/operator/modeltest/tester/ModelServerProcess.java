package io.modelops.operator.modeltest.tester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real model server process on a free loopback port, started as a pod would start it: {@code
 * PORT} and {@code URL_PREFIX} in its environment. Its output goes to a file (read by {@link
 * #log()}); closing it kills the process.
 */
final class ModelServerProcess implements AutoCloseable {
  static final String URL_PREFIX = "/predict-api";

  private final Process process;
  private final int port;
  private final Path log;

  private ModelServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Runs {@code command} in {@code dir} with the contract's environment plus {@code env}. */
  static ModelServerProcess start(List<String> command, Path dir, Map<String, String> env) {
    try {
      int port = freePort();
      Path log = Files.createTempFile("model-server", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("PORT", Integer.toString(port));
      builder.environment().put("URL_PREFIX", URL_PREFIX);
      builder.environment().put("PYTHONUNBUFFERED", "1");
      builder.environment().putAll(env);
      return new ModelServerProcess(builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One of the test servers under {@code src/test/resources/modeltest/servers}. */
  static ModelServerProcess python(String script, String... args) {
    return python(Map.of(), script, args);
  }

  static ModelServerProcess python(Map<String, String> env, String script, String... args) {
    Path dir = servers();
    List<String> command = new ArrayList<>(List.of("python3", dir.resolve(script).toString()));
    command.addAll(List.of(args));
    return start(command, dir, env);
  }

  static Path servers() {
    return resource("/modeltest/servers");
  }

  static Path dataset(String name) {
    return resource("/modeltest/datasets/" + name);
  }

  private static Path resource(String name) {
    try {
      return Path.of(ModelServerProcess.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The URL a test plan names: the loopback address, the port and the URL prefix. */
  String url() {
    return "http://127.0.0.1:" + port + URL_PREFIX;
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a temporary file
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
