package io.branchcast.controlplane.sites;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SiteService creates, changes and removes sites, keeping subnets valid and disjoint across sites; every change is audited. */
@ApplicationScoped
public class SiteService {

    @Inject
    SiteRepository sites;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    public Site get(UUID id) {
        return sites.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("site", id));
    }

    @Transactional
    public Site create(SiteRequest request) {
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.createdAt = Instant.now();
        apply(site, request);
        sites.persist(site);
        audit.record("site.create", "site", site.id, null, SiteView.of(site));
        return site;
    }

    @Transactional
    public Site update(UUID id, SiteRequest request) {
        Site site = get(id);
        SiteView before = SiteView.of(site);
        apply(site, request);
        audit.record("site.update", "site", site.id, before, SiteView.of(site));
        return site;
    }

    @Transactional
    public void delete(UUID id) {
        Site site = get(id);
        long agents = (Long) em.createQuery("select count(a) from Agent a where a.siteId = :site")
                .setParameter("site", id).getSingleResult();
        if (agents > 0) {
            throw ApiException.conflict("site '" + site.name + "' still has " + agents + " agent(s); revoke or move them first");
        }
        audit.record("site.delete", "site", site.id, SiteView.of(site), null);
        sites.delete(site);
    }

    private void apply(Site site, SiteRequest request) {
        List<Cidr> subnets = parse(request.subnets());
        sites.findByName(request.name()).filter(other -> !other.id.equals(site.id)).ifPresent(other -> {
            throw ApiException.conflict("a site named '" + request.name() + "' already exists");
        });
        requireNoOverlap(site.id, subnets);
        site.name = request.name();
        site.subnets = subnets.stream().map(Cidr::toString).toList();
        site.wanBudgetBytesPerSecond = request.wanBudgetBytesPerSecond();
        site.transferWindows = request.transferWindows() == null ? List.of() : List.copyOf(request.transferWindows());
        site.updatedAt = Instant.now();
    }

    private static List<Cidr> parse(List<String> texts) {
        List<Cidr> subnets = new ArrayList<>();
        for (String text : texts) {
            try {
                subnets.add(Cidr.parse(text.trim()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(e.getMessage());
            }
        }
        for (int i = 0; i < subnets.size(); i++) {
            for (int j = i + 1; j < subnets.size(); j++) {
                if (subnets.get(i).overlaps(subnets.get(j))) {
                    throw ApiException.invalid("subnets " + subnets.get(i) + " and " + subnets.get(j) + " overlap");
                }
            }
        }
        return subnets;
    }

    private void requireNoOverlap(UUID self, List<Cidr> subnets) {
        for (Site other : sites.listAll()) {
            if (other.id.equals(self)) {
                continue;
            }
            for (String theirs : other.subnets) {
                Cidr their = Cidr.parse(theirs);
                for (Cidr mine : subnets) {
                    if (mine.overlaps(their)) {
                        throw ApiException.conflict("subnet " + mine + " overlaps " + their + " of site '" + other.name + "'");
                    }
                }
            }
        }
    }
}
