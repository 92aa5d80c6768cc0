package org.frontline.extract.actors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The actors the project knows by several names (conf/actors/aliases.tsv) and the demonyms of countries
 * (conf/gazetteer/demonyms.tsv, "Ukrainian" → UA): what turns "Zelenskyy", "AFU" or "Russia's defense ministry"
 * into one stable actor. Immutable and thread-safe; built once per JVM.
 */
public final class ActorDirectory {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("(?<=\\p{L})\\s*['’]s\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    /** A known actor. */
    public record Actor(String id, String name, String type, String countryCode) {
    }

    private final Map<String, Actor> byKey = new HashMap<>();
    /** Every alias key's proper word prefixes: where a matcher may go on. */
    private final java.util.Set<String> prefixes = new java.util.HashSet<>();
    private final Map<String, String> countryByDemonym = new HashMap<>();
    private final Map<String, String> demonymByCountry = new HashMap<>();
    private final Map<String, String> countryBySideWord = new HashMap<>();
    private final Map<String, String> relativeSideWords = new HashMap<>();
    private int maxAliasTokens = 1;

    private ActorDirectory() {
    }

    /** Reads the alias table, the demonyms and the side words (tab-separated, '#' comments, a header row each). */
    public static ActorDirectory load(InputStream aliases, InputStream demonyms, InputStream sides) {
        ActorDirectory d = new ActorDirectory();
        for (String[] row : rows(aliases)) {
            Actor actor = new Actor(row[0], row[1], row[2], row.length > 3 && !row[3].isBlank() ? row[3] : null);
            d.add(actor.name(), actor);
            if (row.length > 4) {
                for (String alias : row[4].split("\\|")) {
                    if (!alias.isBlank()) {
                        d.add(alias, actor);
                    }
                }
            }
        }
        for (String[] row : rows(demonyms)) {
            d.countryByDemonym.put(key(row[0]), row[1]);
            d.demonymByCountry.putIfAbsent(row[1], row[0]);
        }
        for (String[] row : rows(sides)) {
            d.countryBySideWord.put(key(row[0]), row[1]);
            if (row.length > 2 && (row[2].strip().equals("opponent") || row[2].strip().equals("own"))) {
                d.relativeSideWords.put(key(row[0]), row[2].strip());
            }
        }
        return d;
    }

    private void add(String name, Actor actor) {
        String k = key(name);
        Actor previous = byKey.putIfAbsent(k, actor);
        if (previous != null && !previous.id().equals(actor.id())) {
            throw new IllegalArgumentException("actor alias '" + name + "' names both " + previous.id() + " and " + actor.id());
        }
        maxAliasTokens = Math.max(maxAliasTokens, k.split(" ").length);
        for (int space = k.indexOf(' '); space > 0; space = k.indexOf(' ', space + 1)) {
            prefixes.add(k.substring(0, space));
        }
    }

    /**
     * The lookup form of a name: accents, case, possessive 's, a leading "the" and punctuation dropped,
     * British spellings folded ("Russia's Defence Ministry" = "russia defense ministry").
     */
    public static String key(String name) {
        if (isPlainWord(name)) {
            // Most names asked about are one plain word: nothing to drop, only case and spelling to fold.
            return name.toLowerCase(Locale.ROOT).replace("defence", "defense");
        }
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        s = POSSESSIVE.matcher(s).replaceAll("");
        s = NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        return s.replace("defence", "defense");
    }

    /** Whether {@code name} is ASCII letters and digits only, where {@link #key}'s normalisation changes nothing. */
    private static boolean isPlainWord(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** The actor a name refers to, if the table knows it. */
    public Optional<Actor> byName(String name) {
        return Optional.ofNullable(byKey.get(key(name)));
    }

    /** The actor of an alias key (as {@link #key} makes them). */
    Optional<Actor> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Whether some alias has this key (for matching token sequences). */
    boolean hasKey(String key) {
        return byKey.containsKey(key);
    }

    /** Whether some alias key begins with {@code keyPrefix} followed by more words. */
    boolean continues(String keyPrefix) {
        return prefixes.contains(keyPrefix);
    }

    /** The longest alias, in words. */
    int maxAliasTokens() {
        return maxAliasTokens;
    }

    /** The country of a demonym ("Ukrainian" → UA). */
    public Optional<String> countryOfDemonym(String word) {
        return Optional.ofNullable(countryByDemonym.get(key(word)));
    }

    /**
     * The side a word names when attributing a figure: a demonym, also in the plural ("Russians"), or a side
     * word of conf/actors/sides.tsv ("occupiers", "the enemy").
     */
    public Optional<String> countryOfSide(String word) {
        String k = key(word);
        String cc = countryBySideWord.get(k);
        if (cc == null) {
            cc = countryByDemonym.get(k);
        }
        if (cc == null && k.endsWith("s")) {
            cc = countryByDemonym.get(k.substring(0, k.length() - 1));
        }
        return Optional.ofNullable(cc);
    }

    /**
     * For a side word that names a side relative to whoever writes, "opponent" ("the enemy") or "own" ("our
     * defenders"): its country in {@link #countryOfSide} is then only the default for an outlet whose own side is
     * not known.
     */
    public Optional<String> relativeSide(String word) {
        return Optional.ofNullable(relativeSideWords.get(key(word)));
    }

    /** The demonym of a country (UA → "Ukrainian"). */
    public Optional<String> demonymOf(String countryCode) {
        return Optional.ofNullable(demonymByCountry.get(countryCode));
    }

    private static Iterable<String[]> rows(InputStream in) {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
