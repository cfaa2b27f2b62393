package io.modelops.operator.bootstrap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal HTTP/1.1 server for a few fixed {@code GET} paths, built so that a client cannot hold
 * it: each connection has a deadline from accept to the last byte of the answer (a client that
 * sends nothing, trickles its request or reads the answer slowly is disconnected when it passes),
 * requests are at most 8 KiB, a fixed number of threads serve, and a connection arriving while all
 * are busy is answered 503 at once instead of waiting. Every answer closes the connection.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: it reads a request on a thread of its
 * executor with no time limit, and its only timeouts ({@code sun.net.httpserver.maxReqTime} and
 * {@code maxRspTime}, in whole seconds) are JVM-wide system properties read once, when the first
 * server of the process starts, so they cannot differ between servers, nor be set reliably by the
 * code that starts one.
 */
final class BoundedHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedHttpServer.class);
  private static final int MAX_REQUEST_BYTES = 8 * 1024;
  private static final long REFUSED_LINGER_MILLIS = 1000;

  /** What a path answers: a status and a plain-text body. */
  record Response(int status, String body) {}

  private final String name;
  private final ServerSocket socket;
  private final Map<String, Supplier<Response>> routes;
  private final long timeoutMillis;
  private final ThreadPoolExecutor workers;
  private final long handoffMillis;
  private final ScheduledThreadPoolExecutor deadlines;
  private final Thread acceptor;

  private BoundedHttpServer(
      String name,
      ServerSocket socket,
      Map<String, Supplier<Response>> routes,
      int threads,
      Duration timeout,
      Duration handoff) {
    this.name = name;
    this.handoffMillis = handoff.toMillis();
    this.socket = socket;
    this.routes = Map.copyOf(routes);
    this.timeoutMillis = timeout.toMillis();
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new SynchronousQueue<>(),
            daemons("modelops-" + name));
    this.deadlines = new ScheduledThreadPoolExecutor(1, daemons("modelops-" + name + "-deadline"));
    this.deadlines.setRemoveOnCancelPolicy(true);
    this.acceptor = daemons("modelops-" + name + "-accept").newThread(this::acceptLoop);
  }

  /**
   * Starts serving {@code routes} on {@code port} (0 picks a free port) with {@code threads}
   * threads and a per-connection {@code timeout}.
   */
  static BoundedHttpServer start(
      String name, int port, Map<String, Supplier<Response>> routes, int threads, Duration timeout)
      throws IOException {
    return start(name, port, routes, threads, timeout, Duration.ZERO);
  }

  /**
   * As {@link #start(String, int, Map, int, Duration)}, and a connection that finds every thread
   * serving waits up to {@code handoff} for one to come back before it is refused: a thread that
   * has just answered is free a moment before it asks for more work, and a client that sends its
   * next request at once (a kubelet's liveness and readiness probes back to back, on a loaded node)
   * must not be refused in that moment. Only for a server no flood can reach: the acceptor waits.
   */
  static BoundedHttpServer start(
      String name,
      int port,
      Map<String, Supplier<Response>> routes,
      int threads,
      Duration timeout,
      Duration handoff)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(port), 64);
    BoundedHttpServer server =
        new BoundedHttpServer(name, socket, routes, threads, timeout, handoff);
    server.acceptor.start();
    return server;
  }

  int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.warn("{} server: accept failed", name, e);
        }
        continue;
      }
      ScheduledFuture<?> deadline =
          deadlines.schedule(() -> closeQuietly(connection), timeoutMillis, TimeUnit.MILLISECONDS);
      Runnable task = () -> serve(connection, deadline);
      try {
        workers.execute(task);
      } catch (RejectedExecutionException busy) {
        if (!handedOff(task)) {
          refuseBusy(connection, deadline);
        }
      }
    }
  }

  /** Whether an idle thread took {@code task} within the handoff wait. */
  private boolean handedOff(Runnable task) {
    if (handoffMillis <= 0) {
      return false;
    }
    try {
      return workers.getQueue().offer(task, handoffMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Every thread is serving: answer 503 at once rather than queue behind possibly slow clients. A
   * fresh connection's send buffer is empty, so this small write does not block the acceptor. The
   * request is never read, and closing a socket with unread input resets it, which could discard
   * the answer before the client reads it: the output is shut (the client sees the end of the
   * answer) and the socket closed a moment later.
   */
  private void refuseBusy(Socket connection, ScheduledFuture<?> deadline) {
    try {
      write(connection.getOutputStream(), new Response(503, "busy\n"), false);
      connection.shutdownOutput();
    } catch (IOException e) {
      LOG.debug("{} server: could not answer a connection refused as busy", name, e);
      deadline.cancel(false);
      closeQuietly(connection);
      return;
    }
    deadline.cancel(false);
    deadlines.schedule(
        () -> closeQuietly(connection),
        Math.min(timeoutMillis, REFUSED_LINGER_MILLIS),
        TimeUnit.MILLISECONDS);
  }

  private void serve(Socket connection, ScheduledFuture<?> deadline) {
    try (connection) {
      connection.setSoTimeout((int) Math.max(1, timeoutMillis));
      InputStream in = new BufferedInputStream(connection.getInputStream());
      String[] requestLine = readHead(in).split(" ");
      Response response;
      boolean head = false;
      if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        response = new Response(400, "bad request\n");
      } else if (!requestLine[0].equals("GET") && !requestLine[0].equals("HEAD")) {
        response = new Response(405, "only GET\n");
      } else {
        head = requestLine[0].equals("HEAD");
        String path = requestLine[1];
        int query = path.indexOf('?');
        Supplier<Response> route = routes.get(query < 0 ? path : path.substring(0, query));
        response = route == null ? new Response(404, "not found\n") : answer(route);
      }
      write(connection.getOutputStream(), response, head);
    } catch (SocketException | java.net.SocketTimeoutException e) {
      LOG.debug("{} server: connection closed before it was answered: {}", name, e.toString());
    } catch (IOException e) {
      LOG.debug("{} server: could not answer a connection", name, e);
    } finally {
      deadline.cancel(false);
    }
  }

  private Response answer(Supplier<Response> route) {
    try {
      return route.get();
    } catch (RuntimeException e) {
      LOG.warn("{} server: a handler failed", name, e);
      return new Response(500, "internal error\n");
    }
  }

  /**
   * Reads the request line and headers up to the empty line (the body, if any, is never read);
   * returns the request line.
   */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder requestLine = new StringBuilder();
    int total = 0;
    int lineLength = 0;
    boolean firstLine = true;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new SocketException("connection closed during the request");
      }
      if (++total > MAX_REQUEST_BYTES) {
        throw new IOException("request head over " + MAX_REQUEST_BYTES + " bytes");
      }
      if (b == '\n') {
        if (lineLength == 0) {
          return requestLine.toString();
        }
        firstLine = false;
        lineLength = 0;
      } else if (b != '\r') {
        lineLength++;
        if (firstLine) {
          requestLine.append((char) b);
        }
      }
    }
  }

  private static void write(OutputStream out, Response response, boolean head) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    String headers =
        "HTTP/1.1 "
            + response.status()
            + " "
            + reasonPhrase(response.status())
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(headers.getBytes(StandardCharsets.US_ASCII));
    if (!head) {
      out.write(body);
    }
    out.flush();
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
  }

  private static void closeQuietly(Socket connection) {
    try {
      connection.close();
    } catch (IOException e) {
      // Closing is all that was wanted.
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("{} server: close failed", name, e);
    }
    workers.shutdownNow();
    deadlines.shutdownNow();
  }
}
