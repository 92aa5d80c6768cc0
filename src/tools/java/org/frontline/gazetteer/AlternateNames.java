package org.frontline.gazetteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The junk filter for alternate names: the gazetteer serves English news, and GeoNames's alternate names
 * hold much that would never match there or would match the wrong thing.
 */
final class AlternateNames {
    /** Longer names are descriptions or official styles, never a mention. */
    static final int MAX_LENGTH = 60;

    /** All-caps abbreviations English news do use for places; every other 2–4 letter all-caps name is a code. */
    static final Set<String> ABBREVIATIONS = Set.of("UK", "US", "USA", "UAE", "DRC", "PRC", "DPRK", "KSA");

    // IATA/ICAO airport codes (IEV, ODS, UKBB), ISO and postal codes.
    private static final Pattern CODE = Pattern.compile("[A-Z]{2,4}");

    private AlternateNames() {
    }

    /**
     * Whether an alternate name can stand in the gazetteer: Latin script only (diacritics welcome), no digit,
     * no URL, at most 60 characters, not a code, at least three letters (but "UK", "U.S."), starting with a
     * capital letter (GeoNames's lower-case
     * alternates are romanisations of non-Latin names, "ji fu", "kiyepeu", that English text never uses), and
     * free of the file's separators.
     */
    static boolean acceptable(String name) {
        if (name.isBlank() || name.length() > MAX_LENGTH || !name.equals(name.strip())) {
            return false;
        }
        if (CODE.matcher(name).matches() && !ABBREVIATIONS.contains(name)) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!Character.isUpperCase(first) && !Character.isTitleCase(first)) {
            return false;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("http") || lower.contains("www.") || lower.contains("://")) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isDigit(c) || c == '|' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '/'
                    || c == '@') {
                return false; // digits: codes, street numbers; ',': "Korea, Republic of" (an index form)
            }
            if (Character.isLetter(c)) {
                if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                    return false;
                }
                letters++;
            }
        }
        // Two letters ("Mo", "Pa", "In") match far more words and abbreviations than places; a dotted
        // abbreviation ("U.S.", "L.A.") keys apart ("u s") and stays, as do the whitelisted ones ("UK", "US").
        return letters >= 3 || ABBREVIATIONS.contains(name) || (letters == 2 && name.indexOf('.') > 0);
    }

    /**
     * The acceptable names of {@code names}, one spelling per {@link Gazetteer#key} and none with the canonical
     * name's key, sorted by key. Of several spellings with one key the plainest is kept: ASCII first, then the
     * first in code-point order ("Odessa" rather than "Ódessa").
     */
    static List<String> clean(String canonical, Collection<String> names) {
        record Named(String key, String name, boolean ascii) {
        }
        List<Named> all = new ArrayList<>();
        for (String n : names) {
            if (n != null && acceptable(n)) {
                String k = Gazetteer.key(n);
                if (!k.isEmpty()) {
                    all.add(new Named(k, n, n.chars().allMatch(c -> c < 0x80)));
                }
            }
        }
        all.sort(Comparator.comparing(Named::key).thenComparing(n -> !n.ascii()).thenComparing(Named::name));
        Set<String> seen = new HashSet<>();
        seen.add(Gazetteer.key(canonical));
        List<String> out = new ArrayList<>();
        for (Named n : all) {
            if (seen.add(n.key())) {
                out.add(n.name());
            }
        }
        return out;
    }
}
