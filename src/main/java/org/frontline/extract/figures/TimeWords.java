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
 * with one of the words below (a month, a weekday, "yesterday", "past week", "three days", a holiday) or with
 * digits of a year or a date. A sentence without any yields no period with or without SUTime, so skipping it
 * changes no output (checked on both dumps, BENCHMARKS.md).
 */
public final class TimeWords {
    private static final Set<String> WORDS = Set.of(
            "january", "february", "april", "june", "july", "august", "september", "october", "november",
            "december", "jan", "feb", "apr", "jun", "jul", "aug", "sept", "oct", "nov",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "tues", "thur", "thurs",
            "today", "tonight", "tomorrow", "yesterday",
            "day", "days", "daily", "week", "weeks", "weekly", "weekend", "weekends", "fortnight", "fortnights",
            "month", "months", "monthly", "year", "years", "yearly", "annual", "annually", "decade", "decades",
            "century", "centuries", "quarter", "quarters",
            "christmas", "xmas", "easter", "thanksgiving", "halloween", "hanukkah", "chanukah", "passover", "kwanzaa");
    /** Months and weekdays that are also common words ("may", "march", "sat"): time words only when capitalised. */
    private static final Set<String> CAPITALISED = Set.of("May", "March", "Mar", "Sep", "Dec", "Mon", "Tue", "Wed",
            "Thu", "Fri", "Sat", "Sun");
    /** A year ("2022"), a date in digits ("2022-10-01", "14.06.2022", "10/01/22"), an elided year ("'22"). */
    private static final Pattern DIGITS = Pattern.compile("[12]\\d{3}|\\d{1,4}[-./]\\d{1,2}[-./]\\d{1,4}|['’]\\d{2}");

    private TimeWords() {
    }

    /** True when one of {@code words} (tokens as written) can be part of a time expression that is a period. */
    public static boolean mayHoldAPeriod(List<String> words) {
        for (String word : words) {
            if (DIGITS.matcher(word).matches()) {
                return true;
            }
            String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word; // "Aug."
            if (CAPITALISED.contains(bare)) {
                return true;
            }
            String lower = bare.toLowerCase(Locale.ROOT);
            if (WORDS.contains(lower)) {
                return true;
            }
            if (lower.indexOf('-') > 0) { // "mid-July", "three-day", "2022-2023"
                for (String part : bare.split("-")) {
                    if (WORDS.contains(part.toLowerCase(Locale.ROOT)) || CAPITALISED.contains(part)
                            || DIGITS.matcher(part).matches()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
