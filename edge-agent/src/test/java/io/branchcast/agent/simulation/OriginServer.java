package io.branchcast.agent.simulation;

import io.branchcast.agent.origin.OriginScheduler;
import io.branchcast.agent.origin.TokenBucketOriginScheduler;
import io.branchcast.agent.origin.UnlimitedOriginScheduler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OriginServer is the WAN origin of simulations and benchmarks: it serves one file over HTTP with single Range
 * requests (zero-copy {@code sendFile}), limits its total egress to a byte rate shared by all clients (the site's WAN
 * link), and counts what it sent. Run as a process: {@code OriginServer --file F --bind HOST:PORT [--cap-mib N]}; it
 * prints {@code origin url=...} when ready and {@code origin served_bytes=N requests=M} when terminated.
 */
public final class OriginServer {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final Path file;
    private final long length;
    private final OriginScheduler egress;
    private final AtomicLong servedBytes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private HttpServer server;
    private String url;

    private OriginServer(Path file, long length, OriginScheduler egress) {
        this.file = file;
        this.length = length;
        this.egress = egress;
    }

    /** Serves {@code file} on host:port (0 = ephemeral) with egress capped at capBytesPerSecond (0 = uncapped). */
    public static Future<OriginServer> start(Vertx vertx, String host, int port, Path file, long capBytesPerSecond) {
        OriginScheduler egress = capBytesPerSecond == 0 ? new UnlimitedOriginScheduler()
                : new TokenBucketOriginScheduler(vertx, capBytesPerSecond);
        return vertx.fileSystem().props(file.toString()).compose(props -> {
            OriginServer origin = new OriginServer(file, props.size(), egress);
            origin.server = vertx.createHttpServer().requestHandler(origin::handle);
            return origin.server.listen(port, host).map(server -> {
                origin.url = "http://" + host + ":" + server.actualPort() + "/" + file.getFileName();
                return origin;
            });
        });
    }

    public String url() {
        return url;
    }

    public long servedBytes() {
        return servedBytes.get();
    }

    public long requests() {
        return requests.get();
    }

    public Future<Void> close() {
        return server.close();
    }

    private void handle(HttpServerRequest request) {
        requests.incrementAndGet();
        if (!request.path().equals("/" + file.getFileName())) {
            request.response().setStatusCode(404).end();
            return;
        }
        String range = request.getHeader("Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        long start = matcher != null && matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
        long end = matcher != null && matcher.matches() ? Math.min(Long.parseLong(matcher.group(2)), length - 1)
                : length - 1;
        if (start > end) {
            request.response().setStatusCode(416).end();
            return;
        }
        long count = end - start + 1;
        request.pause();
        egress.acquire(count).onComplete(granted -> {
            request.resume();
            request.response().setStatusCode(matcher != null ? 206 : 200);
            if (matcher != null) {
                request.response().putHeader("Content-Range", "bytes " + start + "-" + end + "/" + length);
            }
            request.response().sendFile(file.toString(), start, count)
                    .onSuccess(v -> servedBytes.addAndGet(count));
        });
    }

    public static void main(String[] args) throws Exception {
        String fileArg = null;
        String bind = "127.0.0.1:0";
        long capMib = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--file" -> fileArg = args[i + 1];
                case "--bind" -> bind = args[i + 1];
                case "--cap-mib" -> capMib = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (fileArg == null) {
            throw new IllegalArgumentException("usage: OriginServer --file F --bind HOST:PORT [--cap-mib N]");
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        int colon = bind.lastIndexOf(':');
        OriginServer origin = start(vertx, bind.substring(0, colon), Integer.parseInt(bind.substring(colon + 1)),
                Path.of(fileArg), capMib * 1024 * 1024).await(30, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("origin served_bytes=" + origin.servedBytes() + " requests=" + origin.requests());
            System.out.flush();
        }));
        System.out.println("origin url=" + origin.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
