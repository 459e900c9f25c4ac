package io.branchcast.agent.swarm;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CompactTracker is the smallest BEP 3/23 HTTP tracker a stock client accepts: every announce gets the same fixed
 * peer list in compact form. It lets the stock client find our session without DHT or anything beyond loopback.
 */
final class CompactTracker implements AutoCloseable {

    private final HttpServer server;

    private CompactTracker(HttpServer server) {
        this.server = server;
    }

    static CompactTracker start(String host, List<InetSocketAddress> peers) throws IOException {
        byte[] response = announceResponse(peers);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 8);
        server.createContext("/announce", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
        return new CompactTracker(server);
    }

    URI announceUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/announce");
    }

    private static byte[] announceResponse(List<InetSocketAddress> peers) throws IOException {
        ByteArrayOutputStream compact = new ByteArrayOutputStream();
        for (InetSocketAddress peer : peers) {
            compact.write(InetAddress.getByName(peer.getHostString()).getAddress());
            compact.write(peer.getPort() >> 8);
            compact.write(peer.getPort() & 0xff);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("d8:intervali5e5:peers" + compact.size() + ":").getBytes(StandardCharsets.US_ASCII));
        compact.writeTo(out);
        out.write('e');
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
