package org.frontline.extract.figures;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.extract.TerritorialFigure.Kind;
import org.frontline.extract.TerritorialFigure.Qualifier;
import org.frontline.extract.TerritorialFigure.Quantity;

/**
 * Turns the texts a figure rule captures (number, unit, qualifier words, kind labels) into the
 * normalised values of FIGURES.md. Pure string logic: no CoreNLP types, no state.
 *
 * <p>Every method throws {@link IllegalArgumentException} on a text it cannot interpret, so that
 * the extractor drops the match instead of guessing (precision first).
 */
public final class FigureNormalizer {

    /** A closed interval of values; one stated value gives min = max. */
    public record Range(double min, double max) {

        /** This range multiplied by a unit's conversion factor. */
        public Range scaled(double factor) {
            return new Range(min * factor, max * factor);
        }
    }

    /** What a unit measures and the factor to its normalised unit (km² or km). */
    public record Unit(Quantity quantity, double factor) {
    }

    // FIGURES.md conversions.
    static final double SQ_MILE_KM2 = 2.589988;
    static final double HECTARE_KM2 = 0.01;
    static final double ACRE_KM2 = 0.004046856;
    static final double MILE_KM = 1.609344;
    static final double NAUTICAL_MILE_KM = 1.852;
    static final double METRE_KM = 0.001;
    static final double SQ_METRE_KM2 = 0.000001;

    private FigureNormalizer() {
    }

    // ---- numbers --------------------------------------------------------------------------

