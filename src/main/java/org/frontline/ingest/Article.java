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
 */
public record Article(String articleId, LocalDate publishedDate, String source, String url,
                      String title, String text, String contentHash,
                      String sourceFile, String recordRef) implements IngestResult {
}
