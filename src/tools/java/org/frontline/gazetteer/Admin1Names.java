package org.frontline.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Canonical names and alternates of first-level regions. The regions of the hand-written table
 * {@code admin1-names.tsv} (UA, RU, BY and a few others; its header documents the rules: "Donetsk Oblast",
 * "Kyiv City", "Moscow (federal city)"...) take its names; every other region keeps its GeoNames name (or
 * "&lt;name&gt; (region)" when that is the capital's name) and gains the name without its generic suffix
 * ("Maidan Wardak Province" → "Maidan Wardak", "Osh Oblast" → "Osh", "Osh region").
 */
final class Admin1Names {
    static final String RESOURCE = "admin1-names.tsv";

    /** One row of admin1-names.tsv. */
    record Override(String code, String canonical, String kind, List<String> stems, boolean bare, String iso,
                    List<String> extras) {
    }

    /** An ISO 3166-2 subdivision of the UA/RU file: its ISO romanisation, its type and its Russian name. */
    record IsoName(String code, String isoName, String type, String nameRu) {
    }

    private static final Map<String, List<String>> SUFFIXES = Map.of(
            "oblast", List.of(" Oblast", " region", " province"),
            "krai", List.of(" Krai", " Kray", " region", " Territory"),
            "republic", List.of(" Republic", " region"),
            "okrug", List.of(" Autonomous Okrug", " Okrug", " region"),
            "plain", List.of());

    // Trailing words GeoNames puts on admin1 names that news usually leave out ("Kherson" for the oblast).
    private static final List<String> GENERIC_SUFFIXES = List.of("oblast'", "oblast", "province", "region", "state",
            "governorate", "prefecture", "voivodeship", "county", "district", "department", "municipality", "krai",
            "kray", "territory", "emirate");
    private static final List<String> GENERIC_PREFIXES = List.of("Republic of ", "Province of ");
    // Stems that are no name on their own ("Northern Territory" → "Northern").
    private static final Set<String> EMPTY_STEMS = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "capital", "upper", "lower", "middle", "greater", "federal", "autonomous",
            "special", "national", "north east", "north west", "south east", "south west", "northeast", "northwest",
            "southeast", "southwest", "far north", "far east", "mid", "new", "old", "great", "little", "inner", "outer");

    private final Map<String, Override> overrides;

    Admin1Names(Map<String, Override> overrides) {
        this.overrides = overrides;
    }

    /** The table shipped with the builder. */
    static Admin1Names shipped() {
        try (InputStream in = Admin1Names.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the table's text ({@code where} names it in errors). */
    static Admin1Names parse(String text, String where) {
        Map<String, Override> m = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = Arrays.copyOf(line.split("\t", -1), 7);
            String at = where + " line " + (i + 1);
            if (f[2] == null || f[4] == null || !SUFFIXES.containsKey(f[2]) || !(f[4].equals("y") || f[4].equals("n"))) {
                throw new IllegalArgumentException(at + ": expected code, canonical, kind (" + SUFFIXES.keySet()
                        + "), stems, bare (y/n), iso, extra");
            }
            Override o = new Override(f[0], f[1], f[2], split(f[3]), f[4].equals("y"), nz(f[5]), split(f[6]));
            if (m.put(o.code(), o) != null) {
                throw new IllegalArgumentException(at + ": " + o.code() + " listed twice");
            }
        }
        return new Admin1Names(m);
    }

    /** The codes the table names ("UA.05"...). */
    Set<String> codes() {
        return overrides.keySet();
    }

    /** The ISO 3166-2 code the table joins {@code code} to, or null. */
    String isoCode(String code) {
        Override o = overrides.get(code);
        return o == null || o.iso().isEmpty() ? null : o.iso();
    }

    /**
     * The canonical name of region {@code code} ("UA.05"), whose GeoNames name is {@code geonamesName}: the
     * table's, else the GeoNames name, else, when that is the name of the country's capital ({@code capitalKeys}:
     * keys of its PPLC places), "&lt;name&gt; (region)" ("Minsk (region)", "Tokyo (region)"), so that the
     * capital's name resolves to the city first, as "Kyiv" and "Moscow" do.
     */
    String canonical(String code, String geonamesName, Set<String> capitalKeys) {
        Override o = overrides.get(code);
        if (o != null) {
            return o.canonical();
        }
        return capitalKeys.contains(Gazetteer.key(geonamesName)) ? geonamesName + " (region)" : geonamesName;
    }

    /**
     * The alternates of region {@code code}, before the junk filter: from the table (stems with their kind's
     * suffixes, extras, the ISO and Russian romanisations) or, for other regions, the GeoNames name without its
     * generic suffix. A bare name that is the country's capital ({@code capitalKeys}: keys of PPLC names) is
     * left out: "Minsk" means the city, never first the region.
     */
    List<String> alternates(String code, String geonamesName, IsoName iso, Set<String> capitalKeys) {
        Override o = overrides.get(code);
        List<String> alts = new ArrayList<>();
        if (o == null) {
            if (!capitalKeys.contains(Gazetteer.key(geonamesName))) {
                alts.add(geonamesName);
            }
            String stem = stem(geonamesName);
            if (stem != null) {
                String k = Gazetteer.key(stem);
                if (!EMPTY_STEMS.contains(k) && k.length() >= 3 && !capitalKeys.contains(k)) {
                    alts.add(stem);
                }
                if (geonamesName.toLowerCase(Locale.ROOT).matches(".* oblast'?$")) {
                    alts.add(stem + " region"); // "Gomel region", as news name an oblast
                }
            }
            return alts;
        }
        if (o.bare()) {
            alts.add(geonamesName);
        }
        for (String s : o.stems()) {
            if (o.bare()) {
                alts.add(s);
            }
            if (o.kind().equals("republic")) {
                alts.add("Republic of " + s);
            }
            for (String suffix : SUFFIXES.get(o.kind())) {
                alts.add(s + suffix);
            }
        }
        alts.addAll(o.extras());
        // A city-status region's ISO name is the city's ("Moskva", "Kyiv"): only regions proper take them.
        if (iso != null && !iso.type().equalsIgnoreCase("City") && !iso.type().equalsIgnoreCase("Autonomous city")) {
            alts.add(iso.isoName());
            if (iso.nameRu() != null) {
                alts.add(Cyrillic.toLatin(iso.nameRu()));
            }
        }
        return alts;
    }

    /** The name without a generic suffix or prefix, or null when it has none. */
    static String stem(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : GENERIC_SUFFIXES) {
            if (lower.endsWith(" " + suffix)) {
                return name.substring(0, name.length() - suffix.length() - 1).strip();
            }
        }
        for (String prefix : GENERIC_PREFIXES) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                return name.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return List.of(s.split("\\|"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Index of ISO entries by code. */
    static Map<String, IsoName> byCode(List<IsoName> isoNames) {
        Map<String, IsoName> m = new HashMap<>();
        for (IsoName n : isoNames) {
            m.put(n.code(), n);
        }
        return m;
    }
}
