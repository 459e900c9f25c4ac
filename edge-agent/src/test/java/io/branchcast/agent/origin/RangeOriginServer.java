package io.branchcast.agent.origin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RangeOriginServer is a tiny test origin on its own 127.0.0.N: serves one payload at {@code /payload} with single
 * HTTP Range support, can fail its first requests with 503 and records what it was asked.
 */
public final class RangeOriginServer {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final Buffer payload;
    private final String host;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger bytesServed = new AtomicInteger();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int truncateBy;
    private HttpServer server;

    private RangeOriginServer(byte[] payload, String host) {
        this.payload = Buffer.buffer(payload);
        this.host = host;
    }

    public static Future<RangeOriginServer> start(Vertx vertx, String host, byte[] payload) {
        RangeOriginServer origin = new RangeOriginServer(payload, host);
        origin.server = vertx.createHttpServer().requestHandler(origin::handle);
        return origin.server.listen(0, host).map(origin);
    }

    public String url() {
        return "http://" + host + ":" + server.actualPort() + "/payload";
    }

    /** The next {@code count} requests get a 503. */
    public RangeOriginServer failNext(int count) {
        failuresLeft.set(count);
        return this;
    }

    /** Every response body is {@code bytes} shorter than asked. */
    public RangeOriginServer truncateBy(int bytes) {
        truncateBy = bytes;
        return this;
    }

    private void handle(HttpServerRequest request) {
        requests.incrementAndGet();
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            request.response().setStatusCode(503).end();
            return;
        }
        if (!request.path().equals("/payload")) {
            request.response().setStatusCode(404).end();
            return;
        }
        String range = request.getHeader("Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        if (matcher == null || !matcher.matches()) {
            request.response().setStatusCode(200).end(payload);
            return;
        }
        int start = Integer.parseInt(matcher.group(1));
        int end = Math.min(Integer.parseInt(matcher.group(2)), payload.length() - 1);
        if (start > end) {
            request.response().setStatusCode(416).end();
            return;
        }
        Buffer body = payload.slice(start, end + 1 - truncateBy);
        bytesServed.addAndGet(body.length());
        request.response().setStatusCode(206)
                .putHeader("Content-Range", "bytes " + start + "-" + end + "/" + payload.length())
                .end(body);
    }
}
