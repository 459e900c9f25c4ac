package io.branchcast.agent.cli;

import io.branchcast.agent.config.AgentConfigLoader;
import io.branchcast.agent.status.StatusTable;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** StatusCommand prints the running agent's jobs, progress, peers and rates from its loopback status endpoint. */
public final class StatusCommand implements Command {

    static final String DEFAULT_URL = "http://127.0.0.1:" + AgentConfigLoader.DEFAULT_STATUS_PORT + "/status";

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "show the running agent's jobs, progress, peers and rates";
    }

    @Override
    public Set<String> options() {
        return Set.of("status-url");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public String usage() {
        return """
                usage: branchcast-agent status [--status-url URL]
                  --status-url URL       the agent's status endpoint (default %s)
                """.formatted(DEFAULT_URL);
    }

    @Override
    public int run(Arguments args) throws IOException, InterruptedException {
        URI url;
        try {
            url = URI.create(args.string("status-url", DEFAULT_URL));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--status-url is not a URL: " + e.getMessage());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            System.err.println("cannot reach the agent at " + url + ": is it running? (systemctl status"
                    + " branchcast-agent)");
            return 1;
        }
        if (response.statusCode() != 200) {
            System.err.println(url + " answered HTTP " + response.statusCode());
            return 1;
        }
        System.out.print(StatusTable.render(new JsonObject(response.body())));
        return 0;
    }
}
