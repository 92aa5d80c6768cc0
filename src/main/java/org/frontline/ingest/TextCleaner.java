package org.frontline.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes light markup (HTML, Markdown) from article text so that NLP sees prose, and normalises whitespace.
 *
 * <p>Every step is a precompiled pattern or a single pass over the text, and a step is skipped when the
 * character it needs is absent, because this runs on every article of multi-gigabyte dumps.
 */
public final class TextCleaner {

    private static final int FLAGS = Pattern.UNIX_LINES | Pattern.MULTILINE;

    /** Script and style bodies are code, not prose: drop them with their content. Comments likewise. */
    private static final Pattern SCRIPT_STYLE_COMMENT = Pattern.compile(
            "<(script|style)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Tags that end a paragraph or block: they become a blank line so sentences do not run together. */
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(?:p|div|h[1-6]|ul|ol|table|tr|blockquote|section|article|header|footer|aside|pre|figure"
                    + "|figcaption|dl|dd|dt|hr|main|nav)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);
    /** Tags that start a new line (a list item's closing tag is then just removed, so items are not a blank line apart). */
    private static final Pattern LINE_TAG = Pattern.compile("<(?:br|li)\\b[^<>]*>", Pattern.CASE_INSENSITIVE);
    /** Table cells: a space, so that neighbouring cells do not run into one word. */
    private static final Pattern CELL_TAG = Pattern.compile("</?(?:td|th)\\b[^<>]*>", Pattern.CASE_INSENSITIVE);
    /** Any other tag: a letter right after '<' (or "</"), so "a < b" and "x<5" are left alone. */
    private static final Pattern OTHER_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9:-]*(?:\\s[^<>]*)?/?>");

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*]\\([^)\\n]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\([^)\\n]*\\)");
    /** ATX heading: up to 3 spaces, 1-6 '#', a space (so "#hashtag" is not a heading), an optional closing run of '#'. */
    private static final Pattern HEADING = Pattern.compile(
            "^[ \\t]{0,3}#{1,6}(?:[ \\t]+(.*?))??(?:[ \\t]+#+)?[ \\t]*$", FLAGS);
    /** Thematic break: three or more of the same '-', '*' or '_' alone on a line, spaces allowed between. */
    private static final Pattern RULE = Pattern.compile("^[ \\t]{0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$", FLAGS);

    // Emphasis only when the markers are not inside a word (snake_case, 5*3, 2*3*4 stay as written) and hug
    // non-space text ("5 * 3" stays too). Word characters are any letters and digits, not only ASCII ones.
    // Emphasis does not cross a line: that keeps every match short, and news text rarely needs more.
    // Each pattern starts with its marker and only then looks behind it: a leading lookbehind would be
    // evaluated at every position of the text and made these patterns the slowest part of clean-up.
    private static final Pattern STRONG_STAR = Pattern.compile(
            "\\*\\*(?<![\\p{L}\\p{N}*\\\\]\\*\\*)(?=\\S)([^\\n]*?[^\\s\\\\])\\*\\*(?![\\p{L}\\p{N}*])");
    private static final Pattern STRONG_UNDERSCORE = Pattern.compile(
            "__(?<![\\p{L}\\p{N}_\\\\]__)(?=\\S)([^\\n]*?[^\\s\\\\])__(?![\\p{L}\\p{N}_])");
    private static final Pattern EM_STAR = Pattern.compile(
            "\\*(?<![\\p{L}\\p{N}*\\\\]\\*)(?=[^\\s*])([^\\n*]*?[^\\s*\\\\])\\*(?![\\p{L}\\p{N}*])");
    private static final Pattern EM_UNDERSCORE = Pattern.compile(
            "_(?<![\\p{L}\\p{N}_\\\\]_)(?=[^\\s_])([^\\n_]*?[^\\s_\\\\])_(?![\\p{L}\\p{N}_])");

    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));");

    /** The named entities that occur in news markup; an unknown name is left as it is. */
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("ensp", "\u2002"),
            Map.entry("emsp", "\u2003"), Map.entry("thinsp", "\u2009"), Map.entry("shy", "\u00AD"),
            Map.entry("zwj", "\u200D"), Map.entry("zwnj", "\u200C"),
            Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"), Map.entry("minus", "\u2212"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("sbquo", "\u201A"),
            Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("bdquo", "\u201E"),
            Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"), Map.entry("lsaquo", "\u2039"),
            Map.entry("rsaquo", "\u203A"), Map.entry("hellip", "\u2026"), Map.entry("bull", "\u2022"),
            Map.entry("middot", "\u00B7"), Map.entry("prime", "\u2032"), Map.entry("Prime", "\u2033"),
            Map.entry("deg", "\u00B0"), Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"),
            Map.entry("trade", "\u2122"), Map.entry("sect", "\u00A7"), Map.entry("para", "\u00B6"),
            Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"), Map.entry("yen", "\u00A5"),
            Map.entry("cent", "\u00A2"), Map.entry("times", "\u00D7"), Map.entry("divide", "\u00F7"),
            Map.entry("plusmn", "\u00B1"), Map.entry("frac12", "\u00BD"), Map.entry("frac14", "\u00BC"),
            Map.entry("frac34", "\u00BE"), Map.entry("sup2", "\u00B2"), Map.entry("iexcl", "\u00A1"),
            Map.entry("iquest", "\u00BF"), Map.entry("aacute", "\u00E1"), Map.entry("eacute", "\u00E9"),
            Map.entry("iacute", "\u00ED"), Map.entry("oacute", "\u00F3"), Map.entry("uacute", "\u00FA"),
            Map.entry("Aacute", "\u00C1"), Map.entry("Eacute", "\u00C9"), Map.entry("agrave", "\u00E0"),
            Map.entry("egrave", "\u00E8"), Map.entry("acirc", "\u00E2"), Map.entry("ecirc", "\u00EA"),
            Map.entry("ocirc", "\u00F4"), Map.entry("auml", "\u00E4"), Map.entry("ouml", "\u00F6"),
            Map.entry("uuml", "\u00FC"), Map.entry("Auml", "\u00C4"), Map.entry("Ouml", "\u00D6"),
            Map.entry("Uuml", "\u00DC"), Map.entry("szlig", "\u00DF"), Map.entry("ccedil", "\u00E7"),
            Map.entry("ntilde", "\u00F1"), Map.entry("oslash", "\u00F8"), Map.entry("aring", "\u00E5"));

    private TextCleaner() {
    }

    /** The text without markup, with paragraphs separated by one blank line and no stray whitespace; "" for null. */
    public static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = raw;
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (s.indexOf('<') >= 0) {
            s = SCRIPT_STYLE_COMMENT.matcher(s).replaceAll(" ");
            s = BLOCK_TAG.matcher(s).replaceAll("\n\n");
            s = LINE_TAG.matcher(s).replaceAll("\n");
            s = CELL_TAG.matcher(s).replaceAll(" ");
            s = OTHER_TAG.matcher(s).replaceAll("");
        }
        if (s.contains("](")) {
            s = IMAGE.matcher(s).replaceAll("");
            s = LINK.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('#') >= 0) {
            // Blank lines around the heading keep it a paragraph of its own.
            s = HEADING.matcher(s).replaceAll("\n$1\n");
        }
        boolean stars = s.indexOf('*') >= 0;
        boolean underscores = s.indexOf('_') >= 0;
        if (stars || underscores || s.indexOf('-') >= 0) {
            // Before emphasis, since "***" alone on a line would otherwise look like emphasis.
            s = RULE.matcher(s).replaceAll("");
        }
        if (stars) {
            s = STRONG_STAR.matcher(s).replaceAll("$1");
            s = EM_STAR.matcher(s).replaceAll("$1");
        }
        if (underscores) {
            s = STRONG_UNDERSCORE.matcher(s).replaceAll("$1");
            s = EM_UNDERSCORE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('&') >= 0) {
            // Last among the markup steps: "&lt;p&gt;" is text about a tag, not a tag to remove.
            s = decodeEntities(s);
        }
        return normaliseWhitespace(s);
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String replacement = entity(m);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(Matcher m) {
        if (m.group(3) != null) {
            return ENTITIES.get(m.group(3));
        }
        int code = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        if (code == 0 || code > Character.MAX_CODE_POINT
                || (code >= Character.MIN_SURROGATE && code <= Character.MAX_SURROGATE)) {
            return null; // not a character: leave the text as written
        }
        return Character.toString(code);
    }

    /**
     * One pass: Unicode spaces and tabs become a space, runs of spaces collapse, lines are trimmed, three or
     * more line breaks become one blank line, invisible format characters go, and the whole is trimmed.
     */
    static String normaliseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                newlines++;
                space = false;
            } else if (c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060'
                    || c == '\uFEFF' || (c < ' ' && c != '\t' && c != '\u000B' && c != '\f') || c == '\u007F') {
                // Soft hyphens, zero-width characters and control codes are invisible: they split words for NLP.
                continue;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (out.length() > 0) {
                    if (newlines >= 2) {
                        out.append("\n\n");
                    } else if (newlines == 1) {
                        out.append('\n');
                    } else if (space) {
                        out.append(' ');
                    }
                }
                out.append(c);
                newlines = 0;
                space = false;
            }
        }
        return out.toString();
    }
}
