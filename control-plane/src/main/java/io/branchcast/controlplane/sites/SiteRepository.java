package io.branchcast.controlplane.sites;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** SiteRepository finds and stores sites. */
@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, UUID> {

    public Optional<Site> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
