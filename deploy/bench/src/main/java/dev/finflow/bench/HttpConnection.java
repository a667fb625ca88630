package dev.finflow.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal keep-alive HTTP/1.1 client for load generation: one socket, one request at a time, as little CPU as
 * possible so that the generator, which shares the machine with the service, takes little of it.
 */
final class HttpConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    private final String authorization = BenchAuth.header();

    HttpConnection(String host, int port) throws IOException {
        this.socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.host = host + ":" + port;
    }

    /** Sends a JSON POST and returns the status code, having read the whole response. */
    int post(String path, String json) throws IOException {
        send(path, json);
        return readResponse(null);
    }

    /** Sends a JSON POST; answers the status and the body (a response of known length). */
    Response postForBody(String path, String json) throws IOException {
        send(path, json);
        byte[][] body = new byte[1][];
        int status = readResponse(body);
        return new Response(status, body[0] == null ? "" : new String(body[0], StandardCharsets.UTF_8));
    }

    record Response(int status, String body) {
    }

    private void send(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Authorization: " + authorization + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Sends a GET and returns the status code, having read the whole response. */
    int get(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\nAuthorization: "
                + authorization + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readResponse(null);
    }

    /** Reads a response; a body of known length goes into {@code keep[0]} when {@code keep} is given. */
    private int readResponse(byte[][] keep) throws IOException {
        String status = readLine();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        for (String line; !(line = readLine()).isEmpty(); ) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size; (size = Integer.parseInt(readLine().trim(), 16)) > 0; ) {
                skip(size + 2);
            }
            readLine();
        } else if (length > 0 && keep != null) {
            keep[0] = in.readNBytes(length);
        } else if (length > 0) {
            skip(length);
        }
        return code;
    }

    private void skip(int bytes) throws IOException {
        while (bytes > 0) {
            long skipped = in.skip(bytes);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-response");
                }
                skipped = 1;
            }
            bytes -= (int) skipped;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
