package org.frontline.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.frontline.gazetteer.GazetteerBuilder.GeoNamesPlace;

/**
 * Names, seat and population of second-level regions (GeoNames admin2: raions, districts, counties).
 *
 * <p>Names: the canonical name is GeoNames's ("Bakhmut Raion", "Sudzhanskiy Rayon", "Los Angeles County"), a
 * Ukrainian "rayon" spelt "Raion" as Ukraine's official romanisation does, or the name of {@code admin2-names.tsv}
 * (raions GeoNames still lists under a dissolved city council). Alternates are the forms news use: for a raion
 * (GeoNames "Raion"/"Rayon", any country) the stem with "Raion", "Rayon" and "district"; an adjectival stem in
 * its spellings ("Sudzhanskiy", "Sudzhansky", "Sudzhanskyi") and, when a place of the district matches it, the
 * seat's name ("Sudzha district"); a noun stem in Ukraine also as the adjective ("Bakhmutskyi raion"). Every region
 * has its bare stem ("Bakhmut", "Los Angeles") as an alternate: the loader indexes it for
 * {@link Gazetteer#bareCandidates} only (it has no word of {@link Gazetteer#QUALIFIERS}).
 *
 * <p>Seat: the place of the district whose name the region bears (its stem, or the noun of its adjective), else
 * the capital, a first-level seat or the largest second-level seat (PPLC, PPLA, PPLA2) in it, else its largest
 * place; a region none of whose places bears its name looks for its seat by name among the places of its first-level
 * region. The region takes the seat's coordinates. Population: the sum of its cities500 places (sections left out),
 * unknown (empty) when cities500 gives none of its places its code.
 */
final class Admin2Names {
    static final String RESOURCE = "admin2-names.tsv";

    /** An entry of GeoNames admin2.json: {@code UA.05.1402} → "Bakhmut Raion". */
    record Admin2(String code, String name) {
        String countryCode() {
            return code.substring(0, code.indexOf('.'));
        }

        String admin1Code() {
            return code.substring(code.indexOf('.') + 1, code.lastIndexOf('.'));
        }

        String admin2Code() {
            return code.substring(code.lastIndexOf('.') + 1);
        }
    }

    // Generic words at the end of GeoNames admin2 names, longest first ("Urban Raion" before "Raion").
    private static final List<String> SUFFIXES = List.of("urban raion", "urban district", "municipal district",
            "raion", "rayon", "district", "county", "parish", "borough", "okrug", "municipality");
    private static final List<String> PREFIXES = List.of("Gorodskoy Okrug ", "City of ", "County of ");
    private static final Set<String> RAION = Set.of("raion", "rayon", "urban raion");
    // Adjectival endings of raion names, longest first: "Sudzhanskiy", "Horlivskyi", "Dovzhanskyy", "Kurskii".
    private static final List<String> ADJECTIVE_ENDINGS = List.of("s'kyi", "s’kyi", "s’kiy", "s'kiy", "skyyi", "skyy",
            "skyi", "skiy", "skii", "sky", "skoy");

    private final Map<String, String> canonical;

    Admin2Names(Map<String, String> canonical) {
        this.canonical = canonical;
    }

