package org.frontline.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.ingest.ContentHash;
import org.frontline.ingest.HtmlPage;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How well the HTML reader's main-content extraction ({@link HtmlPage}) finds the report in ISW's saved "Russian
 * Offensive Campaign Assessment" pages (../shared/data/isw-2022), next to a plain tag-strip of the page. A
 * development tool (jobs/html-check); the pages are ISW's and stay in ../shared, the outputs go outside the
 * repository.
 *
 * <p><b>Reference.</b> ISW's own container of the report: the Drupal body field of the node,
 * {@value #REPORT_BODY} (one per page on all 330 pages). A site-specific selector, for this measurement only: the
 * extractor stays generic. The report <em>starts</em> at the field's first block (the authors' line, or a line
 * repeating the headline, which is then left out, as HtmlPage leaves the headline out of the text: the title is
 * annotated on its own). It <em>ends</em> before the endnotes: the first {@code <hr>} of the field (ISW's rule
 * above the sources) or, failing one, the first block whose text starts with "[1]"; the "Note: ISW does not
 * receive any classified material…" paragraph above the rule is part of the report. The endnotes (the list of
 * sources, mostly URLs) are kept apart, to tell what an extraction adds after the report. Text is the
 * jsoup text of the nodes, every block a break, whitespace (Unicode spaces included) collapsed, invisible format
 * characters dropped.
 *
 * <p><b>Compared.</b> The extraction: {@code HtmlPage.parse(html, fileName).text()}. The tag-strip:
 * {@code Jsoup.parse(html).body().text()} (scripts' and styles' contents are data, not text, in jsoup, so they are
 * not in it; hidden elements, navigation, sidebar, footer and endnotes are).
 *
 * <p><b>Measures</b>, per page and overall:
 * <ul>
 *   <li><em>start right</em>: the reference's first {@value #EDGE} characters occur in the text at most
 *       {@value #TOLERANCE} characters after its start, or the text's first {@value #EDGE} characters occur in the
 *       reference at most {@value #TOLERANCE} characters after its start; <em>end right</em> likewise with the last
 *       {@value #EDGE} characters. Compared with all whitespace removed, so that the renderers' different breaks
 *       between blocks do not count. When the edge is wrong, the extra characters before/after the report, or
 *       the report's characters missing, are given.</li>
 *   <li><em>characters kept</em>: word-multiset overlap, each word weighted by its characters: recall = the
 *       reference's characters matched by the text's words, precision = the text's characters matched by the
 *       reference's words (words = whitespace-separated tokens of the normalised text).</li>
 *   <li><em>word LCS</em>: the longest common subsequence of the two word sequences (Myers' O((N+M)D) diff), an
 *       order-aware check of the same: recall = LCS / reference words, precision = LCS / text words.</li>
 *   <li><em>surplus</em>: the text's characters beyond the reference's (multiset difference of words), and how
 *       many of them are the endnotes' words.</li>
 * </ul>
 *
 * <pre>
 * jobs/html-check pages   [--pages DIR] [--out DIR] [--strip-jsonl FILE]   # pages.tsv, summary.txt, the strip dump
 * jobs/annotate ../shared/data/isw-2022 --warehouse /tmp/isw-html          # the job on the pages (html reader)
 * jobs/annotate /tmp/isw-strip.jsonl --warehouse /tmp/isw-strip            # the job on the tag-strip texts
 * jobs/html-check figures [--pages DIR] [--out DIR] [--html-warehouse W] [--strip-warehouse W]
 * </pre>
 * {@code figures} reads territorial_figures and articles of both warehouses and places every figure: in the
 * title, in the report (its sentence, or the figure with the words around it inside its sentence, is in the
 * reference), in the endnotes, or elsewhere on the page (navigation, headline, tags, sidebar, footer); it matches
 * the report figures of the two runs by their position in the reference and surface, and compares what the job
 * says of each (quantity, kind, values, qualifier, actor, region, claimant, period). The two runs' dates differ
 * where the page's own timestamp (which the HTML reader prefers) falls on the next UTC day: the tag-strip dump
 * carries the file name's date, so periods such as "on May 10" can differ by that day.
 */
@Command(name = "html-check", mixinStandardHelpOptions = true,
        description = "HtmlPage's main text against ISW's report body and a plain tag-strip (pages), and the figures"
                + " the job finds in each (figures).")
public final class HtmlExtractionCheck implements Callable<Integer> {
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");


    /** ISW's report body: the Drupal body field of the page's node. Site-specific; for this measurement only. */
    static final String REPORT_BODY = ".field-name-body .field-item";
    /** ISW's headline of the page, which the report's first block sometimes repeats. */
    static final String HEADLINE = "h1#page-title";
    /** Characters compared at each edge. */
    static final int EDGE = 60;
    /** Characters an edge may be off and still count as right. */
    static final int TOLERANCE = 20;
    /** The diff gives up beyond this many inserted plus deleted words (then the word LCS is not given). */
    static final int MAX_EDITS = 40_000;

    private static final Pattern FILE_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern FIRST_ENDNOTE = Pattern.compile("^\\[1\\]");

    @Parameters(paramLabel = "WHAT", description = "pages (text measures, the tag-strip dump) or figures (from the"
            + " two warehouses)")
    String what;

    @Option(names = "--pages", defaultValue = "../shared/data/isw-2022", description = "The saved pages (default: ${DEFAULT-VALUE})")
    Path pages;

    @Option(names = "--out", defaultValue = "/tmp/isw-html-check", description = "Output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--strip-jsonl", defaultValue = "/tmp/isw-strip.jsonl",
            description = "pages: the tag-strip dump to write, for jobs/annotate (default: ${DEFAULT-VALUE})")
    Path stripJsonl;

    @Option(names = "--html-warehouse", defaultValue = "/tmp/isw-html", description = "figures: the warehouse of the pages (default: ${DEFAULT-VALUE})")
    String htmlWarehouse;

    @Option(names = "--strip-warehouse", defaultValue = "/tmp/isw-strip", description = "figures: the warehouse of the tag-strip dump (default: ${DEFAULT-VALUE})")
    String stripWarehouse;

    @Option(names = "--examples", defaultValue = "15", description = "Pages with a wrong edge, or figures whose attributes"
            + " differ between the runs, listed (default: ${DEFAULT-VALUE})")
    int examples;

    public static void main(String[] args) {
        System.exit(new CommandLine(new HtmlExtractionCheck()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        switch (what) {
            case "pages" -> pages();
            case "figures" -> figures();
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "WHAT is pages or figures, not " + what);
        }
        return 0;
    }

    // ---- the page ----

    /** One page: its reference (report, endnotes), the extraction and the tag-strip, normalised. */
    record Page(String name, String date, String documentTitle, String report, String endnotes, String extraction,
                String strip) {

        static Page read(Path file) throws IOException {
            String name = file.getFileName().toString();
            String html = Files.readString(file, StandardCharsets.UTF_8);
            Document doc = Jsoup.parse(html);
            Element body = doc.selectFirst(REPORT_BODY);
            if (body == null) {
                throw new IllegalStateException(name + ": no " + REPORT_BODY + " (not an ISW report page)");
            }
            Element headline = doc.selectFirst(HEADLINE);
            Reference ref = Reference.of(body, headline == null ? null : normalise(headline.text()));
            Matcher date = FILE_DATE.matcher(name);
            return new Page(name, date.find() ? date.group(1) : null, normalise(doc.title()), ref.report, ref.endnotes,
                    normalise(HtmlPage.parse(html, name).text()), normalise(Jsoup.parse(html).body().text()));
        }
    }

    /** The report body split at the endnotes, as blocks of text. */
    record Reference(String report, String endnotes) {

        static Reference of(Element field, String headline) {
            Element boundary = endnotesStart(field);
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            StringBuilder block = new StringBuilder();
            boolean[] inEndnotes = {false};
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node == boundary) {
                        flush(block, before);
                        inEndnotes[0] = true;
                    }
                    if (node instanceof TextNode t) {
                        block.append(t.getWholeText());
                    } else if (node instanceof Element e && node != field && (e.isBlock() || e.nameIs("br"))) {
                        flush(block, inEndnotes[0] ? after : before);
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e && node != field && e.isBlock()) {
                        flush(block, inEndnotes[0] ? after : before);
                    }
                }
            }, field);
            flush(block, inEndnotes[0] ? after : before);
            if (!before.isEmpty() && headline != null && before.get(0).equalsIgnoreCase(headline)) {
                before.remove(0);
            }
            return new Reference(String.join(" ", before), String.join(" ", after));
        }

        private static void flush(StringBuilder block, List<String> into) {
            String t = normalise(block.toString());
            if (!t.isEmpty()) {
                into.add(t);
            }
            block.setLength(0);
        }

        /** The first {@code <hr>} of the field or block whose text starts with "[1]" (not a note mark in a paragraph), in document order; null if none. */
        static Element endnotesStart(Element field) {
            for (Element e : field.getAllElements()) {
                if (e != field && (e.nameIs("hr") || (e.isBlock() && FIRST_ENDNOTE.matcher(normalise(e.text())).find()))) {
                    return e;
                }
            }
            return null;
        }
    }

    /** Whitespace (Unicode spaces too) collapsed to one space and trimmed, as the content hash does; invisible
     * format characters (soft hyphen, zero-width spaces and joiners, BOM) dropped. */
    static String normalise(String s) {
        return s == null ? "" : ContentHash.collapse(INVISIBLE.matcher(s).replaceAll(""));
    }

    /** Without any whitespace: what the edges and the figures' places are compared on. */
    static String squash(String s) {
        return s.replace(" ", "");
    }

    // ---- measures ----

    /**
     * Where a text's edges are against the reference's, in characters without whitespace: extra characters
     * before/after the report, report characters missing at the start/end; -1 when neither edge is found in
     * the other text.
     */
    record Edges(int extraBefore, int missingBefore, int extraAfter, int missingAfter) {

        static Edges of(String reference, String text) {
            String r = squash(reference);
            String t = squash(text);
            int extraBefore = -1;
            int missingBefore = -1;
            int extraAfter = -1;
            int missingAfter = -1;
            if (r.isEmpty() || t.isEmpty()) {
                return new Edges(-1, -1, -1, -1);
            }
            String rHead = r.substring(0, Math.min(EDGE, r.length()));
            String tHead = t.substring(0, Math.min(EDGE, t.length()));
            int i = t.indexOf(rHead);
            if (i >= 0) {
                extraBefore = i;
                missingBefore = 0;
            } else if ((i = r.indexOf(tHead)) >= 0) {
                extraBefore = 0;
                missingBefore = i;
            }
            String rTail = r.substring(Math.max(0, r.length() - EDGE));
            String tTail = t.substring(Math.max(0, t.length() - EDGE));
            int j = t.lastIndexOf(rTail);
            if (j >= 0) {
                extraAfter = t.length() - (j + rTail.length());
                missingAfter = 0;
            } else if ((j = r.lastIndexOf(tTail)) >= 0) {
                extraAfter = 0;
                missingAfter = r.length() - (j + tTail.length());
            }
            return new Edges(extraBefore, missingBefore, extraAfter, missingAfter);
        }

        boolean startRight() {
            return extraBefore >= 0 && extraBefore <= TOLERANCE && missingBefore <= TOLERANCE;
        }

        boolean endRight() {
            return extraAfter >= 0 && extraAfter <= TOLERANCE && missingAfter <= TOLERANCE;
        }
    }

    /** Characters matched of a reference and a text by their word multisets, each word weighted by its length. */
    record Overlap(long referenceChars, long textChars, long matchedChars) {

        static Overlap of(String reference, String text) {
            Map<String, int[]> ref = counts(reference);
            Map<String, int[]> txt = counts(text);
            long matched = 0;
            for (Map.Entry<String, int[]> e : ref.entrySet()) {
                int[] c = txt.get(e.getKey());
                if (c != null) {
                    matched += (long) Math.min(e.getValue()[0], c[0]) * e.getKey().length();
                }
            }
            return new Overlap(chars(reference), chars(text), matched);
        }

        private static Map<String, int[]> counts(String s) {
            Map<String, int[]> m = new HashMap<>();
            for (String w : words(s)) {
                m.computeIfAbsent(w, k -> new int[1])[0]++;
            }
            return m;
        }

        private static long chars(String s) {
            long n = 0;
            for (String w : words(s)) {
                n += w.length();
            }
            return n;
        }

        /**
         * Characters of the text's words beyond the reference's (multiset difference) that the endnotes' words
         * account for: where an extraction's surplus comes from.
         */
        static long surplusFrom(String reference, String text, String endnotes) {
            Map<String, int[]> surplus = counts(text);
            for (Map.Entry<String, int[]> e : counts(reference).entrySet()) {
                int[] c = surplus.get(e.getKey());
                if (c != null) {
                    c[0] = Math.max(0, c[0] - e.getValue()[0]);
                }
            }
            long matched = 0;
            for (Map.Entry<String, int[]> e : counts(endnotes).entrySet()) {
                int[] c = surplus.get(e.getKey());
                if (c != null) {
                    matched += (long) Math.min(e.getValue()[0], c[0]) * e.getKey().length();
                }
            }
            return matched;
        }

        long surplusChars() {
            return textChars - matchedChars;
        }

        double recall() {
            return referenceChars == 0 ? Double.NaN : (double) matchedChars / referenceChars;
        }

        double precision() {
            return textChars == 0 ? Double.NaN : (double) matchedChars / textChars;
        }
    }

    static String[] words(String s) {
        return s.isEmpty() ? new String[0] : s.split(" ");
    }

    /** Length of the longest common subsequence of two word sequences; -1 beyond {@code maxEdits}. */
    static int lcs(String[] a, String[] b, int maxEdits) {
        Map<String, Integer> ids = new HashMap<>();
        int[] x = new int[a.length];
        int[] y = new int[b.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = ids.computeIfAbsent(a[i], k -> ids.size());
        }
        for (int i = 0; i < b.length; i++) {
            y[i] = ids.computeIfAbsent(b[i], k -> ids.size());
        }
        return lcs(x, y, maxEdits);
    }

    /** Myers' greedy diff (1986): the fewest insertions and deletions D, then LCS = (N + M - D) / 2. */
    static int lcs(int[] a, int[] b, int maxEdits) {
        int n = a.length;
        int m = b.length;
        int limit = Math.min(n + m, maxEdits);
        int off = limit + 1;
        int[] v = new int[2 * limit + 3];
        for (int d = 0; d <= limit; d++) {
            for (int k = -d; k <= d; k += 2) {
                int px = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
                int py = px - k;
                while (px < n && py < m && a[px] == b[py]) {
                    px++;
                    py++;
                }
                v[off + k] = px;
                if (px >= n && py >= m) {
                    return (n + m - d) / 2;
                }
            }
        }
        return -1;
    }

    /** The measures of one text against the reference. */
    record Measure(Edges edges, Overlap overlap, long surplusFromEndnotes, int refWords, int textWords, int lcs) {

        static Measure of(String reference, String endnotes, String text) {
            String[] r = words(reference);
            String[] t = words(text);
            return new Measure(Edges.of(reference, text), Overlap.of(reference, text),
                    Overlap.surplusFrom(reference, text, endnotes), r.length, t.length,
                    HtmlExtractionCheck.lcs(r, t, MAX_EDITS));
        }

        double lcsRecall() {
            return lcs < 0 || refWords == 0 ? Double.NaN : (double) lcs / refWords;
        }

        double lcsPrecision() {
            return lcs < 0 || textWords == 0 ? Double.NaN : (double) lcs / textWords;
        }
    }

    /** Totals over pages for one text. */
    private static final class Totals {
        int pages;
        int startRight;
        int endRight;
        int bothRight;
        long refChars;
        long textChars;
        long matched;
        long refWords;
        long textWords;
        long lcs;
        long surplus;
        long surplusEndnotes;
        long endnoteChars;
        double sumRecall;
        double sumPrecision;

        void add(Measure m) {
            pages++;
            startRight += m.edges.startRight() ? 1 : 0;
            endRight += m.edges.endRight() ? 1 : 0;
            bothRight += m.edges.startRight() && m.edges.endRight() ? 1 : 0;
            refChars += m.overlap.referenceChars;
            textChars += m.overlap.textChars;
            matched += m.overlap.matchedChars;
            surplus += m.overlap.surplusChars();
            surplusEndnotes += m.surplusFromEndnotes;
            sumRecall += m.overlap.recall();
            sumPrecision += m.overlap.precision();
            if (m.lcs >= 0) {
                refWords += m.refWords;
                textWords += m.textWords;
                lcs += m.lcs;
            }
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %,d |",
                    name, pages, share(startRight), share(endRight), share(bothRight),
                    (double) matched / refChars, (double) matched / textChars, sumRecall / pages, sumPrecision / pages,
                    (double) lcs / refWords, (double) lcs / textWords, textChars / Math.max(1, pages));
        }

        private String share(int n) {
            return String.format(Locale.ROOT, "%d (%.1f%%)", n, 100.0 * n / pages);
        }
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.4f", d);
    }

    /** A one-line excerpt for the TSV: tabs and line breaks cannot occur (the text is normalised). */
    private static String head(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : "…" + s.substring(s.length() - n);
    }

    private List<Path> pageFiles() throws IOException {
        try (Stream<Path> files = Files.list(pages)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
    }

    private void pages() throws IOException {
        List<Path> files = pageFiles();
        Totals extraction = new Totals();
        Totals strip = new Totals();
        int withEndnotes = 0;
        int extractionHasEndnotes = 0;
        long endnoteChars = 0;
        List<String> wrong = new ArrayList<>();
        List<String> wrongStart = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        Path tsv = out.resolve("pages.tsv");
        try (BufferedWriter w = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8);
             BufferedWriter dump = Files.newBufferedWriter(stripJsonl, StandardCharsets.UTF_8)) {
            w.write(String.join("\t", "page", "ref_chars", "endnote_chars",
                    "ext_chars", "ext_start_ok", "ext_end_ok", "ext_extra_before", "ext_missing_before",
                    "ext_extra_after", "ext_missing_after", "ext_char_recall", "ext_char_precision",
                    "ext_lcs_recall", "ext_lcs_precision", "ext_surplus_chars", "ext_surplus_endnote_chars",
                    "ext_has_endnotes",
                    "strip_chars", "strip_start_ok", "strip_end_ok", "strip_extra_before", "strip_missing_before",
                    "strip_extra_after", "strip_missing_after", "strip_char_recall", "strip_char_precision",
                    "strip_lcs_recall", "strip_lcs_precision", "strip_surplus_chars", "strip_surplus_endnote_chars",
                    "endnotes_head", "ref_head", "ref_tail", "ext_head", "ext_tail"));
            w.newLine();
            for (Path file : files) {
                Page p = Page.read(file);
                Measure e = Measure.of(p.report, p.endnotes, p.extraction);
                Measure s = Measure.of(p.report, p.endnotes, p.strip);
                endnoteChars += Overlap.of(p.endnotes, "").referenceChars;
                extraction.add(e);
                strip.add(s);
                boolean hasEndnotes = !p.endnotes.isEmpty();
                String endnoteHead = squash(p.endnotes).substring(0, Math.min(EDGE, squash(p.endnotes).length()));
                boolean extEndnotes = hasEndnotes && squash(p.extraction).contains(endnoteHead);
                withEndnotes += hasEndnotes ? 1 : 0;
                extractionHasEndnotes += extEndnotes ? 1 : 0;
                List<String> row = new ArrayList<>(List.of(p.name, String.valueOf(p.report.length()),
                        String.valueOf(p.endnotes.length())));
                row.addAll(cells(p.extraction, e));
                row.add(String.valueOf(extEndnotes));
                row.addAll(cells(p.strip, s));
                row.addAll(List.of(head(p.endnotes, 40), head(p.report, 80), tail(p.report, 80), head(p.extraction, 80), tail(p.extraction, 80)));
                w.write(String.join("\t", row));
                w.newLine();
                if (!e.edges.startRight() || !e.edges.endRight()) {
                    (e.edges.startRight() ? wrong : wrongStart).add(String.format(Locale.ROOT, "%s: start %s (extra %d, missing %d), end %s (extra %d, missing %d)%n"
                                    + "    report starts: %s%n    text starts:   %s%n    report ends:   %s%n    text ends:     %s",
                            p.name, e.edges.startRight() ? "right" : "WRONG", e.edges.extraBefore, e.edges.missingBefore,
                            e.edges.endRight() ? "right" : "WRONG", e.edges.extraAfter, e.edges.missingAfter,
                            head(p.report, 100), head(p.extraction, 100), tail(p.report, 100), tail(p.extraction, 100)));
                }
                ObjectNode o = json.createObjectNode();
                o.put("id", p.name);
                o.put("date", p.date);
                o.put("title", p.documentTitle);
                o.put("text", p.strip);
                dump.write(json.writeValueAsString(o));
                dump.newLine();
            }
        }
        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT, "HTML main-content extraction on %s: %d pages, %d with endnotes"
                        + " (the extraction holds their start on %d)%n"
                        + "Edges: first/last %d characters without whitespace, tolerance %d characters.%n%n",
                pages, files.size(), withEndnotes, extractionHasEndnotes, EDGE, TOLERANCE));
        summary.append("| text | pages | start right | end right | both right | char recall | char precision"
                + " | mean page recall | mean page precision | word-LCS recall | word-LCS precision | characters per page |\n");
        summary.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        summary.append(extraction.row("HtmlPage extraction")).append('\n');
        summary.append(strip.row("tag-strip (body.text())")).append('\n');
        summary.append(String.format(Locale.ROOT, "%nReference: %,d characters per page, endnotes %,d (characters of"
                        + " words, no spaces).%n", extraction.refChars / Math.max(1, extraction.pages),
                endnoteChars / Math.max(1, extraction.pages)));
        for (Totals t : List.of(extraction, strip)) {
            summary.append(String.format(Locale.ROOT, "%s: %,d characters beyond the report per page, %.1f%% of them"
                            + " the endnotes' (%.1f%% of the endnotes' characters kept)%n",
                    t == extraction ? "Extraction" : "Tag-strip", t.surplus / Math.max(1, t.pages),
                    100.0 * t.surplusEndnotes / Math.max(1, t.surplus), 100.0 * t.surplusEndnotes / Math.max(1, endnoteChars)));
        }
        wrong.addAll(0, wrongStart);
        summary.append(String.format(Locale.ROOT, "%nPages where the extraction's start or end is wrong: %d (start: %d)%n",
                wrong.size(), wrongStart.size()));
        for (int i = 0; i < Math.min(examples, wrong.size()); i++) {
            summary.append(wrong.get(i)).append('\n');
        }
        summary.append(String.format(Locale.ROOT, "%nPer page: %s; the tag-strip dump for jobs/annotate: %s%n", tsv, stripJsonl));
        Files.writeString(out.resolve("summary.txt"), summary.toString(), StandardCharsets.UTF_8);
        System.out.print(summary);
    }

    private static List<String> cells(String text, Measure m) {
        return List.of(String.valueOf(text.length()), String.valueOf(m.edges.startRight()),
                String.valueOf(m.edges.endRight()), String.valueOf(m.edges.extraBefore),
                String.valueOf(m.edges.missingBefore), String.valueOf(m.edges.extraAfter),
                String.valueOf(m.edges.missingAfter), fmt(m.overlap.recall()), fmt(m.overlap.precision()),
                fmt(m.lcsRecall()), fmt(m.lcsPrecision()), String.valueOf(m.overlap.surplusChars()),
                String.valueOf(m.surplusFromEndnotes));
    }

    // ---- figures ----

    /** Where a figure is on its page. */
    enum Place { TITLE, REPORT, ENDNOTES, PAGE }

    /** A figure of one run, placed. {@code position}: where the figure starts in the squashed report, or -1. */
    record Placed(String page, String field, String surface, Place place, boolean sentenceInReport, int position,
                  String sentence, String attributes) {

        String key() {
            return page + "@" + position + ":" + squash(normalise(surface));
        }
    }

    /** What the job says of a figure besides where it is: compared between the two runs. */
    private static final List<String> ATTRIBUTES = List.of("quantity", "kind", "value_min", "value_max",
            "normalized_unit", "qualifier", "actor_name", "region_id", "claimant_name", "period_start", "period_end");

    /** The figures of one warehouse, placed on their pages. */
    private static List<Placed> place(SparkSession spark, String location, Map<String, Page> pages) {
        Warehouse wh = new Warehouse(spark, location);
        Map<String, String> pageOf = new HashMap<>();
        Map<String, String> textOf = new HashMap<>();
        for (Row a : wh.read(Table.ARTICLES).select("article_id", "source_file", "text").collectAsList()) {
            String id = a.getString(0);
            String file = a.getString(1);
            String segment = file == null ? "" : file.substring(file.lastIndexOf('/') + 1);
            pageOf.put(id, segment.endsWith(".html") ? segment : id);
            textOf.put(id, a.getString(2) == null ? "" : a.getString(2));
        }
        List<Placed> placed = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of("field", "char_begin", "char_end", "surface", "sentence"));
        columns.addAll(ATTRIBUTES);
        for (Row f : wh.read(Table.TERRITORIAL_FIGURES).select("article_id", columns.toArray(String[]::new)).collectAsList()) {
            StringBuilder attributes = new StringBuilder();
            for (int i = 0; i < ATTRIBUTES.size(); i++) {
                attributes.append(i == 0 ? "" : " ").append(ATTRIBUTES.get(i)).append('=').append(f.get(6 + i));
            }
            String id = f.getString(0);
            String page = pageOf.getOrDefault(id, id);
            Page p = pages.get(page);
            String field = f.getString(1);
            String sentence = f.getString(5) == null ? "" : f.getString(5);
            String surface = f.getString(4);
            if (p == null || field.equals("title")) {
                placed.add(new Placed(page, field, surface, Place.TITLE, false, -1, sentence, attributes.toString()));
                continue;
            }
            String text = textOf.getOrDefault(id, "");
            int begin = f.getInt(2);
            int end = f.getInt(3);
            // The figure with up to 30 characters either side, within its sentence.
            int sStart = text.lastIndexOf(sentence, begin);
            int lo = Math.max(begin - 30, sStart >= 0 ? sStart : 0);
            int hi = Math.min(end + 30, sStart >= 0 ? sStart + sentence.length() : text.length());
            String context = squash(normalise(text.substring(Math.max(0, lo), Math.min(text.length(), Math.max(hi, end)))));
            String before = squash(normalise(text.substring(Math.max(0, lo), begin)));
            String report = squash(p.report);
            boolean sentenceIn = report.contains(squash(normalise(sentence)));
            int at = report.indexOf(context);
            Place where = at >= 0 ? Place.REPORT : squash(p.endnotes).contains(context) ? Place.ENDNOTES : Place.PAGE;
            placed.add(new Placed(page, field, surface, where, sentenceIn, at >= 0 ? at + before.length() : -1, sentence,
                    attributes.toString()));
        }
        return placed;
    }

    private static String withoutPeriod(String attributes) {
        return attributes.replaceAll(" period_start=\\S+ period_end=\\S+$", "");
    }

    /** Page → published_date of one warehouse. */
    private static Map<String, String> dates(SparkSession spark, String location) {
        Map<String, String> out = new HashMap<>();
        for (Row a : new Warehouse(spark, location).read(Table.ARTICLES).select("article_id", "source_file", "published_date")
                .collectAsList()) {
            String file = a.getString(1) == null ? "" : a.getString(1);
            String segment = file.substring(file.lastIndexOf('/') + 1);
            out.put(segment.endsWith(".html") ? segment : a.getString(0), String.valueOf(a.get(2)));
        }
        return out;
    }

    private void figures() throws IOException {
        Map<String, Page> byName = new LinkedHashMap<>();
        for (Path file : pageFiles()) {
            Page p = Page.read(file);
            byName.put(p.name, p);
        }
        SparkSession spark = Warehouse.withDelta(SparkSession.builder()).master("local[2]").appName("frontline html-check")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "4").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        List<Placed> html;
        List<Placed> strip;
        int dateDiffers = 0;
        try {
            html = place(spark, htmlWarehouse, byName);
            strip = place(spark, stripWarehouse, byName);
            Map<String, String> htmlDates = dates(spark, htmlWarehouse);
            Map<String, String> stripDates = dates(spark, stripWarehouse);
            for (Map.Entry<String, String> e : htmlDates.entrySet()) {
                dateDiffers += e.getValue().equals(stripDates.get(e.getKey())) ? 0 : 1;
            }
        } finally {
            spark.stop();
        }
        // Report figures of the two runs, matched by page, position in the report and surface.
        Map<String, int[]> perPage = new TreeMap<>();
        for (String name : byName.keySet()) {
            perPage.put(name, new int[12]);
        }
        Map<String, List<Placed>> htmlKeys = new HashMap<>();
        Map<String, List<Placed>> stripKeys = new HashMap<>();
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("figures.tsv"), StandardCharsets.UTF_8)) {
            w.write("run\tpage\tfield\tplace\tsentence_in_report\treport_position\tsurface\tattributes\tsentence\n");
            for (String run : List.of("html", "strip")) {
                List<Placed> list = run.equals("html") ? html : strip;
                int base = run.equals("html") ? 0 : 6;
                for (Placed f : list) {
                    int[] c = perPage.computeIfAbsent(f.page, k -> new int[12]);
                    c[base]++;
                    c[base + 1 + f.place.ordinal()]++;
                    if (f.place == Place.REPORT && !f.sentenceInReport) {
                        c[base + 5]++;
                    }
                    if (f.place == Place.REPORT) {
                        (run.equals("html") ? htmlKeys : stripKeys).computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
                    }
                    w.write(String.join("\t", run, f.page, f.field, f.place.name().toLowerCase(Locale.ROOT),
                            String.valueOf(f.sentenceInReport), String.valueOf(f.position), normalise(f.surface),
                            f.attributes, head(normalise(f.sentence), 300)));
                    w.newLine();
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("figures-pages.tsv"), StandardCharsets.UTF_8)) {
            w.write("page\thtml_figures\thtml_title\thtml_report\thtml_endnotes\thtml_page\thtml_report_sentence_straddles"
                    + "\tstrip_figures\tstrip_title\tstrip_report\tstrip_endnotes\tstrip_page\tstrip_report_sentence_straddles\n");
            for (Map.Entry<String, int[]> e : perPage.entrySet()) {
                StringBuilder row = new StringBuilder(e.getKey());
                for (int v : e.getValue()) {
                    row.append('\t').append(v);
                }
                w.write(row.append('\n').toString());
            }
        }
        // Matched figures (by key; a key several figures share is matched in order) and whether the job says the same of them.
        int both = 0;
        int htmlOnly = 0;
        int sameAttributes = 0;
        int periodOnly = 0;
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, List<Placed>> e : htmlKeys.entrySet()) {
            List<Placed> other = stripKeys.getOrDefault(e.getKey(), List.of());
            List<Placed> mine = e.getValue();
            for (int i = 0; i < mine.size(); i++) {
                if (i >= other.size()) {
                    htmlOnly++;
                    continue;
                }
                both++;
                boolean samePlace = withoutPeriod(mine.get(i).attributes).equals(withoutPeriod(other.get(i).attributes));
                if (mine.get(i).attributes.equals(other.get(i).attributes)) {
                    sameAttributes++;
                } else {
                    periodOnly += samePlace ? 1 : 0;
                    differ.add(String.format(Locale.ROOT, "  %s \"%s\"%s%n    extraction: %s%n    tag-strip:  %s%n    extraction's sentence: %s%n    tag-strip's sentence:  %s",
                            mine.get(i).page, normalise(mine.get(i).surface), samePlace ? " (period only)" : "",
                            mine.get(i).attributes, other.get(i).attributes,
                            head(normalise(mine.get(i).sentence), 200), head(normalise(other.get(i).sentence), 200)));
                }
            }
        }
        int stripOnly = 0;
        for (Map.Entry<String, List<Placed>> e : stripKeys.entrySet()) {
            stripOnly += Math.max(0, e.getValue().size() - htmlKeys.getOrDefault(e.getKey(), List.of()).size());
        }
        int[] total = new int[12];
        for (int[] c : perPage.values()) {
            for (int i = 0; i < 12; i++) {
                total[i] += c[i];
            }
        }
        int n = byName.size();
        PrintStream o = System.out;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Territorial figures on %d pages (%s, %s)%n%n", n, htmlWarehouse, stripWarehouse));
        s.append("| text | figures | per page | in title | in the report | of which the sentence runs past the report"
                + " | in the endnotes | elsewhere on the page |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int base : new int[] {0, 6}) {
            s.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %d | %,d | %d | %d | %d |%n",
                    base == 0 ? "HtmlPage extraction" : "tag-strip", total[base], (double) total[base] / n, total[base + 1],
                    total[base + 2], total[base + 5], total[base + 3], total[base + 4]));
        }
        s.append(String.format(Locale.ROOT, "%nReport figures matched by position in the report and surface: %,d in both"
                        + " (%,d of them with the same attributes: %s), %,d only in the extraction's run, %,d only in the"
                        + " tag-strip's run%n", both, sameAttributes, String.join(", ", ATTRIBUTES), htmlOnly, stripOnly));
        s.append(String.format(Locale.ROOT, "Of the %,d whose attributes differ, %,d differ only in the period (the two runs'"
                + " published_date differs on %d pages: the HTML reader takes the page's own timestamp, as a UTC date;"
                + " the dump gives the file name's date)%n", both - sameAttributes, periodOnly, dateDiffers));
        if (!differ.isEmpty()) {
            s.append(String.format(Locale.ROOT, "Figures found in both runs whose attributes differ (up to %d):%n", examples));
            differ.stream().sorted().limit(examples).forEach(d -> s.append(d).append('\n'));
        }
        s.append(String.format(Locale.ROOT, "Per figure: %s; per page: %s%n", out.resolve("figures.tsv"),
                out.resolve("figures-pages.tsv")));
        Files.writeString(out.resolve("figures-summary.txt"), s.toString(), StandardCharsets.UTF_8);
        o.print(s);
    }
}
