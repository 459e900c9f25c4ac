package io.branchcast.controlplane.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.controlplane.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * AuditLog appends audit events inside the caller's transaction, so a change and its audit record commit or roll
 * back together. Before/after snapshots are the API views of the object, never secrets.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    CurrentActor actor;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, Object targetId, Object before, Object after) {
        recordAs(actor.name(), action, targetType, targetId, before, after);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actorName, String action, String targetType, Object targetId, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.at = Instant.now();
        event.actor = actorName;
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId == null ? null : targetId.toString();
        event.before = before == null ? null : json.valueToTree(before);
        event.after = after == null ? null : json.valueToTree(after);
        event.persist();
    }
}
