package io.branchcast.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Problem is an RFC 9457 problem details body. {@code code} is the stable {@link ErrorCode}; {@code errors} lists
 * field-level violations when a request failed validation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        return new Problem("https://branchcast.io/problems/" + code.code(), code.title(), code.status(), detail, instance,
                code.code(), errors);
    }
}
