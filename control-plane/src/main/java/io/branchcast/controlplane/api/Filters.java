package io.branchcast.controlplane.api;

import io.quarkus.panache.common.Parameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Filters builds the where clause of a list endpoint from its optional query parameters: each criterion that was
 * given adds one condition and its named parameter; a criterion left out (null, an empty collection, blank search
 * text) adds nothing. Panache reads an empty {@link #where()} as "no condition".
 */
public final class Filters {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** Adds {@code condition} (naming {@code :name}) bound to {@code value}, unless the value is absent. */
    public Filters with(String condition, String name, Object value) {
        boolean absent = value == null || value instanceof Collection<?> values && values.isEmpty();
        if (!absent) {
            conditions.add(condition);
            parameters.and(name, value);
        }
        return this;
    }

    /** Adds a case-insensitive "contains" search of {@code column} for {@code text}, unless the text is blank. */
    public Filters search(String column, String text) {
        return text == null || text.isBlank() ? this
                : with("lower(" + column + ") like :q escape '\\'", "q", SearchPattern.containing(text));
    }

    /** The conditions joined with "and"; empty when none was given. */
    public String where() {
        return String.join(" and ", conditions);
    }

    public Parameters parameters() {
        return parameters;
    }
}
