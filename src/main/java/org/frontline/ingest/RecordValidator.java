package org.frontline.ingest;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a {@link RawRecord} into a cleaned {@link Article}, or a {@link Rejection} that says why it cannot be one. */
public final class RecordValidator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Scheme, "//", optional user info, then the host (no port). A URL without "//" has no host we can trust. */
    private static final Pattern URL_HOST = Pattern.compile(
            "^\\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//(?:[^/?#@]*@)?([^/?#:\\s]+)");

    private final IngestOptions options;

    /** A validator applying the given options' field mapping and size limit. */
    public RecordValidator(IngestOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Validates and cleans one record dated by its date field: see {@link #validate(RawRecord, DateSource)}. */
    public IngestResult validate(RawRecord r) {
        return validate(r, DateSource.RECORD);
    }

    /**
     * Validates and cleans one record: an {@link Article}, or a {@link Rejection} with the first problem found. A
     * record whose language is known and not English is rejected as {@code other_language} after the checks of
     * its shape, so that bad input is reported as such whatever its language.
     *
     * @param dateSource where the reader took the record's date field from
     */
    public IngestResult validate(RawRecord r, DateSource dateSource) {
        FieldMapping m = options.fields();
        String dateField = m.sourceName(FieldMapping.DATE);
        String rawDate = r.field(dateField);
        if (rawDate == null || rawDate.isBlank()) {
            return reject(r, Reason.MISSING_DATE, "field '" + dateField + "' is missing or blank"
                    + (dateField.equals(FieldMapping.DATE) ? "" : " (mapped from date)"));
        }
        LocalDate published;
        try {
            published = Dates.parsePublished(rawDate);
        } catch (DateTimeException e) {
            return reject(r, Reason.INVALID_DATE, e.getMessage());
        }

        String rawTitle = orEmpty(r.field(m.sourceName(FieldMapping.TITLE)));
        String rawText = orEmpty(r.field(m.sourceName(FieldMapping.TEXT)));
        long length = (long) rawTitle.length() + rawText.length();
        if (length > options.maxTextChars()) {
            return reject(r, Reason.TOO_LARGE, "title and text hold " + length
                    + " characters, more than the limit of " + options.maxTextChars());
        }

        String title = TextCleaner.clean(rawTitle);
        String text = TextCleaner.clean(rawText);
        // A headline alone is kept: many dumps carry only headlines or leads, and titles hold the key facts.
        if (title.isEmpty() && text.isEmpty()) {
            return reject(r, Reason.EMPTY_TEXT, rawTitle.isBlank() && rawText.isBlank()
                    ? "no title and no text"
                    : "title and text are empty after markup clean-up");
        }

        Languages.Guess language = Languages.detect(title, text);
        if (!language.annotatable()) {
            return reject(r, Reason.OTHER_LANGUAGE, String.format(Locale.ROOT,
                    "language %s (%.1f times likelier than the next): the pipeline annotates English only",
                    language.language(), language.lead()));
        }

        String hash = ContentHash.of(title, text);
        String id = blankToNull(r.field(m.sourceName(FieldMapping.ID)));
        if (id == null) {
            id = "h-" + hash.substring(0, 16);
        }
        String url = blankToNull(r.field(m.sourceName(FieldMapping.URL)));
        String source = blankToNull(r.field(m.sourceName(FieldMapping.SOURCE)));
        if (source == null && url != null) {
            source = hostOf(url);
        }
        return new Article(id, published, source, url, title, text, hash, r.sourceFile(), r.recordRef(), dateSource,
                language.language());
    }

    /** The host of a URL without a leading "www.", lowercased; null if the URL has none. */
    static String hostOf(String url) {
        Matcher matcher = URL_HOST.matcher(url);
        if (!matcher.find()) {
            return null;
        }
        String host = matcher.group(1).toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.isEmpty() ? null : host;
    }

    private static Rejection reject(RawRecord r, Reason reason, String detail) {
        return new Rejection(r.sourceFile(), r.recordRef(), r.lineNumber(), reason, detail, r.excerpt());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
