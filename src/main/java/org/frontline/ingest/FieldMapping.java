package org.frontline.ingest;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which source field or column holds each logical article field ({@code --field date=path_date}). */
public final class FieldMapping implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String ID = "id";
    public static final String DATE = "date";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String URL = "url";
    public static final String SOURCE = "source";

    /** The logical fields, in the order users see them in messages. */
    public static final List<String> LOGICAL_FIELDS = List.of(ID, DATE, TITLE, TEXT, URL, SOURCE);

    private static final FieldMapping IDENTITY = new FieldMapping(Map.of());

    /** Logical name → source name, only for the fields that differ from the default. */
    private final Map<String, String> overrides;

    private FieldMapping(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** The mapping where every logical field is read from the source field of the same name. */
    public static FieldMapping identity() {
        return IDENTITY;
    }

    /** Builds a mapping from {@code NAME=SOURCE_FIELD} specs; throws with a message saying what to write otherwise. */
    public static FieldMapping parse(List<String> specs) {
        Map<String, String> overrides = new HashMap<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            int eq = spec == null ? -1 : spec.indexOf('=');
            String name = eq < 0 ? "" : spec.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String source = eq < 0 ? "" : spec.substring(eq + 1).trim();
            if (!LOGICAL_FIELDS.contains(name) || source.isEmpty()) {
                throw new IllegalArgumentException("--field expects NAME=SOURCE_FIELD with NAME one of "
                        + String.join(", ", LOGICAL_FIELDS) + "; got '" + spec + "'");
            }
            if (overrides.put(name, source) != null) {
                throw new IllegalArgumentException("--field " + name + " is given more than once; keep one of them");
            }
        }
        return overrides.isEmpty() ? IDENTITY : new FieldMapping(overrides);
    }

    /** The source field or column that holds the given logical field. */
    public String sourceName(String logical) {
        if (!LOGICAL_FIELDS.contains(logical)) {
            throw new IllegalArgumentException("unknown logical field '" + logical + "'; expected one of "
                    + String.join(", ", LOGICAL_FIELDS));
        }
        return overrides.getOrDefault(logical, logical);
    }

    /** Whether the user named the source of {@code logical} ({@code --field}), rather than leaving it to the default. */
    public boolean isGiven(String logical) {
        return overrides.containsKey(logical);
    }

    /** A copy that reads {@code logical} from {@code source}. */
    public FieldMapping with(String logical, String source) {
        Map<String, String> copy = new HashMap<>(overrides);
        if (source.equals(logical)) {
            copy.remove(logical);
        } else {
            copy.put(logical, source);
        }
        return copy.isEmpty() ? IDENTITY : new FieldMapping(copy);
    }

    /** The fields read from another name than their own, "text=description, url=link"; "" for the identity. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        for (String logical : LOGICAL_FIELDS) {
            if (overrides.containsKey(logical)) {
                s.append(s.isEmpty() ? "" : ", ").append(logical).append('=').append(overrides.get(logical));
            }
        }
        return s.toString();
    }

    /** The source names of all logical fields (what a reader must pick out of a record). */
    public Set<String> sourceNames() {
        Set<String> names = new HashSet<>();
        for (String logical : LOGICAL_FIELDS) {
            names.add(sourceName(logical));
        }
        return Set.copyOf(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldMapping other && overrides.equals(other.overrides);
    }

    @Override
    public int hashCode() {
        return overrides.hashCode();
    }

    @Override
    public String toString() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String logical : LOGICAL_FIELDS) {
            all.put(logical, sourceName(logical));
        }
        return "FieldMapping" + all;
    }
}
