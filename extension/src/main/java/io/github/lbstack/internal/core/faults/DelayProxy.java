package io.github.lbstack.internal.core.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delaying TCP proxy a delay fault runs in a replica's network namespace, on the JRE image, because this
 * project's kernel (like many CI kernels) has no netem. iptables sends the link's connections here; each answer
 * (data from the side that accepted the connection back to the side that opened it) is held for the delay, plus or
 * minus the jitter, in order, so every round trip on the link takes that much longer.
 *
 * <p>It is copied into the helper as this one class file and run with {@code java -cp}: it uses {@code java.base}
 * only and has no nested classes. Arguments: {@code delayMillis jitterMillis target...}, a target being
 * {@code host:port}, or {@code local:port} for the replica's own port at the address a connection came to. It prints
 * one line {@code listening <port> <port>...} (one port per target, in order) once every listener is bound.
 *
 * <p>Its own connections leave from ports {@value #FIRST_OWN_PORT}-{@value #LAST_OWN_PORT}, above Linux's ephemeral
 * range, so the redirecting rules and the closing of open connections leave them alone.
 */
public final class DelayProxy {

  static final int FIRST_OWN_PORT = 61000;
  static final int LAST_OWN_PORT = 64999;
  private static final byte[] END = new byte[0];
  private static final AtomicInteger NEXT_OWN_PORT = new AtomicInteger();

  private final long delayNanos;
  private final long jitterNanos;

  private DelayProxy(long delayMillis, long jitterMillis) {
    this.delayNanos = delayMillis * 1_000_000;
    this.jitterNanos = jitterMillis * 1_000_000;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 3) {
      System.err.println("usage: DelayProxy delayMillis jitterMillis host:port|local:port...");
      System.exit(2);
    }
    List<Integer> ports = start(Long.parseLong(args[0]), Long.parseLong(args[1]),
        Arrays.asList(args).subList(2, args.length));
    StringBuilder line = new StringBuilder("listening");
    ports.forEach(port -> line.append(' ').append(port));
    System.out.println(line);
    System.out.flush();
    // The listeners run on daemon threads; the proxy lasts until its helper is removed.
    Thread.currentThread().join();
  }

  /** Binds a listener per target and serves them on daemon threads; returns the ports, in order. */
  static List<Integer> start(long delayMillis, long jitterMillis, List<String> targets) throws IOException {
    DelayProxy proxy = new DelayProxy(delayMillis, jitterMillis);
    List<Integer> ports = new ArrayList<>();
    for (String target : targets) {
      ServerSocket listener = new ServerSocket(0, 200);
      ports.add(listener.getLocalPort());
      start(() -> proxy.accept(listener, target));
    }
    return ports;
  }

  private void accept(ServerSocket listener, String target) {
    int colon = target.lastIndexOf(':');
    String host = target.substring(0, colon);
    int port = Integer.parseInt(target.substring(colon + 1));
    while (true) {
      try {
        Socket client = listener.accept();
        start(() -> connect(client, host, port));
      } catch (IOException e) {
        System.err.println("accept on " + listener.getLocalPort() + ": " + e);
      }
    }
  }

  private void connect(Socket client, String host, int port) {
    Socket server = null;
    try {
      // A connection redirected to this proxy arrives at the replica's own address: "local" means that one.
      InetSocketAddress target = host.equals("local")
          ? new InetSocketAddress(client.getLocalAddress(), port) : new InetSocketAddress(host, port);
      server = ownSocket();
      server.connect(target, 10_000);
      client.setTcpNoDelay(true);
      server.setTcpNoDelay(true);
      Socket upstream = server;
      start(() -> pump(client, upstream));
      start(() -> delayedPump(upstream, client));
    } catch (IOException e) {
      System.err.println("connect to " + host + ":" + port + ": " + e);
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private static Socket ownSocket() throws IOException {
    int range = LAST_OWN_PORT - FIRST_OWN_PORT + 1;
    for (int attempt = 0; attempt < range; attempt++) {
      int port = FIRST_OWN_PORT + Math.floorMod(NEXT_OWN_PORT.getAndIncrement(), range);
      Socket socket = new Socket();
      try {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(port));
        return socket;
      } catch (BindException e) {
        socket.close();
      }
    }
    throw new BindException("every port from " + FIRST_OWN_PORT + " to " + LAST_OWN_PORT + " is in use");
  }

  /** Requests go as they come. */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
      }
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Answers are read at once and written when their time comes, in order: a later chunk never overtakes. */
  private void delayedPump(Socket from, Socket to) {
    BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
    start(() -> release(queue, from, to));
    byte[] buffer = new byte[16384];
    long last = 0;
    try (InputStream in = from.getInputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        last = Math.max(last, dueAt());
        queue.add(new Object[] {last, Arrays.copyOf(buffer, read)});
      }
    } catch (IOException e) {
      // The peer is gone; what was read still goes, then the end.
    }
    queue.add(new Object[] {Math.max(last, dueAt()), END});
  }

  private long dueAt() {
    long jitter = jitterNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterNanos, jitterNanos + 1);
    return System.nanoTime() + Math.max(0, delayNanos + jitter);
  }

  private static void release(BlockingQueue<Object[]> queue, Socket from, Socket to) {
    try {
      OutputStream out = to.getOutputStream();
      while (true) {
        Object[] chunk = queue.take();
        long wait = (long) chunk[0] - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        byte[] data = (byte[]) chunk[1];
        if (data == END) {
          to.shutdownOutput();
          break;
        }
        out.write(data);
      }
    } catch (IOException | InterruptedException e) {
      // The other side is gone: nothing more to deliver.
    } finally {
      // The answer is complete (or cannot be): the link's protocols do not talk on after that, so both sides close.
      closeQuietly(to);
      closeQuietly(from);
    }
  }

  private static void start(Runnable task) {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
