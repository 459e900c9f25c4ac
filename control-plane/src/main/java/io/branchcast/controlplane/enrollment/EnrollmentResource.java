package io.branchcast.controlplane.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * The one endpoint without a login: a workstation trades an enrollment token for its identity. It is open to anyone
 * who can reach the control plane, so it throttles each client address ({@link EnrollmentThrottle}: 429 with
 * Retry-After), reads at most {@value #MAX_BODY_BYTES} bytes, accepts only the known fields, and logs every refusal
 * (never the token) with the caller's address.
 */
@Path("/api/v1/enrollments")
@PermitAll
public class EnrollmentResource {

    static final int MAX_BODY_BYTES = 4096;
    private static final Logger LOG = Logger.getLogger(EnrollmentResource.class);

    @Inject
    EnrollmentService service;

    @Inject
    Validator validator;

    @Inject
    EnrollmentThrottle throttle;

    private final ObjectReader reader;

    @Inject
    EnrollmentResource(ObjectMapper json) {
        reader = json.readerFor(EnrollmentRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enroll a workstation with an enrollment token (no login): returns the agent's credentials")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnrollmentRequest.class)))
    public Enrollment enroll(@HeaderParam("Content-Length") Long contentLength, InputStream body,
                             @Context RoutingContext http) throws JsonProcessingException {
        String caller = http.request().remoteAddress() == null ? "?" : http.request().remoteAddress().hostAddress();
        long retryAfterSeconds = throttle.admit(caller);
        if (retryAfterSeconds > 0) {
            http.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, "too many enrollment requests from " + caller
                    + "; retry in " + retryAfterSeconds + " s");
        }
        EnrollmentRequest request = null;
        try {
            request = parse(contentLength, body, http);
            Enrollment enrollment = service.enroll(request);
            http.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            LOG.infof("machine %s (%s) from %s enrolled as %s", request.machineId(), request.hostname(), caller,
                    enrollment.clientId());
            return enrollment;
        } catch (RuntimeException | JsonProcessingException e) {
            String reason = e instanceof ApiException api ? api.code().code() + ": " + api.getMessage()
                    : e.getClass().getSimpleName();
            LOG.warnf("enrollment refused for machine %s from %s: %s",
                    request == null ? "?" : request.machineId(), caller, reason);
            throw e;
        }
    }

    private EnrollmentRequest parse(Long contentLength, InputStream body, RoutingContext http)
            throws JsonProcessingException {
        if (contentLength != null && contentLength > MAX_BODY_BYTES) {
            throw tooLarge(http);
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED, "the request body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge(http);
        }
        EnrollmentRequest request;
        try {
            request = reader.readValue(bytes);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED, "the body is not valid JSON");
        }
        if (request == null) {
            throw new ApiException(ErrorCode.MALFORMED, "a JSON body is required");
        }
        Set<ConstraintViolation<EnrollmentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    /** The unread rest of the body may be large: end the connection with the error instead of draining it. */
    private static ApiException tooLarge(RoutingContext http) {
        http.response().putHeader(HttpHeaders.CONNECTION, "close");
        http.addEndHandler(ended -> http.request().connection().close());
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "an enrollment request is at most " + MAX_BODY_BYTES + " bytes");
    }
}
