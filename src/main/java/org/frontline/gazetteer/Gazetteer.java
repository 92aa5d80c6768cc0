package org.frontline.gazetteer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The gazetteer in memory: places by id and by normalised name ({@link #key}), read once per JVM from the
 * shipped {@code conf/gazetteer} files (places.tsv.gz, written by the dev tool {@code GazetteerBuilder}; the
 * hand-written curated.tsv and stopnames.txt). Immutable and thread-safe once loaded; build it once and share it.
 *
 * <p>Cost, measured on the shipped files with {@code GazetteerLoadMeasure} (test sources) on 2 shared cores,
 * Java 17, 2026-12-05 (issue #11, with the 47,643 second-level regions): places.tsv.gz of 3.1 MB, 115,872 places,
 * 207,780 keys and 43,990 bare keys; a load takes 0.65–0.9 s of CPU on the loading thread (0.46–0.55 s before
 * the regions; wall time 1.5–3.5 s on a busy machine); the loaded gazetteer retains about 63 MB of heap (41 MB
 * before). See BENCHMARKS.md, "The gazetteer (issue #11)".
 *
 * <p>Second-level regions and natural features ({@link Place#ADMIN2}, {@link Place#FEATURE}) stand in two indexes.
 * {@link #candidates} finds them only under a <em>qualified</em> name, one with a word of {@link #QUALIFIERS}
 * ("Bakhmut Raion", "Bakhmut district", "Sudzhansky district", "Los Angeles County", "Lake Baikal"), and lists
 * them after every country, region and city of that name ({@link #DEFAULT_ORDER}). Their bare names ("Bakhmut",
 * "Los Angeles", "Baikal") go to a second index that only {@link #bareCandidates} reads: a bare "Bakhmut" in
 * {@link #candidates} stays the city, whatever a resolver's scores, and a district is found when the text says
 * "district/raion/county" (the name with the word, or {@code bareCandidates} of the name before a plural
 * "Bakhmut and Pokrovsk districts").
 *
 * <p>Stopnames: a name in stopnames.txt ("Mobile", "Reading", "Of") is a place name that is normally a common
 * word. An alternate name with such a key is not indexed at all; a place whose canonical name has such a key
 * is indexed, and {@link #isStopname} tells the resolver to require NER or context before taking it.
 */
public final class Gazetteer {
    static final String PLACES_FILE = "places.tsv.gz";
    static final String CURATED_FILE = "curated.tsv";
    static final String STOPNAMES_FILE = "stopnames.txt";

    /**
     * The default candidate order: country, admin1, other, city, admin2, feature ({@link Place#typeRank}); then
     * population (largest first, unknown last); then id, so that the order is total and stable. A district of
     * a name comes after every city of that name, however many people it holds.
     */
    public static final Comparator<Place> DEFAULT_ORDER = Comparator
            .comparingInt((Place p) -> Place.typeRank(p.type()))
            .thenComparing((Place p) -> p.population() == null ? -1L : p.population(), Comparator.reverseOrder())
            .thenComparing(Place::id);

    /**
     * The words that qualify a second-level region's or a feature's name, as keys: a name of such a place is in
     * the {@link #candidates} index only when one of its words is one of these ("Bakhmut Raion", "Lake Baikal",
     * "Dnipro River", "Gulf of Aden"); otherwise only in the {@link #bareCandidates} index.
     */
    public static final Set<String> QUALIFIERS = Set.of(
            // second-level regions, as English text and GeoNames name them
            "raion", "rayon", "district", "county", "parish", "borough", "okrug", "municipality",
            // natural features
            "lake", "river", "sea", "gulf", "bay", "strait", "island", "islands", "isle", "peninsula", "spit",
            "mount", "mountain", "mountains", "desert", "reef", "shoal", "shoals", "park", "reservoir", "lagoon",
            "estuary", "cape", "plateau", "glacier", "ocean", "channel", "canal", "archipelago", "atoll");

    // A key's places: one Place (most keys), or a Place[] in DEFAULT_ORDER.
    private final Map<String, Object> byKey;
    // The same for the bare names of admin2 and feature places (see the class comment).
    private final Map<String, Object> byBareKey;
    private final Map<String, Place> byId;
    private final Set<String> stopnames;
    private final int maxNameTokens;
    private final String version;
    /** Every key's proper word prefixes ("new", "new york" of "new york city"): where a matcher may go on. */
    private final Set<String> prefixes;

    private Gazetteer(Map<String, Object> byKey, Map<String, Object> byBareKey, Map<String, Place> byId,
                      Set<String> stopnames, int maxNameTokens, String version) {
        this.byKey = byKey;
        this.byBareKey = byBareKey;
        this.byId = byId;
        this.stopnames = stopnames;
        this.maxNameTokens = maxNameTokens;
        this.version = version;
        Set<String> p = new java.util.HashSet<>();
        for (String key : byKey.keySet()) {
            for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
                p.add(key.substring(0, space));
            }
        }
        this.prefixes = p;
    }

    /** Loads the three gazetteer files of a folder such as {@code conf/gazetteer}. */
    public static Gazetteer load(Path dir) throws IOException {
        for (String f : List.of(PLACES_FILE, CURATED_FILE, STOPNAMES_FILE)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new IOException("gazetteer file missing: " + dir.resolve(f)
                        + " (places.tsv.gz is made by jobs/build-gazetteer; the others ship in conf/gazetteer)");
            }
        }
        try (InputStream places = Files.newInputStream(dir.resolve(PLACES_FILE));
             InputStream curated = Files.newInputStream(dir.resolve(CURATED_FILE));
             InputStream stop = Files.newInputStream(dir.resolve(STOPNAMES_FILE))) {
            return load(places, curated, stop);
        }
    }

    /**
     * Reads the gazetteer from the gzip places file, the curated file and the stopnames file (each read to its
     * end, none closed). Throws IllegalArgumentException naming the file and line of a malformed row. About
     * 0.7 s of CPU and 63 MB for the shipped files (see the class comment).
     */
    public static Gazetteer load(InputStream placesTsvGz, InputStream curatedTsv, InputStream stopnamesTxt)
            throws IOException {
        byte[] placesBytes = placesTsvGz.readAllBytes();
        byte[] curatedBytes = curatedTsv.readAllBytes();
        byte[] stopBytes = stopnamesTxt.readAllBytes();

        Set<String> stop = readStopnames(stopBytes);
        // Whole-file decode, then lines by indexOf (no Reader); maps sized from the text, never rehashed.
        String places;
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(placesBytes), 1 << 16)) {
            places = new String(gz.readAllBytes(), StandardCharsets.UTF_8);
        }
        Builder b = new Builder(stop, places.length() + curatedBytes.length);
        b.read(places, PLACES_FILE, false);
        b.read(new String(curatedBytes, StandardCharsets.UTF_8), CURATED_FILE, true);
        return new Gazetteer(b.index(b.keys), b.index(b.bareKeys), Collections.unmodifiableMap(b.byId),
                Collections.unmodifiableSet(stop),
                b.maxTokens, version(placesBytes, curatedBytes, stopBytes));
    }

    /**
     * The normalised form under which names are looked up: Unicode NFKD with accents stripped (ł, ø, đ, ß, æ,
     * œ, ı folded to ASCII; Cyrillic а е і ј о р с ѕ у х read as the Latin letters they look like, so that
     * "Kyїv" typed with a Ukrainian ї is "kyiv"), lower case, apostrophes removed (' ’ ‘ ʼ ʻ ` ´), soft
     * hyphens and other format characters removed, hyphens and every other non-letter, non-digit → one space,
     * trimmed, a leading "the " removed. "Kyїv", "KYIV" → "kyiv"; "Ivano-Frankivsk" → "ivano frankivsk";
     * "U.S." → "u s"; "the Black Sea" → "black sea". Possessives stay ("Russia's" → "russias"): stripping them
     * is the resolver's job.
     */
    public static String key(String name) {
        return key(name, 0, name.length());
    }

    /** {@link #key(String)} of {@code text[from, to)}, without copying it out first. */
    static String key(CharSequence text, int from, int to) {
        // Fast path, one pass: every character below U+2070 (Latin, combining marks, Greek, Cyrillic, Latin
        // Extended Additional, general punctuation) through FOLD, made from slowKey one character at a time so
        // that the two agree; a name with anything else (CJK...) through slowKey. Most names never reach the
        // Normalizer, which was most of the load time.
        StringBuilder b = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            String folded;
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    if (space && b.length() > 0) {
                        b.append(' ');
                    }
                    space = false;
                    b.append(c);
                    continue;
                }
                if (c >= 'A' && c <= 'Z') {
                    if (space && b.length() > 0) {
                        b.append(' ');
                    }
                    space = false;
                    b.append((char) (c + ('a' - 'A')));
                    continue;
                }
                folded = FOLD[c];
            } else if (c < FOLD.length) {
                folded = FOLD[c];
            } else {
                return slowKey(text.subSequence(from, to).toString());
            }
            for (int j = 0; j < folded.length(); j++) {
                char f = folded.charAt(j);
                if (f == ' ') {
                    space = true;
                } else {
                    if (space && b.length() > 0) {
                        b.append(' ');
                    }
                    space = false;
                    b.append(f);
                }
            }
        }
        return withoutThe(b);
    }

    /** The definition of {@link #key}, for any text: apostrophes out, NFKD, marks out, fold, lower case. */
    static String slowKey(String name) {
        // Apostrophes first: NFKD turns ´ into a space and a combining accent.
        StringBuilder noApos = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (!isApostrophe(c)) {
                noApos.appendCodePoint(c);
            }
        }
        String s = Normalizer.normalize(noApos, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isDropped(Character.getType(c))) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                appendFolded(b, Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return withoutThe(b);
    }

    private static String withoutThe(StringBuilder b) {
        if (b.length() > 4 && b.charAt(0) == 't' && b.charAt(1) == 'h' && b.charAt(2) == 'e' && b.charAt(3) == ' ') {
            return b.substring(4);
        }
        return b.toString();
    }

    /**
     * What each character below U+2070 becomes in a key, by {@link #slowKey}'s rules: lower-case letters and
     * digits, "" (dropped: apostrophes, marks, soft hyphens and other format characters), ' ' for a separator.
     */
    private static final String[] FOLD = new String[0x2070];

    static {
        Map<String, String> shared = new HashMap<>();
        for (char c = 0; c < FOLD.length; c++) {
            FOLD[c] = shared.computeIfAbsent(slowKeyOfChar(c), x -> x);
        }
    }

    /** slowKey of one character, keeping a separator as ' ' (slowKey would trim it away). */
    private static String slowKeyOfChar(char c) {
        if (isApostrophe(c)) {
            return "";
        }
        String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
        StringBuilder f = new StringBuilder(2);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isDropped(Character.getType(cp))) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                appendFolded(f, Character.toLowerCase(cp));
            } else {
                f.append(' ');
            }
        }
        return f.toString();
    }

    /** Combining marks and format characters (soft hyphen, zero-width space) vanish from keys. */
    private static boolean isDropped(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
    }

    /** All places whose canonical or alternate name has the key of {@code surface}, in {@link #DEFAULT_ORDER}. */
    public List<Place> candidates(String surface) {
        return candidatesForKey(key(surface));
    }

    /** As {@link #candidates}, for a name already normalised with {@link #key} (a matcher's n-gram). */
    public List<Place> candidatesForKey(String key) {
        return list(byKey.get(key));
    }

    /**
     * The second-level regions and features whose bare name (without "Raion", "County", "Lake"...) has the key of
     * {@code surface}, in {@link #DEFAULT_ORDER}: {@code bareCandidates("Bakhmut")} is Bakhmut Raion. Never read
     * by {@link #candidates}: a resolver asks when the text says what the place is ("the Bakhmut and Pokrovsk
     * districts", "the river Dnipro") or when no other place bears the name.
     */
    public List<Place> bareCandidates(String surface) {
        return bareCandidatesForKey(key(surface));
    }

    /** As {@link #bareCandidates}, for a name already normalised with {@link #key}. */
    public List<Place> bareCandidatesForKey(String key) {
        return list(byBareKey.get(key));
    }

    /** Whether a word (or its key) is one of {@link #QUALIFIERS}: "district", "Raion", "county", "lake"... */
    public static boolean isQualifier(String word) {
        return QUALIFIERS.contains(key(word));
    }

    /**
     * Whether a key has a word of {@link #QUALIFIERS} beside another word ("lake baikal", "bakhmut district"): a
     * qualifier alone is a bare name ("Lake", the county of Illinois, is no qualified "lake").
     */
    static boolean isQualified(String key) {
        if (key.indexOf(' ') < 0) {
            return false;
        }
        for (int start = 0, len = key.length(); start < len; ) {
            int space = key.indexOf(' ', start);
            int end = space < 0 ? len : space;
            if (QUALIFIERS.contains(key.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static List<Place> list(Object v) {
        if (v == null) {
            return List.of();
        }
        return v instanceof Place p ? List.of(p) : Collections.unmodifiableList(Arrays.asList((Place[]) v));
    }

    /** The place with this id ({@code geonames:703448}, {@code admin1:UA.05}, {@code other:donbas}). */
    public Optional<Place> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The country with this ISO 3166-1 alpha-2 code (case-insensitive). */
    public Optional<Place> country(String countryCode) {
        return byId("country:" + countryCode.toUpperCase(java.util.Locale.ROOT));
    }

    /** The first-level region with this GeoNames code in this country: {@code admin1("UA", "05")}. */
    public Optional<Place> admin1(String countryCode, String admin1Code) {
        return byId("admin1:" + countryCode.toUpperCase(java.util.Locale.ROOT) + "." + admin1Code);
    }

    /**
     * The second-level region with these GeoNames codes: {@code admin2("UA", "05", "1402")} is Bakhmut Raion.
     */
    public Optional<Place> admin2(String countryCode, String admin1Code, String admin2Code) {
        return byId("admin2:" + countryCode.toUpperCase(java.util.Locale.ROOT) + "." + admin1Code + "." + admin2Code);
    }

    /** The number of whitespace-separated tokens of the longest indexed key: the longest n-gram worth looking up. */
    public int maxNameTokens() {
        return maxNameTokens;
    }

    /** Whether a name (or its key) is a stopname: a place name that is normally a common word; see the class doc. */
    public boolean isStopname(String nameOrKey) {
        return stopnames.contains(key(nameOrKey));
    }

    /** The keys of stopnames.txt. */
    public Set<String> stopnames() {
        return stopnames;
    }

    /**
     * A short version of the data: the first 12 hex digits of the SHA-256 of the bytes of places.tsv.gz, then
     * curated.tsv, then stopnames.txt, so that editing any of them changes it.
     */
    public String version() {
        return version;
    }

    /** Number of places (places.tsv.gz and curated.tsv). */
    public int size() {
        return byId.size();
    }

    /**
     * Whether some indexed key begins with {@code keyPrefix} followed by more words: a matcher reading a name
     * word by word goes on only while this holds.
     */
    public boolean continues(String keyPrefix) {
        return prefixes.contains(keyPrefix);
    }

    /** The keys indexed (for a matcher that needs, say, every name's first word). */
    public Set<String> keys() {
        return Collections.unmodifiableSet(byKey.keySet());
    }

    /** Number of distinct keys indexed for {@link #candidates}. */
    public int keyCount() {
        return byKey.size();
    }

    /** Number of distinct keys indexed for {@link #bareCandidates} only. */
    public int bareKeyCount() {
        return byBareKey.size();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02BB' || c == '`'
                || c == '\u00B4' || c == '\u2032';
    }

    /**
     * Letters NFKD does not decompose, folded as English text spells them (Łódź → lodz, Øresund → oresund), and
     * Cyrillic letters that look like Latin ones read as those.
     */
    private static void appendFolded(StringBuilder b, int c) {
        switch (c) {
            case 'ł' -> b.append('l');
            case 'ø' -> b.append('o');
            case 'đ', 'ð' -> b.append('d');
            case 'ħ' -> b.append('h');
            case 'ı' -> b.append('i');
            case 'ŧ' -> b.append('t');
            case 'ß' -> b.append("ss");
            case 'æ' -> b.append("ae");
            case 'œ' -> b.append("oe");
            case 'þ' -> b.append("th");
            // Cyrillic letters drawn like Latin ones, as in "Kyїv" typed with a Ukrainian ї (і after NFKD).
            case 'а' -> b.append('a');
            case 'е' -> b.append('e');
            case 'і' -> b.append('i');
            case 'ј' -> b.append('j');
            case 'о' -> b.append('o');
            case 'р' -> b.append('p');
            case 'с' -> b.append('c');
            case 'ѕ' -> b.append('s');
            case 'у' -> b.append('y');
            case 'х' -> b.append('x');
            default -> b.appendCodePoint(c);
        }
    }

    private static Set<String> readStopnames(byte[] bytes) {
        Set<String> keys = new HashSet<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                keys.add(key(s));
            }
        }
        return keys;
    }

    private static String version(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                sha.update(p);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accumulates places and their keys while the files are read. */
    private static final class Builder {
        final Set<String> stopnames;
        final Map<String, Place> byId;
        // Place, or ArrayList<Place> while reading and Place[] once index() has run: one map, no copy.
        final HashMap<String, Object> keys;
        final HashMap<String, Object> bareKeys = new HashMap<>();
        // Country codes, admin1 codes, types and feature codes repeat: share one String each.
        final Map<String, String> pool = new HashMap<>();
        int maxTokens;

        Builder(Set<String> stopnames, int chars) {
            this.stopnames = stopnames;
            // The shipped file has a place per ~90 characters and a key per ~33.
            this.byId = new HashMap<>(Math.max(16, chars / 64));
            this.keys = new HashMap<>(Math.max(16, chars / 24));
        }

        void read(String text, String file, boolean comments) {
            boolean header = false;
            int n = 0;
            int[] tabs = new int[PlacesTsv.COLUMNS.size() - 1];
            for (int start = 0, len = text.length(); start < len; ) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? len : nl;
                String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
                start = end + 1;
                n++;
                if (line.isBlank() || (comments && line.startsWith("#"))) {
                    continue;
                }
                if (!header) {
                    if (!line.equals(PlacesTsv.HEADER)) {
                        throw new IllegalArgumentException(file + " line " + n + ": expected the header line '"
                                + PlacesTsv.HEADER.replace("\t", "<TAB>") + "'");
                    }
                    header = true;
                    continue;
                }
                add(line, tabs, file, n);
            }
            if (!header) {
                throw new IllegalArgumentException(file + ": empty (no header line)");
            }
        }

        // By hand rather than String.split: this loop is most of the load time, and alternates are keyed in place.
        private void add(String line, int[] tabs, String file, int n) {
            int found = 0;
            for (int i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', i + 1)) {
                if (found == tabs.length) {
                    found++;
                    break;
                }
                tabs[found++] = i;
            }
            if (found != tabs.length) {
                PlacesTsv.fields(line, file + " line " + n); // throws with the message
            }
            String id = line.substring(0, tabs[0]);
            String name = line.substring(tabs[0] + 1, tabs[1]);
            if (id.isEmpty() || name.isEmpty()) {
                throw new IllegalArgumentException(file + " line " + n + ": id and name are required");
            }
            String type = line.substring(tabs[1] + 1, tabs[2]);
            if (Place.typeRank(type) < 0) {
                throw new IllegalArgumentException(file + " line " + n + ": unknown type '" + type
                        + "' (country, admin1, city, other, admin2 or feature)");
            }
            Place p;
            try {
                p = new Place(id, name, pooled(type), pooled(line.substring(tabs[2] + 1, tabs[3])),
                        pooled(line.substring(tabs[3] + 1, tabs[4])), decimal(line, tabs[4] + 1, tabs[5]),
                        decimal(line, tabs[5] + 1, tabs[6]), integer(line, tabs[6] + 1, tabs[7]),
                        pooled(line.substring(tabs[7] + 1, tabs[8])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + n
                        + ": latitude, longitude and population must be numbers (" + e.getMessage() + ")");
            }
            if (byId.putIfAbsent(id, p) != null) {
                throw new IllegalArgumentException(file + " line " + n + ": duplicate id " + id);
            }
            boolean qualify = Place.needsQualifier(p.type());
            index(key(name), p, true, qualify);
            int end = line.length();
            for (int start = tabs[8] + 1; start < end; ) {
                int bar = line.indexOf(PlacesTsv.ALT_SEPARATOR, start);
                int stop = bar < 0 ? end : bar;
                if (stop > start) {
                    index(key(line, start, stop), p, false, qualify);
                }
                start = stop + 1;
            }
        }

        private static Double decimal(String line, int from, int to) {
            return from == to ? null : Double.valueOf(line.substring(from, to));
        }

        private static Long integer(String line, int from, int to) {
            return from == to ? null : Long.valueOf(line.substring(from, to));
        }

        @SuppressWarnings("unchecked")
        private void index(String key, Place p, boolean canonical, boolean qualify) {
            if (key.isEmpty() || (!canonical && stopnames.contains(key))) {
                return;
            }
            boolean bare = qualify && !isQualified(key);
            HashMap<String, Object> keys = bare ? bareKeys : this.keys;
            Object cur = keys.putIfAbsent(key, p);
            if (cur == null) {
                if (bare) {
                    return; // the bare index is looked up whole: no n-gram length to track
                }
                int tokens = 1;
                for (int i = 0; i < key.length(); i++) {
                    if (key.charAt(i) == ' ') {
                        tokens++;
                    }
                }
                maxTokens = Math.max(maxTokens, tokens);
            } else if (cur instanceof Place q) {
                if (q != p) { // a place's names are indexed one after the other: a repeat is the last entry
                    ArrayList<Place> list = new ArrayList<>(4);
                    list.add(q);
                    list.add(p);
                    keys.put(key, list);
                }
            } else {
                ArrayList<Place> list = (ArrayList<Place>) cur;
                if (list.get(list.size() - 1) != p) {
                    list.add(p);
                }
            }
        }

        private String pooled(String s) {
            if (s.isEmpty()) {
                return null;
            }
            String shared = pool.putIfAbsent(s, s);
            return shared == null ? s : shared;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> index(HashMap<String, Object> keys) {
            keys.replaceAll((k, v) -> {
                if (v instanceof Place) {
                    return v;
                }
                Place[] ps = ((ArrayList<Place>) v).toArray(new Place[0]);
                Arrays.sort(ps, DEFAULT_ORDER);
                return ps;
            });
            return Collections.unmodifiableMap(keys);
        }
    }
}
