package dev.tradewind.infra;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends one raw HTTP/1.1 request from another loopback address, as a second client machine would. */
public final class LoopbackClient {
  private LoopbackClient() {
  }

  /** The whole response (status line, headers, body) to a request sent from {@code source} with a new connection. */
  public static String send(String source, int port, String method, String path, String headers, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
        + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException("request from " + source + " failed", e);
    }
  }

  /**
   * Announces a body of {@code declaredLength} bytes and sends none of it, as a client starting a slow upload would:
   * the status line the server answers with meanwhile, or null if it has not answered within 5 seconds.
   */
  public static String statusBeforeBody(int port, String method, String path, String headers, long declaredLength) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Content-Length: "
        + declaredLength + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      StringBuilder line = new StringBuilder();
      for (int c = socket.getInputStream().read(); c >= 0 && c != '\r'; c = socket.getInputStream().read()) {
        line.append((char) c);
      }
      return line.toString();
    } catch (java.net.SocketTimeoutException e) {
      return null;
    } catch (Exception e) {
      throw new IllegalStateException("request to port " + port + " failed", e);
    }
  }
}
