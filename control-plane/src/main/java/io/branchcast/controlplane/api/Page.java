package io.branchcast.controlplane.api;

import java.util.List;
import java.util.function.Function;

/** Page is one page of a list endpoint: the items, where the page starts, and how many items match in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
