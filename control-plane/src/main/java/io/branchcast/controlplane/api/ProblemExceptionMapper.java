package io.branchcast.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * ProblemExceptionMapper is the one place where exceptions become HTTP errors: RFC 9457 problem+json with a stable
 * code and a message a person can act on. Unexpected exceptions are logged with an incident id and never leak a
 * stack trace to the client.
 */
public class ProblemExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @Context
    UriInfo uriInfo;

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.code(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ErrorCode.INVALID, "the request has " + errors.size() + " invalid field(s)", errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(ErrorCode.MALFORMED, "the body is not valid JSON: " + e.getOriginalMessage(), null);
    }

    /** Declared separately: Quarkus ships its own mapper for this subtype, which would otherwise win. */
    @ServerExceptionMapper
    public Response jsonShape(MismatchedInputException e) {
        String field = path(e);
        String detail = field.isEmpty() ? "the body does not have the expected shape"
                : e instanceof InvalidFormatException ? "field '" + field + "' has a value of the wrong type"
                : "field '" + field + "' has the wrong shape";
        return respond(ErrorCode.MALFORMED, detail, null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return respond(ErrorCode.UNAUTHENTICATED, "a valid bearer token from the Branchcast realm is required", null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(ErrorCode.UNAUTHENTICATED, "the bearer token is invalid or expired", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ErrorCode.FORBIDDEN, "your role does not allow this action", null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ErrorCode code = status == 404 ? ErrorCode.NOT_FOUND
                : status == 413 ? ErrorCode.PAYLOAD_TOO_LARGE
                : status < 500 ? ErrorCode.MALFORMED : ErrorCode.INTERNAL;
        String detail = e instanceof NotFoundException ? "no such resource" : e.getMessage();
        return Response.fromResponse(respond(code, detail, null)).status(status).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "incident %s: unexpected error on %s", incident, uriInfo.getPath());
        return respond(ErrorCode.INTERNAL, "unexpected error; the server log names it as incident " + incident, null);
    }

    private Response respond(ErrorCode code, String detail, List<Problem.FieldError> errors) {
        Problem problem = Problem.of(code, detail, uriInfo == null ? null : uriInfo.getPath(), errors);
        return Response.status(code.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "create.request.name" (method.parameter.field) becomes "name". */
    private static String field(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : propertyPath;
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
    }
}
