package org.frontline.ingest;

import java.time.LocalDate;

/**
 * One validated, cleaned input article.
 *
 * @param articleId     the record's id, or one derived from {@code contentHash} when the record has none
 * @param publishedDate publication date in UTC
 * @param source        outlet or site, may be null
 * @param url           may be null
 * @param title         cleaned title, never null (empty when the record has none)
 * @param text          cleaned text, never null
 * @param contentHash   SHA-256 (hex) of the cleaned title and text with whitespace collapsed
 * @param sourceFile    the input file the record came from
 * @param recordRef     where in that file ("name.jsonl:12", "name.parquet#row 3")
 * @param dateSource    where {@code publishedDate} came from
 * @param language      the detected language (ISO 639-1, "en"), or {@link Languages#UNDETERMINED}
 */
public record Article(String articleId, LocalDate publishedDate, String source, String url,
                      String title, String text, String contentHash,
                      String sourceFile, String recordRef, DateSource dateSource, String language)
        implements IngestResult {

    /** An English article dated by its record's date field (what tests and the first formats build). */
    public Article(String articleId, LocalDate publishedDate, String source, String url, String title, String text,
                   String contentHash, String sourceFile, String recordRef) {
        this(articleId, publishedDate, source, url, title, text, contentHash, sourceFile, recordRef,
                DateSource.RECORD, "en");
    }
}
