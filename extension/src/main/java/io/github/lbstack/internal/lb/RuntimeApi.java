package io.github.lbstack.internal.lb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** HAProxy's Runtime API over TCP: one command per connection, as the API's non-interactive mode expects. */
public final class RuntimeApi {

  private final String host;
  private final int port;

  public RuntimeApi(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** @return HAProxy's answer, which is empty on success for state changes */
  public String execute(String command) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("HAProxy Runtime API command '" + command + "' failed", e);
    }
  }

  /**
   * Points a server at another host name, which its resolvers section then resolves.
   *
   * @return whether the name changed (HAProxy answers "no need to change" when it is the same)
   */
  public boolean setServerFqdn(String backend, String server, String fqdn) {
    String answer = execute("set server " + backend + "/" + server + " fqdn " + fqdn);
    if (answer.contains("changed its FQDN")) {
      return true;
    }
    if (answer.startsWith("no need to change")) {
      return false;
    }
    throw new IllegalStateException("HAProxy refused to point " + server + " at " + fqdn + ": " + answer);
  }

  /** The address a server has now ({@code show servers state}), or empty when HAProxy lists no such server. */
  public String serverAddress(String backend, String server) {
    for (String line : execute("show servers state " + backend).split("\n")) {
      String[] fields = line.trim().split("\\s+");
      // be_id be_name srv_id srv_name srv_addr ...
      if (fields.length > 4 && fields[1].equals(backend) && fields[3].equals(server)) {
        return fields[4];
      }
    }
    return "";
  }

  /** Puts a server in a state: {@code ready}, {@code drain} or {@code maint}. */
  public void setServerState(String backend, String server, String state) {
    String answer = execute("set server " + backend + "/" + server + " state " + state);
    if (!answer.isEmpty()) {
      throw new IllegalStateException("HAProxy refused to set " + server + " " + state + ": " + answer);
    }
  }
}
