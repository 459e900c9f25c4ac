package io.branchcast.agent.install;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * DownloadServer stands in for the control plane's GET /downloads/{file}: it answers every request with the one
 * response the test sets, on its own loopback address.
 */
final class DownloadServer implements AutoCloseable {

    private final HttpServer server;
    private volatile int status = 404;
    private volatile String contentType = "text/plain";
    private volatile byte[] body = new byte[0];

    DownloadServer(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 16);
        server.createContext("/downloads/", exchange -> {
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] answer = body;
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                out.write(answer);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    void respond(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