    /** The table shipped with the builder. */
    static Admin2Names shipped() {
        try (InputStream in = Admin2Names.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the table's text ({@code where} names it in errors). */
    static Admin2Names parse(String text, String where) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 2 || f[0].chars().filter(c -> c == '.').count() != 2 || f[1].isBlank()) {
                throw new IllegalArgumentException(where + " line " + (i + 1) + ": expected code (CC.A1.A2), canonical");
            }
            if (m.put(f[0], f[1].strip()) != null) {
                throw new IllegalArgumentException(where + " line " + (i + 1) + ": " + f[0] + " listed twice");
            }
        }
        return new Admin2Names(m);
    }

    /**
     * The row of one region; {@code places}: the cities500 places with its code (any size, sections included);
     * {@code regionPlaces}: those of its first-level region, where a seat is looked for by name when none of
     * {@code places} bears the region's name (GeoNames gives most Russian places no admin2 code: Sudzha for
     * "Sudzhanskiy Rayon").
     */
    PlacesTsv.Row row(Admin2 a, List<GeoNamesPlace> places, List<GeoNamesPlace> regionPlaces) {
        String name = canonical.getOrDefault(a.code(), a.countryCode().equals("UA") ? raionSpelling(a.name()) : a.name());
        String suffix = suffix(name);
        String stem = stem(name, suffix);
        List<String> alts = new ArrayList<>();
        alts.add(a.name());
        GeoNamesPlace seat = null;
        if (stem != null) {
            String adjectiveBase = adjectiveBase(stem);
            seat = seat(places, stem, adjectiveBase);
            if (seat == null) {
                seat = seat(regionPlaces, stem, adjectiveBase);
            }
            alts.add(stem);
            if (RAION.contains(suffix)) {
                List<String> stems = new ArrayList<>(List.of(stem));
                if (adjectiveBase != null) {
                    for (String ending : List.of("yi", "iy", "y")) {
                        stems.add(adjectiveBase + ending);
                    }
                    if (seat != null && seatNamesDistrict(seat, adjectiveBase)) {
                        stems.add(seat.name());
                        alts.add(seat.name());
                    }
                } else if (a.countryCode().equals("UA")) {
                    String adjective = adjectiveOf(stem);
                    stems.add(adjective + "yi");
                    stems.add(adjective + "y");
                }
                for (String s : stems) {
                    alts.add(s + " Raion");
                    alts.add(s + " Rayon");
                    alts.add(s + " district");
                }
            }
        }
        if (seat == null) {
            seat = seat(places, null, null);
        }
        Long population = places.isEmpty() ? null : 0L; // unknown, rather than 0, without a place
        for (GeoNamesPlace p : places) {
            if (!p.isSection()) {
                population += p.population();
            }
        }
        return new PlacesTsv.Row("admin2:" + a.code(), name, Place.ADMIN2, a.countryCode(), a.admin1Code(),
                seat == null ? null : seat.latitude(), seat == null ? null : seat.longitude(), population, "ADM2",
                AlternateNames.clean(name, alts));
    }

    /** "Dzhankoyskiy rayon", "Solomianka Rayon" → "... Raion", as Ukraine romanises it. */
    static String raionSpelling(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(" rayon") || lower.endsWith(" raion")) {
            return name.substring(0, name.length() - 5) + "Raion";
        }
        return name;
    }

    /** The generic word that ends the name ("raion", "county"...), lower case, or null. */
    static String suffix(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String s : SUFFIXES) {
            if (lower.endsWith(" " + s) && lower.length() > s.length() + 1) {
                return s;
            }
        }
        for (String p : PREFIXES) {
            if (name.startsWith(p) && name.length() > p.length()) {
                return p.strip().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** The name without its generic word ("Bakhmut Raion" → "Bakhmut"), or null when it has none. */
    static String stem(String name, String suffix) {
        if (suffix == null) {
            return null;
        }
        for (String p : PREFIXES) {
            if (name.startsWith(p)) {
                return name.substring(p.length()).strip();
            }
        }
        return name.substring(0, name.length() - suffix.length() - 1).strip();
    }

    /** "Sudzhanskiy" → "Sudzhansk", "Horlivskyi" → "Horlivsk"; null when the stem is no adjective. */
    static String adjectiveBase(String stem) {
        String lower = stem.toLowerCase(Locale.ROOT);
        for (String e : ADJECTIVE_ENDINGS) {
            if (lower.endsWith(e) && lower.length() > e.length() + 2) {
                String base = stem.substring(0, stem.length() - e.length());
                return (base + "sk").replace("’", "").replace("'", "");
            }
        }
        return null;
    }

    /** The Ukrainian adjective's base of a noun: "Bakhmut" → "Bakhmutsk", "Kakhovka" → "Kakhovsk", "Pokrovsk" → "Pokrovsk". */
    static String adjectiveOf(String noun) {
        String lower = noun.toLowerCase(Locale.ROOT);
        if (lower.endsWith("sk")) {
            return noun;
        }
        if (lower.endsWith("ka")) {
            return noun.substring(0, noun.length() - 2) + "sk";
        }
        if ("aeiouy".indexOf(lower.charAt(lower.length() - 1)) >= 0) {
            return noun.substring(0, noun.length() - 1) + "sk";
        }
        return noun + "sk";
    }

    /**
     * Whether the place is the noun of the adjective: "Kramatorsk" of "Kramatorsk(yi)", "Sudzha" of
     * "Sudzhan(skiy)", "Horlivka" of "Horliv(skyi)".
     */
    static boolean seatNamesDistrict(GeoNamesPlace p, String adjectiveBase) {
        String base = Gazetteer.key(adjectiveBase);
        String root = base.substring(0, base.length() - 2); // without "sk"
        String k = Gazetteer.key(p.name());
        if (k.equals(base) || k.equals(root)) {
            return true;
        }
        String noVowel = k.replaceAll("[aeiouy]+$", "");
        return noVowel.length() >= 4 && (root.startsWith(noVowel) || noVowel.endsWith("k")
                && noVowel.substring(0, noVowel.length() - 1).equals(root));
    }

    /** The seat (see the class comment), or null for a region with no place in cities500. */
    static GeoNamesPlace seat(List<GeoNamesPlace> places, String stem, String adjectiveBase) {
        String stemKey = stem == null ? null : Gazetteer.key(stem);
        Comparator<GeoNamesPlace> better = Comparator
                .comparingInt((GeoNamesPlace p) -> {
                    if (stemKey != null && (Gazetteer.key(p.name()).equals(stemKey)
                            || adjectiveBase != null && seatNamesDistrict(p, adjectiveBase))) {
                        return 4;
                    }
                    return switch (p.featureCode()) {
                        case "PPLC" -> 3;
                        case "PPLA" -> 2;
                        case "PPLA2" -> 1;
                        default -> 0;
                    };
                })
                .thenComparingLong(GeoNamesPlace::population)
                .thenComparing(GeoNamesPlace::id, Comparator.reverseOrder());
        GeoNamesPlace best = null;
        for (GeoNamesPlace p : places) {
            if (!p.isSection() && (best == null || better.compare(p, best) > 0)) {
                best = p;
            }
        }
        if (stem != null && best != null) {
            // Only a name match counts when asked with a stem: the caller falls back to the plain seat.
            boolean named = Gazetteer.key(best.name()).equals(stemKey)
                    || adjectiveBase != null && seatNamesDistrict(best, adjectiveBase);
            return named ? best : null;
        }
        return best;
    }
}
