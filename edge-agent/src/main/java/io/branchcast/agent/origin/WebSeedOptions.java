package io.branchcast.agent.origin;

import java.util.Objects;

/** WebSeedOptions configures a {@link WebSeedFetcher}: the origin URL of the payload and the retry policy. */
public class WebSeedOptions {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final long DEFAULT_INITIAL_BACKOFF_MS = 250;
    public static final long DEFAULT_MAX_BACKOFF_MS = 10_000;
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

    private String url;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private long initialBackoffMs = DEFAULT_INITIAL_BACKOFF_MS;
    private long maxBackoffMs = DEFAULT_MAX_BACKOFF_MS;
    private long requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;

    public WebSeedOptions() {
    }

    public WebSeedOptions(WebSeedOptions other) {
        this.url = other.url;
        this.maxAttempts = other.maxAttempts;
        this.initialBackoffMs = other.initialBackoffMs;
        this.maxBackoffMs = other.maxBackoffMs;
        this.requestTimeoutMs = other.requestTimeoutMs;
    }

    public String getUrl() {
        return url;
    }

    /** Absolute http(s) URL of the whole payload; pieces are fetched with Range requests. */
    public WebSeedOptions setUrl(String url) {
        this.url = Objects.requireNonNull(url, "url");
        return this;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public WebSeedOptions setMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        return this;
    }

    public long getInitialBackoffMs() {
        return initialBackoffMs;
    }

    /** Delay before the second attempt; doubles per attempt up to {@link #getMaxBackoffMs()}, with jitter. */
    public WebSeedOptions setInitialBackoffMs(long initialBackoffMs) {
        this.initialBackoffMs = Math.max(1, initialBackoffMs);
        return this;
    }

    public long getMaxBackoffMs() {
        return maxBackoffMs;
    }

    public WebSeedOptions setMaxBackoffMs(long maxBackoffMs) {
        this.maxBackoffMs = Math.max(1, maxBackoffMs);
        return this;
    }

    public long getRequestTimeoutMs() {
        return requestTimeoutMs;
    }

    public WebSeedOptions setRequestTimeoutMs(long requestTimeoutMs) {
        this.requestTimeoutMs = Math.max(1, requestTimeoutMs);
        return this;
    }
}
