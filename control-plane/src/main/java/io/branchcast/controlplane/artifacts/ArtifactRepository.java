package io.branchcast.controlplane.artifacts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** ArtifactRepository finds and stores artifacts. */
@ApplicationScoped
public class ArtifactRepository implements PanacheRepositoryBase<Artifact, UUID> {

    public boolean exists(String name, String version) {
        return count("name = ?1 and version = ?2", name, version) > 0;
    }

    public List<Artifact> listHashing() {
        return list("state", ArtifactState.HASHING);
    }
}
