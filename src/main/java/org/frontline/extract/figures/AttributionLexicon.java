package org.frontline.extract.figures;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.frontline.extract.ConfTsv;
import org.frontline.extract.WordLists;

/**
 * What attribution knows beyond the sentence, read from {@code conf/figures} (FIGURES.md: a figure's side and
 * period are stated or implied): the meaning of verbs for the side ({@code verbs.tsv}), the wars whose two sides
 * make "lost" and "liberated from" name the other one, with the dates texts count from ({@code conflicts.tsv}),
 * the outlets whose "the enemy" names a side ({@code outlets.tsv}), the periods stated relative to the
 * article's date ({@code periods.tsv}), and the word lists attribution reads a sentence by ({@code words.tsv}: the
 * words of time that gate SUTime, and the words around claimants' and places' names). Immutable once loaded;
 * shared by the task threads.
 */
public final class AttributionLexicon {

    /** What a verb or noun says about a figure: see verbs.tsv. */
    public enum Meaning { TAKE, REGAIN, LOSE, ADVANCE, RETREAT, ATTACK, DEFEND, LOCATE, SAY, PLACE, EVIDENCE, FORCE, TERRITORY }

    /** A war between two states; {@code end} null while it goes on. */
    public record Conflict(String id, String sideA, String sideB, LocalDate start, LocalDate end,
                           Map<String, LocalDate> anchors) {
        boolean activeOn(LocalDate date) {
            return !date.isBefore(start) && (end == null || !date.isAfter(end));
        }

        /** The other side of {@code countryCode} in this war, or null when it is no side. */
        public String opponentOf(String countryCode) {
            return sideA.equals(countryCode) ? sideB : sideB.equals(countryCode) ? sideA : null;
        }
    }

    /** A period phrase and its ends relative to the article's date D. */
    public record RelativePeriod(String phrase, String start, String end) {
        /** The period this phrase means in an article of {@code date}. */
        public LocalDate[] resolve(LocalDate date) {
            return new LocalDate[] {at(start, date), at(end, date)};
        }

        private static LocalDate at(String spec, LocalDate d) {
            return switch (spec) {
                case "D" -> d;
                case "M" -> d.withDayOfMonth(1);
                case "Y" -> d.withDayOfYear(1);
                default -> d.minusDays(Integer.parseInt(spec.substring(2)));
            };
        }
    }

    private final Map<String, Meaning> verbs = new HashMap<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final Map<String, String> perspectives = new HashMap<>();
    /** Longest phrase first, so "over the past 24 hours" wins over "past 24 hours". */
    private final List<RelativePeriod> periods = new ArrayList<>();

    private TimeWords timeWords;
    private Set<String> quantityWords;
    private Set<String> appositionWords;
    private Set<String> regionNouns;

    private AttributionLexicon() {
    }

