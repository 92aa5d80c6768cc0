package org.frontline.extract.figures;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence can hold a time expression that gives a figure its period, judged from its words alone:
 * the gate in front of SUTime, which costs milliseconds a sentence (a tenth of the job's CPU when it ran on every
 * figure sentence, BENCHMARKS.md). {@link FigureAttribution#period} turns only SUTime's DATE values (a year, a
 * month, a week, a day) and durations in days, weeks, months or years into a period; each of those is written
 * with one of the words of conf/figures/words.tsv (lists time_word and time_word_capitalised: a month, a weekday,
 * "yesterday", "past week", "three days", a holiday) or with digits of a year or a date. A sentence without any yields no period with or without SUTime, so skipping it
 * changes no output (checked on both dumps, BENCHMARKS.md).
 */
final class TimeWords {
    /** A year ("2022"), a date in digits ("2022-10-01", "14.06.2022", "10/01/22"), an elided year ("'22"). */
    private static final Pattern DIGITS = Pattern.compile("[12]\\d{3}|\\d{1,4}[-./]\\d{1,2}[-./]\\d{1,4}|['’]\\d{2}");

    /** Lower-case time words, matched in any case. */
    private final Set<String> words;
    /** Months and weekdays that are also common words ("may", "march", "sat"): time words only when capitalised. */
    private final Set<String> capitalised;

    TimeWords(Set<String> words, Set<String> capitalised) {
        this.words = Set.copyOf(words);
        this.capitalised = Set.copyOf(capitalised);
    }

    /** True when one of {@code tokens} (as written) can be part of a time expression that is a period. */
    boolean mayHoldAPeriod(List<String> tokens) {
        for (String word : tokens) {
            if (DIGITS.matcher(word).matches()) {
                return true;
            }
            String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word; // "Aug."
            if (capitalised.contains(bare)) {
                return true;
            }
            String lower = bare.toLowerCase(Locale.ROOT);
            if (words.contains(lower)) {
                return true;
            }
            if (lower.indexOf('-') > 0) { // "mid-July", "three-day", "2022-2023"
                for (String part : bare.split("-")) {
                    if (words.contains(part.toLowerCase(Locale.ROOT)) || capitalised.contains(part)
                            || DIGITS.matcher(part).matches()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
