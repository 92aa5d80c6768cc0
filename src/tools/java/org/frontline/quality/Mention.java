package org.frontline.quality;

/**
 * A labelled or predicted mention, reduced to what quality compares: where it is, and what it resolves to.
 *
 * @param article  "dump/article_id"
 * @param field    title or text
 * @param key      what a correct resolution must equal (a region id, an actor name's key); empty when the
 *                 gold label says the place is real but not identifiable
 * @param label    a readable name for reports
 */
public record Mention(String article, String field, int begin, int end, String surface, String key, String label) {

    boolean overlaps(Mention o) {
        return article.equals(o.article) && field.equals(o.field) && begin < o.end && o.begin < end;
    }

    int overlap(Mention o) {
        return Math.min(end, o.end) - Math.max(begin, o.begin);
    }
}
