package io.branchcast.controlplane.artifacts;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.Filters;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** ArtifactService reads artifacts for the API and deletes them: first the record (audited), then the payload. */
@ApplicationScoped
public class ArtifactService {

    private static final Logger LOG = Logger.getLogger(ArtifactService.class);

    @Inject
    ArtifactRepository artifacts;

    @Inject
    ArtifactRecords records;

    @Inject
    ArtifactStorage storage;

    public Artifact get(UUID id) {
        return records.get(id);
    }

    /** Artifacts newest first, optionally only those with the given name and/or state. */
    public Page<ArtifactView> list(PageRequest paging, String name, String state) {
        Filters filters = new Filters()
                .with("name = :name", "name", name)
                .with("state = :state", "state", state == null ? null : parseState(state));
        var query = artifacts.find(filters.where(), Sort.descending("createdAt", "id"), filters.parameters());
        List<ArtifactView> items = query.page(paging.toPanache()).list().stream().map(ArtifactView::of).toList();
        return new Page<>(items, paging.page, paging.size, query.count());
    }

    /** Deletes the record (see {@link ArtifactRecords#delete}), then its payload; a payload that cannot be removed is logged. */
    public void delete(UUID id) {
        Artifact deleted = records.delete(id);
        try {
            storage.delete(deleted.storageKey);
        } catch (IOException e) {
            LOG.errorf(e, "artifact %s is deleted but its payload %s could not be removed", id, deleted.storageKey);
        }
    }

    private static ArtifactState parseState(String state) {
        try {
            return ArtifactState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("state must be one of " + Arrays.toString(ArtifactState.values()) + ", got '" + state + "'");
        }
    }
}
