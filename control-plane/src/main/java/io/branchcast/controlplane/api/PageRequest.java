package io.branchcast.controlplane.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** PageRequest holds the {@code page} (from 0) and {@code size} query parameters shared by every list endpoint. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "page starts at 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "size must be at least 1")
    @Max(value = Page.MAX_SIZE, message = "size must be at most " + Page.MAX_SIZE)
    public int size;

    public io.quarkus.panache.common.Page toPanache() {
        return io.quarkus.panache.common.Page.of(page, size);
    }
}
