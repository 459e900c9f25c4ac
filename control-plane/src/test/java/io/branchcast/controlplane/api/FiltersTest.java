package io.branchcast.controlplane.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FiltersTest {

    @Test
    void criteria_left_out_add_no_condition() {
        Filters filters = new Filters().with("state = :state", "state", null).with("state in :states", "states", List.of())
                .search("name", "  ");

        assertThat(filters.where()).isEmpty();
        assertThat(filters.parameters().map()).isEmpty();
    }

    @Test
    void given_criteria_are_joined_with_and_and_bound_by_name() {
        Filters filters = new Filters().with("state in :states", "states", List.of("RUNNING", "PAUSED"))
                .with("artifactId = :artifact", "artifact", null)
                .search("name", "Win_11%");

        assertThat(filters.where()).isEqualTo("state in :states and lower(name) like :q escape '\\'");
        assertThat(filters.parameters().map()).isEqualTo(Map.of("states", List.of("RUNNING", "PAUSED"),
                "q", "%win\\_11\\%%"));
    }
}
