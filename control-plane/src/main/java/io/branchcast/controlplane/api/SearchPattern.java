package io.branchcast.controlplane.api;

import java.util.Locale;

/** SearchPattern turns a user's search text into a case-insensitive "contains" LIKE pattern, escape character {@code \}. */
public final class SearchPattern {

    private SearchPattern() {
    }

    /** For {@code lower(column) LIKE :pattern ESCAPE '\'}: the text lower-cased, its wildcards taken literally. */
    public static String containing(String text) {
        String literal = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
