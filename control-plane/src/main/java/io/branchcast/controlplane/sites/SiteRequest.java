package io.branchcast.controlplane.sites;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** SiteRequest is the body of a site create or update. */
public record SiteRequest(
        @NotBlank(message = "name is required")
        @Size(max = 100, message = "name is at most 100 characters")
        @Pattern(regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*", message = "name may hold letters, digits, spaces, '.', '_' and '-'")
        String name,
        @NotEmpty(message = "list at least one subnet in CIDR notation")
        @Size(max = 64, message = "at most 64 subnets per site")
        List<@NotBlank(message = "a subnet is blank") String> subnets,
        @NotNull(message = "wanBudgetBytesPerSecond is required")
        @Positive(message = "wanBudgetBytesPerSecond must be positive")
        @Max(value = SiteRequest.MAX_WAN_BUDGET, message = "wanBudgetBytesPerSecond is above 100 Gbit/s; is the unit bytes per second?")
        Long wanBudgetBytesPerSecond,
        @Size(max = 16, message = "at most 16 transfer windows")
        List<@Valid @NotNull TransferWindow> transferWindows) {

    /** 100 Gbit/s in bytes per second: no branch office has a faster WAN link. */
    public static final long MAX_WAN_BUDGET = 12_500_000_000L;
}
