package io.branchcast.controlplane.audit;

import io.branchcast.controlplane.api.Filters;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;

/** The audit log, newest first, filterable by actor, action, target and time. Admins only. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    /** One audit event as the API shows it. */
    public record AuditView(long id, Instant at, String actor, String action, String targetType, String targetId,
                            Object before, Object after) {
        static AuditView of(AuditEvent e) {
            return new AuditView(e.id, e.at, e.actor, e.action, e.targetType, e.targetId, e.before, e.after);
        }
    }

    @GET
    @Operation(summary = "List audit events, newest first")
    public Page<AuditView> list(@Valid @BeanParam PageRequest paging,
                                @QueryParam("actor") String actor,
                                @QueryParam("action") String action,
                                @QueryParam("targetType") String targetType,
                                @QueryParam("targetId") String targetId,
                                @QueryParam("since") Instant since) {
        Filters filters = new Filters()
                .with("actor = :actor", "actor", actor)
                .with("action = :action", "action", action)
                .with("targetType = :targetType", "targetType", targetType)
                .with("targetId = :targetId", "targetId", targetId)
                .with("at >= :since", "since", since);
        var query = AuditEvent.<AuditEvent>find(filters.where(), Sort.descending("at", "id"), filters.parameters());
        List<AuditEvent> items = query.page(paging.toPanache()).list();
        return new Page<>(items.stream().map(AuditView::of).toList(), paging.page, paging.size, query.count());
    }
}