    private static final Pattern BETWEEN = Pattern.compile("between (.+) and (.+)");
    // "10-15", "10 - 15", "10–15", "20 to 25". Tried only when the whole text is not one number,
    // so the hyphen of "twenty-five" never splits it.
    private static final Pattern RANGE_SEPARATOR = Pattern.compile("\\s*[-–—]\\s*|\\s+to\\s+");
    // "420", "1,000", "1,000,000", "4.5". A comma groups digits: of three normally; of two in the
    // Indian grouping ("1,25,000") and in a malformed number, which GUIDELINES.md values as written
    // with its separators removed ("125,00" → 12500). A comma before one digit is a European
    // decimal ("1,5"): refused rather than read as 15.
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(,\\d{2,3})+(\\.\\d+)?|\\d+(\\.\\d+)?");
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3}");

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9));
    private static final Map<String, Integer> TEENS = Map.ofEntries(
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of(
            "twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
            "eighty", 80, "ninety", 90);
    private static final Map<String, Long> SCALES = Map.of(
            "thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);

    /**
     * Parses a number or range as written: "420", "1,000", "80 000", "1.2 million", "300 thousand",
     * "10-15", "10–15", "20 to 25", "between 5 and 7", "three", "twenty-five", "a dozen".
     *
     * <p>"a dozen" is 12 like any other number word; "dozens" or "hundreds" name no number and are
     * refused (a bound such as "at least 24" would be invented).
     */
    public static Range number(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher between = BETWEEN.matcher(s);
        if (between.matches()) {
            return range(single(between.group(1)) * sharedScale(between.group(1), between.group(2)),
                    single(between.group(2)), text);
        }
        Double whole = singleOrNull(s);
        if (whole != null) {
            return new Range(whole, whole);
        }
        Matcher sep = RANGE_SEPARATOR.matcher(s);
        while (sep.find()) {
            String lowText = s.substring(0, sep.start());
            String highText = s.substring(sep.end());
            Double low = singleOrNull(lowText);
            Double high = singleOrNull(highText);
            if (low != null && high != null) {
                return range(low * sharedScale(lowText, highText), high, text);
            }
        }
        throw new IllegalArgumentException("not a number or range: \"" + text + "\"");
    }

    /** "1-2 million": the scale word of the upper bound also scales a bare lower bound. */
    private static long sharedScale(String lowText, String highText) {
        String lastOfHigh = highText.substring(highText.lastIndexOf(' ') + 1);
        String lastOfLow = lowText.substring(lowText.lastIndexOf(' ') + 1);
        if (SCALES.containsKey(lastOfHigh) && !SCALES.containsKey(lastOfLow)) {
            return SCALES.get(lastOfHigh);
        }
        return 1;
    }

    private static Range range(double low, double high, String text) {
        // "15-10" is no range a writer means: refuse rather than swap.
        if (low > high) {
            throw new IllegalArgumentException("range with min > max: \"" + text + "\"");
        }
        return new Range(low, high);
    }

    private static double single(String text) {
        Double value = singleOrNull(text.strip());
        if (value == null) {
            throw new IllegalArgumentException("not a number: \"" + text + "\"");
        }
        return value;
    }

    private static Double singleOrNull(String s) {
        if (s.isEmpty()) {
            return null;
        }
        return Character.isDigit(s.charAt(0)) ? digitsOrNull(s) : wordsOrNull(s);
    }

    /** "420", "1,000", "80 000", "1.2 million", "300 thousand". */
    private static Double digitsOrNull(String s) {
        String[] parts = s.split(" ");
        if (!DIGITS.matcher(parts[0]).matches()) {
            return null;
        }
        StringBuilder digits = new StringBuilder(parts[0].replace(",", ""));
        int i = 1;
        // Space as thousands separator ("80 000"): only after a plain 1-3 digit group, so a year
        // next to a number ("2023 420") is never glued into one.
        if (parts[0].matches("\\d{1,3}")) {
            while (i < parts.length && THREE_DIGITS.matcher(parts[i]).matches()) {
                digits.append(parts[i++]);
            }
        }
        double value = Double.parseDouble(digits.toString());
        if (i < parts.length && SCALES.containsKey(parts[i])) {
            value *= SCALES.get(parts[i++]);
        }
        return i == parts.length ? value : null;
    }

    private enum Word { START, ARTICLE, UNIT, TEEN, TENS, HUNDRED, SCALE, AND, DOZEN }

    // "half a thousand", "half a dozen", "half a million": half of what follows.
    private static final Pattern HALF = Pattern.compile("half (an? (dozen|hundred|thousand|million|billion))");

    /**
     * Written numbers: "three", "twenty-five", "one hundred and twenty", "fifteen hundred",
     * "two thousand five hundred", "a thousand", "a dozen". A small grammar rather than CoreNLP's
     * NumberNormalizer.wordToNumber, which reads "80 000" as 80 and "10-15" as 150.
     */
    private static Double wordsOrNull(String s) {
        Matcher half = HALF.matcher(s);
        if (half.matches()) {
            Double whole = wordsOrNull(half.group(1));
            return whole == null ? null : whole / 2;
        }
        // A bare scale word is one of it: "more than hundred kilometers" (GUIDELINES.md section 1).
        if (s.equals("hundred")) {
            return 100.0;
        } else if (SCALES.containsKey(s)) {
            return (double) SCALES.get(s);
        }
        // The only hyphen inside a written number joins tens and units ("twenty-five").
        String[] words = s.replaceAll("\\s*-\\s*", " - ").split(" ");
        long total = 0;
        long current = 0;
        Word last = Word.START;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.equals("-")) {
                if (last != Word.TENS || i + 1 >= words.length || !UNITS.containsKey(words[i + 1])) {
                    return null;
                }
                continue;
            }
            if ((w.equals("a") || w.equals("an")) && last == Word.START) {
                current = 1;
                last = Word.ARTICLE;
            } else if (UNITS.containsKey(w) && (last == Word.START || last == Word.TENS || last == Word.HUNDRED
                    || last == Word.SCALE || last == Word.AND)) {
                current += UNITS.get(w);
                last = Word.UNIT;
            } else if (TEENS.containsKey(w) && (last == Word.START || last == Word.HUNDRED
                    || last == Word.SCALE || last == Word.AND)) {
                current += TEENS.get(w);
                last = Word.TEEN;
            } else if (TENS.containsKey(w) && (last == Word.START || last == Word.HUNDRED
                    || last == Word.SCALE || last == Word.AND)) {
                current += TENS.get(w);
                last = Word.TENS;
            } else if (w.equals("hundred") && (last == Word.ARTICLE || last == Word.UNIT || last == Word.TEEN)) {
                current *= 100;
                last = Word.HUNDRED;
            } else if (SCALES.containsKey(w) && last != Word.START && last != Word.SCALE
                    && last != Word.AND && last != Word.DOZEN) {
                total += current * SCALES.get(w);
                current = 0;
                last = Word.SCALE;
            } else if (w.equals("dozen") && (last == Word.ARTICLE || last == Word.UNIT)) {
                current *= 12;
                last = Word.DOZEN;
            } else if (w.equals("and") && (last == Word.HUNDRED || last == Word.SCALE)) {
                last = Word.AND;
            } else {
                return null;
            }
        }
        if (last == Word.START || last == Word.ARTICLE || last == Word.AND) {
            return null;
        }
        return (double) (total + current);
    }

    // ---- units ----------------------------------------------------------------------------

    private static final Pattern SQ_KM = Pattern.compile("(sq|square)(km|kms|kilometers?|kilometres?)|km2|kms2|km²|sqkm|sqkms");
    private static final Pattern SQ_MILE = Pattern.compile("(sq|square)(miles?|mi)");
    private static final Pattern HECTARE = Pattern.compile("hectares?|ha");
    private static final Pattern ACRE = Pattern.compile("acres?");
    private static final Pattern KM = Pattern.compile("km|kms|kilometers?|kilometres?");
    private static final Pattern MILE = Pattern.compile("miles?");
    private static final Pattern NAUTICAL_MILE = Pattern.compile("nauticalmiles?");
    private static final Pattern METRE = Pattern.compile("meters?|metres?");
    private static final Pattern SQ_METRE = Pattern.compile("(sq|square)(meters?|metres?|m)|m2|m²");
    private static final Pattern SETTLEMENT = Pattern.compile("settlements?|villages?|towns?|localit(y|ies)|hamlets?|cit(y|ies)");
    // "per cent" arrives without its space (spaces carry nothing in a unit).
    private static final Pattern PERCENT = Pattern.compile("%|percent|pct");

    /**
     * Reads a unit as written ("sq. km", "square kilometres", "km²", "sq miles", "hectares",
     * "acres", "square metres", "km", "miles", "metres", a settlement noun such as "villages",
     * "%" or "per cent") into its quantity and factor to km², km, a count or a percent.
     */
    public static Unit unit(String text) {
        // Dots, hyphens and spaces carry nothing: "sq. km", "sq.km", "square-kilometre" are one unit.
        String key = text.toLowerCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
        if (SQ_KM.matcher(key).matches()) {
            return new Unit(Quantity.AREA, 1);
        } else if (SQ_MILE.matcher(key).matches()) {
            return new Unit(Quantity.AREA, SQ_MILE_KM2);
        } else if (HECTARE.matcher(key).matches()) {
            return new Unit(Quantity.AREA, HECTARE_KM2);
        } else if (ACRE.matcher(key).matches()) {
            return new Unit(Quantity.AREA, ACRE_KM2);
        } else if (KM.matcher(key).matches()) {
            return new Unit(Quantity.DISTANCE, 1);
        } else if (MILE.matcher(key).matches()) {
            return new Unit(Quantity.DISTANCE, MILE_KM);
        } else if (NAUTICAL_MILE.matcher(key).matches()) {
            return new Unit(Quantity.DISTANCE, NAUTICAL_MILE_KM);
        } else if (METRE.matcher(key).matches()) {
            return new Unit(Quantity.DISTANCE, METRE_KM);
        } else if (SQ_METRE.matcher(key).matches()) {
            return new Unit(Quantity.AREA, SQ_METRE_KM2);
        } else if (SETTLEMENT.matcher(key).matches()) {
            return new Unit(Quantity.SETTLEMENTS, 1);
        } else if (PERCENT.matcher(key).matches()) {
            return new Unit(Quantity.SHARE, 1);
        }
        throw new IllegalArgumentException("unknown unit: \"" + text + "\"");
    }

    /** The normalised value of a number in a unit: "162", "sq miles" → 419.58–419.58 (km²). */
    public static Range value(String number, String unit) {
        return number(number).scaled(unit(unit).factor());
    }

    // ---- qualifiers -----------------------------------------------------------------------

    // FIGURES.md, plus "approximately" and "an estimated" (approx), the negated forms, so that
    // "no more than" is never read as "more than", and the further hedges of GUIDELINES.md.
    private static final Map<String, Qualifier> QUALIFIERS = Map.ofEntries(
            Map.entry("about", Qualifier.APPROX), Map.entry("around", Qualifier.APPROX),
            Map.entry("almost", Qualifier.APPROX), Map.entry("nearly", Qualifier.APPROX),
            Map.entry("some", Qualifier.APPROX), Map.entry("roughly", Qualifier.APPROX),
            Map.entry("approximately", Qualifier.APPROX), Map.entry("an estimated", Qualifier.APPROX),
            Map.entry("more than", Qualifier.AT_LEAST), Map.entry("over", Qualifier.AT_LEAST),
            Map.entry("at least", Qualifier.AT_LEAST), Map.entry("no less than", Qualifier.AT_LEAST),
            Map.entry("not less than", Qualifier.AT_LEAST), Map.entry("no fewer than", Qualifier.AT_LEAST),
            Map.entry("not fewer than", Qualifier.AT_LEAST),
            Map.entry("up to", Qualifier.AT_MOST), Map.entry("within", Qualifier.AT_MOST),
            Map.entry("less than", Qualifier.AT_MOST), Map.entry("fewer than", Qualifier.AT_MOST),
            Map.entry("under", Qualifier.AT_MOST), Map.entry("no more than", Qualifier.AT_MOST),
            Map.entry("not more than", Qualifier.AT_MOST),
            // GUIDELINES.md section 4.
            Map.entry("close to", Qualifier.APPROX), Map.entry("~", Qualifier.APPROX),
            Map.entry("upwards of", Qualifier.AT_LEAST), Map.entry("in excess of", Qualifier.AT_LEAST),
            Map.entry("as many as", Qualifier.AT_MOST), Map.entry("as much as", Qualifier.AT_MOST));

    /**
     * Maps the words before a number to a qualifier: none → exact; "just" and "only" are emphasis
     * ("just over" → at_least, "just" → exact).
     */
    public static Qualifier qualifier(String words) {
        if (words == null) {
            return Qualifier.EXACT;
        }
        // An opening quote between the qualifier and the number carries nothing.
        String s = words.replaceAll("[“\"`]", " ").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceFirst("^(just|only)\\b\\s*", "");
        if (s.isEmpty()) {
            return Qualifier.EXACT;
        }
        Qualifier q = QUALIFIERS.get(s);
        if (q == null) {
            q = stacked(s);
        }
        if (q == null) {
            throw new IllegalArgumentException("unknown qualifier: \"" + words + "\"");
        }
        return q;
    }

    /** Two hedges of one kind in a row, "roughly about": that kind; of two kinds, none (null). */
    private static Qualifier stacked(String s) {
        String[] w = s.split(" ");
        for (int i = 1; i < w.length; i++) {
            Qualifier first = QUALIFIERS.get(String.join(" ", java.util.Arrays.copyOfRange(w, 0, i)));
            Qualifier second = QUALIFIERS.get(String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length)));
            if (first != null && first == second) {
                return first;
            }
        }
        return null;
    }

    // ---- kinds ----------------------------------------------------------------------------

    /**
     * Decides a figure's kind from the kind its rule states (null when the rule leaves it open) and
     * the nearest cue around it ("control", "advance", "other", or null when there is none).
     *
     * <p>An open distance is an advance when an advance verb leads to it, else a position
     * (distance); a control cue does not make a distance "control". An open area is control or
     * advance by its cue, else other (a size, a burned area). A count of settlements or a share of
     * a territory is control by a control cue, else other (shelled, struck, fought near,
     * destroyed): an advance verb says where a force went, and a count of villages or a percent is
     * no depth.
     */
    public static Kind kind(Quantity quantity, String ruleKind, String cue) {
        if (ruleKind != null) {
            return Kind.valueOf(ruleKind.toUpperCase(Locale.ROOT));
        }
        return switch (quantity) {
            case DISTANCE -> "advance".equals(cue) ? Kind.ADVANCE : Kind.DISTANCE;
            case AREA -> "control".equals(cue) ? Kind.CONTROL : "advance".equals(cue) ? Kind.ADVANCE : Kind.OTHER;
            case SETTLEMENTS, SHARE -> "control".equals(cue) ? Kind.CONTROL : Kind.OTHER;
        };
    }

    // ---- plausibility ---------------------------------------------------------------------

    // No two places on Earth are farther apart than half its circumference (20,037.5 km), and no
    // land is larger than its surface (510.1 million km²): "3 million miles from its star" is no
    // geographic distance. The length of a land feature (kind other: a coastline, a front line) is no
    // distance between two places and may be longer. A share is at most 100 percent; a count of
    // settlements at least one.
    static final double MAX_DISTANCE_KM = 20_037.5;
    static final double MAX_AREA_KM2 = 510_100_000;

    /** Whether a normalised value can describe land on Earth; the extractor drops the others. */
    public static boolean plausible(Quantity quantity, Kind kind, Range value) {
        return value.min() >= 0 && switch (quantity) {
            case DISTANCE -> kind == Kind.OTHER || value.max() <= MAX_DISTANCE_KM;
            case AREA -> value.max() <= MAX_AREA_KM2;
            case SHARE -> value.max() <= 100;
            case SETTLEMENTS -> value.min() >= 1;
        };
    }
}