    /** Parses the five files' bytes (tab-separated, a header row, '#' comments). */
    public static AttributionLexicon load(byte[] verbsTsv, byte[] conflictsTsv, byte[] outletsTsv, byte[] periodsTsv,
                                          byte[] wordsTsv) {
        AttributionLexicon l = new AttributionLexicon();
        for (String[] row : rows(verbsTsv, "verbs.tsv", 2)) {
            try {
                l.verbs.put(row[0].strip().toLowerCase(Locale.ROOT), Meaning.valueOf(row[1].strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("verbs.tsv: unknown class '" + row[1] + "' for " + row[0]
                        + "; one of take, regain, lose, advance, retreat, attack, defend, locate, say, place, evidence, force, territory");
            }
        }
        for (String[] row : rows(conflictsTsv, "conflicts.tsv", 4)) {
            Map<String, LocalDate> anchors = new HashMap<>();
            if (row.length > 5) {
                for (String a : row[5].split("\\|")) {
                    int eq = a.indexOf('=');
                    if (eq > 0) {
                        anchors.put(a.substring(0, eq).strip().toLowerCase(Locale.ROOT), date(a.substring(eq + 1), "conflicts.tsv"));
                    }
                }
            }
            l.conflicts.add(new Conflict(row[0].strip(), row[1].strip(), row[2].strip(), date(row[3], "conflicts.tsv"),
                    row.length > 4 && !row[4].isBlank() ? date(row[4], "conflicts.tsv") : null, Map.copyOf(anchors)));
        }
        for (String[] row : rows(outletsTsv, "outlets.tsv", 2)) {
            l.perspectives.put(row[0].strip().toLowerCase(Locale.ROOT), row[1].strip());
        }
        for (String[] row : rows(periodsTsv, "periods.tsv", 3)) {
            for (String spec : new String[] {row[1].strip(), row[2].strip()}) {
                if (!spec.matches("D|M|Y|D-\\d+")) {
                    throw new IllegalArgumentException("periods.tsv: '" + spec + "' for '" + row[0]
                            + "': write D, D-N, M or Y");
                }
            }
            l.periods.add(new RelativePeriod(row[0].strip().toLowerCase(Locale.ROOT), row[1].strip(), row[2].strip()));
        }
        l.periods.sort(Comparator.comparingInt((RelativePeriod p) -> -p.phrase().length()));
        WordLists words = WordLists.parse(wordsTsv, "words.tsv", Set.of("time_word", "time_word_capitalised",
                "quantity_word", "apposition_word", "region_noun"));
        l.timeWords = new TimeWords(words.set("time_word"), words.set("time_word_capitalised"));
        l.quantityWords = words.set("quantity_word");
        l.appositionWords = words.set("apposition_word");
        l.regionNouns = words.set("region_noun");
        return l;
    }

    /** What a verb or noun lemma means for a figure, if the lexicon has it. */
    public Optional<Meaning> meaning(String lemma) {
        if (lemma == null) {
            return Optional.empty();
        }
        String l = lemma.toLowerCase(Locale.ROOT);
        Meaning c = verbs.get(l);
        if (c == null && l.endsWith("ed")) {
            // A participle tagged as an adjective keeps its form as lemma: "remain occupied", "liberated".
            c = verbs.get(l.endsWith("ied") ? l.substring(0, l.length() - 3) + "y" : l.substring(0, l.length() - 2));
            c = c != null ? c : verbs.get(l.substring(0, l.length() - 1));
        }
        return Optional.ofNullable(c);
    }

    /** Whether a noun names armed forces, or an attack or advance of theirs: a demonym before it names a side. */
    public boolean namesForces(String lemma) {
        Meaning m = meaning(lemma).orElse(null);
        return m == Meaning.FORCE || m == Meaning.ATTACK || m == Meaning.ADVANCE;
    }

    /** The wars going on at {@code date} in which {@code countryCode} is a side. */
    public List<Conflict> conflictsOf(String countryCode, LocalDate date) {
        return conflicts.stream().filter(c -> c.activeOn(date) && c.opponentOf(countryCode) != null).toList();
    }

    /** The other side of {@code countryCode} in the one war it fights at {@code date}; empty if none or several. */
    public Optional<String> opponent(String countryCode, LocalDate date) {
        List<Conflict> wars = countryCode == null ? List.of() : conflictsOf(countryCode, date);
        return wars.size() == 1 ? Optional.of(wars.get(0).opponentOf(countryCode)) : Optional.empty();
    }

    /** The wars going on at {@code date}. */
    public List<Conflict> conflictsOn(LocalDate date) {
        return conflicts.stream().filter(c -> c.activeOn(date)).toList();
    }

    /** The side an outlet writes from, by its source name or url ("ukrinform.net", "https://www.rt.com/…"). */
    public Optional<String> perspective(String sourceOrUrl) {
        if (sourceOrUrl == null || sourceOrUrl.isBlank()) {
            return Optional.empty();
        }
        String s = sourceOrUrl.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "")
                .replaceFirst("^www\\.", "");
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        for (String h = host; !h.isEmpty(); h = h.indexOf('.') < 0 ? "" : h.substring(h.indexOf('.') + 1)) {
            String side = perspectives.get(h);
            if (side != null) {
                return Optional.of(side);
            }
        }
        return Optional.empty();
    }

    /** The words of time: whether a sentence can hold a period, before SUTime reads it. */
    TimeWords timeWords() {
        return timeWords;
    }

    /** Words of quantity and articles that open a subject but are no part of a claimant's name ("Several"). */
    Set<String> quantityWords() {
        return quantityWords;
    }

    /** Words between a place's name and the position that locates it ("X, a small town about 25 km …"). */
    Set<String> appositionWords() {
        return appositionWords;
    }

    /** Nouns that make a first-level region of the name before them ("the Lipetsk region"). */
    Set<String> regionNouns() {
        return regionNouns;
    }

    /** The relative period phrases, longest first. */
    public List<RelativePeriod> periods() {
        return periods;
    }

    private static LocalDate date(String s, String file) {
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": '" + s + "' is no ISO date (YYYY-MM-DD)");
        }
    }

    private static List<String[]> rows(byte[] bytes, String file, int minColumns) {
        return ConfTsv.rows(bytes, file, minColumns).stream().map(ConfTsv.Row::cells).toList();
    }
}
