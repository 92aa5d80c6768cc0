package org.frontline.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Parses the publication dates found in dumps into UTC dates. */
public final class Dates {

    /** Earliest date accepted: anything before is a placeholder or a parsing accident, not a news date. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Days after today (UTC) still accepted, for outlets in time zones ahead of UTC and embargoed items. */
    public static final int FUTURE_DAYS = 2;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATE_SPACE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");
    private static final String EXPECTED = "expected an ISO date (2024-07-16), an ISO date-time"
            + " (2024-07-16T23:37:19, optionally with a fraction, Z or an offset such as +03:00)"
            + " or RFC 1123 (Tue, 16 Jul 2024 23:37:19 GMT)";

    private Dates() {
    }

    /** The UTC date of a publication date or timestamp; throws {@link DateTimeException} with the value and the reason otherwise. */
    public static LocalDate parsePublished(String value) {
        return parsePublished(value, LocalDate.now(ZoneOffset.UTC));
    }

    /** As {@link #parsePublished(String)}, with "today" (UTC) given, for the range check. */
    public static LocalDate parsePublished(String value, LocalDate todayUtc) {
        if (value == null || value.isBlank()) {
            throw new DateTimeException("no date given");
        }
        String v = value.trim();
        LocalDate date = toUtcDate(v);
        LocalDate latest = todayUtc.plusDays(FUTURE_DAYS);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new DateTimeException("date '" + v + "' is out of range: " + date + " is not between "
                    + EARLIEST + " and " + latest + " (today + " + FUTURE_DAYS + " days, UTC)");
        }
        return date;
    }

    private static LocalDate toUtcDate(String v) {
        try {
            if (ISO_DATE.matcher(v).matches()) {
                return LocalDate.parse(v);
            }
            if (!v.isEmpty() && Character.isDigit(v.charAt(0))) {
                // "2024-07-16 23:37:19" is common in SQL exports: treat the space as ISO's 'T'.
                String iso = ISO_DATE_SPACE_TIME.matcher(v).matches() ? v.substring(0, 10) + 'T' + v.substring(11) : v;
                TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso,
                        ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
                if (t instanceof ZonedDateTime z) {
                    return z.withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
                }
                if (t instanceof OffsetDateTime o) {
                    return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
                }
                // No zone or offset: the contract says timestamps without one are UTC.
                return ((LocalDateTime) t).toLocalDate();
            }
            OffsetDateTime rfc = OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            return rfc.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DateTimeException && cause.getMessage() != null) {
                // Right shape, impossible value ("2024-13-45"): java.time says which field is wrong.
                throw new DateTimeException("invalid date '" + v + "': " + cause.getMessage(), e);
            }
            throw new DateTimeException("cannot parse date '" + v + "': " + EXPECTED, e);
        }
    }
}
