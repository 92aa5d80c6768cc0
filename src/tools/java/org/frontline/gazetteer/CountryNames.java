package org.frontline.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Country names as English news write them: the hand-written corrections of {@code country-names.tsv}. */
final class CountryNames {
    static final String RESOURCE = "country-names.tsv";

    record Correction(String canonical, List<String> add, Set<String> remove) {
    }

    private final Map<String, Correction> corrections;

    CountryNames(Map<String, Correction> corrections) {
        this.corrections = corrections;
    }

    /** The table shipped with the builder. */
    static CountryNames shipped() {
        try (InputStream in = CountryNames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the table's text ({@code where} names it in errors). */
    static CountryNames parse(String text, String where) {
        Map<String, Correction> m = new HashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            String[] f = Arrays.copyOf(lines[i].split("\t", -1), 4);
            if (f[0].length() != 2 || f[1] == null) {
                throw new IllegalArgumentException(where + " line " + (i + 1)
                        + ": expected cc, canonical (or -), add, remove");
            }
            m.put(f[0], new Correction(f[1].equals("-") ? null : f[1], split(f[2]), Set.copyOf(split(f[3]))));
        }
        return new CountryNames(m);
    }

    /** The canonical name of country {@code cc} whose common English name is {@code common}. */
    String canonical(String cc, String common) {
        Correction c = corrections.get(cc);
        return c == null || c.canonical() == null ? common : c.canonical();
    }

    /** The alternates before the junk filter: {@code names} (official, altSpellings, common) corrected. */
    List<String> alternates(String cc, List<String> names) {
        Correction c = corrections.get(cc);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (c == null || !c.remove().contains(n)) {
                out.add(n);
            }
        }
        if (c != null) {
            out.addAll(c.add());
        }
        return out;
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split("\\|"));
    }
}
