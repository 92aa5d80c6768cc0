package org.frontline.ingest;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The article in a saved web page: its title, publication date, main text, URL and site name, read from the
 * page's HTML with jsoup (a maintained HTML5 parser: browsers' tree-building rules for broken markup, every named
 * entity) rather than with patterns over the markup.
 *
 * <p><b>Main text.</b> A saved page is mostly not the article: menus, headers, footers, sidebars, share buttons,
 * comments, scripts. Code and things nobody reads go first (script, style, noscript, template, iframe, svg, form,
 * buttons, media, elements marked {@code hidden}, {@code display:none} or with a screen-reader-only class), then
 * the page's chrome (nav, aside, ARIA navigation/banner/contentinfo/complementary/search regions, and header and
 * footer elements outside the article: a header inside an {@code <article>} is the article's own, with its
 * headline and date), then blocks whose class or id says comments, sharing, related stories, sidebars, menus or
 * adverts, unless they also say article, body, content, entry, main, post, story or text, or hold the article or
 * the headline (a {@code div#page.has-sidebar} wraps everything). What is left is scored as Readability (Mozilla's
 * reader view, and Boilerpipe before it) does, because markup alone does not say where the article is: sites use
 * {@code <article>} and {@code <main>} for teasers and whole pages alike, and most pages, Drupal and WordPress
 * themes among them, use neither. So:
 * <ol>
 *   <li>an {@code <article>}, else a {@code <main>} or {@code [role=main]}, is the <em>scope</em> only when it
 *       holds at least half of the page's paragraph text (a teaser {@code <article>} in a sidebar does not);</li>
 *   <li>within the scope, each paragraph ({@code <p>}, {@code <pre>}, a list item, or a div, cell or quote
 *       holding only inline content, as many CMSs write paragraphs) scores its characters outside links (lists
 *       of links are navigation, not prose) for the block that holds it, and half as much for that block's
 *       parent; a list item counts for the block that holds its list, so "key takeaways" bullets count with the
 *       paragraphs around them; the highest-scoring block is the article body, because prose sits in runs of
 *       sibling paragraphs while boilerplate is scattered and link-heavy;</li>
 *   <li>siblings of that block are added when they score at least a fifth as much, or are paragraphs of prose
 *       themselves (a lead paragraph above the body's div, a body split by a figure);</li>
 *   <li>a paragraph made mostly of link text (related-story links, a list of source URLs) is left out.</li>
 * </ol>
 * No minimum length applies: a page with one short paragraph gives that paragraph, and a page without any
 * paragraph gives the scope's whole text. A page with neither gives "" (the reader quarantines it).
 *
 * <p><b>Layout.</b> The text is prose for CoreNLP, whose profile ends a sentence at a blank line: every block
 * (paragraph, heading, list item, table row, quote, caption…) is a paragraph of its own, separated by a blank
 * line, so that a heading or a bullet never runs into the next sentence; {@code <br>} is a line break; inline
 * elements join without spaces being invented ({@code <strong>Kyiv</strong>, <a>Ukraine</a>} is "Kyiv,
 * Ukraine"), whitespace within a block collapses as a browser shows it, entities are decoded, images' alt text is
 * not text. The headline used as the title is not repeated at the head of the text (title and text are both
 * annotated). The text is already in the form {@link TextCleaner#clean} produces, which leaves it as it is
 * unless the page's visible text itself looks like markup (a literal "&lt;b&gt;" or "**"), which is then
 * cleaned as in any other format.
 *
 * <p><b>Fields.</b> See {@link #title()}, {@link #date()}, {@link #url()}, {@link #source()}. Pure: no Spark, no
 * I/O; one call parses one page.
 */
public final class HtmlPage {

    /** What {@link #date()} looks for, in order: the detail of a {@code missing_date} rejection. */
    public static final String DATE_SOURCES = "meta article:published_time; meta name date, pubdate,"
            + " publishdate, dc.date, dcterms.date or DC.date.issued; meta itemprop=datePublished; an element with"
            + " property dc:date or dc:created, or itemprop=datePublished, and a content or datetime attribute;"
            + " JSON-LD datePublished; <time datetime> in the main content; a date in the page's URL (/2024/03/15/);"
            + " a YYYY-MM-DD date in the file name";

    private static final Set<String> DATE_META_NAMES =
            Set.of("date", "pubdate", "publishdate", "dc.date", "dcterms.date", "dc.date.issued");

    /** Code and controls: never text. */
    private static final String NOT_CONTENT = "script, style, noscript, template, iframe, frame, frameset, svg,"
            + " form, button, input, select, textarea, object, embed, canvas, video, audio, dialog";
    /** Hidden from readers. */
    private static final String HIDDEN = "[hidden], [style~=(?i)display\\s*:\\s*none], [style~=(?i)visibility\\s*:\\s*hidden]";
    /** Visually hidden text for screen readers ("Skip to main content", "Share on X (opens in a new window)"). */
    private static final List<String> HIDDEN_CLASSES = List.of("hidden", "invisible", "element-invisible",
            "element-hidden", "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text");
    /** The page's chrome: removed unless it holds the article (a site that wraps everything in a nav). */
    private static final String CHROME = "nav, aside, [role=navigation], [role=banner], [role=contentinfo],"
            + " [role=complementary], [role=search], menu";
    private static final String MAIN = "article, main, [role=main]";
    /** Class or id words of blocks that are not the article (Readability's "unlikely candidates", trimmed). */
    private static final Pattern UNLIKELY = Pattern.compile("(?i)(?:^|[\\s_-])(?:comments?|disqus|replies|share"
            + "|sharing|social|related|recommended|promo|sponsor(?:ed)?|advert\\w*|ads?|adslot|banner|sidebar"
            + "|widget|newsletter|subscribe|cookie|consent|gdpr|breadcrumbs?|pagination|pager|popup|modal|masthead"
            + "|menu|navbar|skip-link|toolbar|header|footer|teasers?|outbrain|taboola|read-?more|most-?read"
            + "|popular|trending)(?=$|[\\s_-])");
    /** Class or id words that keep a block although it also looks unlikely ("article-share" is kept; it scores little). */
    private static final Pattern LIKELY = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:article|body|content|entry|main|post|story|text)(?=$|[\\s_-])");

    /** Elements that make a paragraph break in the text; every other element is inline. */
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body",
            "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main",
            "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
            "legend", "html");
    /** Table cells: a space between neighbours, so that cells do not run into one word. */
    private static final Set<String> CELL = Set.of("td", "th");
    /** Blocks that hold a paragraph when they hold only inline content. */
    private static final Set<String> LEAF_PARAGRAPH = Set.of("li", "dd", "dt", "td", "th", "div", "section",
            "blockquote", "center", "figcaption", "address");
    /** List structure: a list item's paragraph counts for the block that holds the list. */
    private static final Set<String> LIST = Set.of("ul", "ol", "li", "dl", "dd", "dt", "menu", "dir");
    /** Left out of the text even inside the main content: the article's own header and footer, asides. */
    private static final Set<String> SKIP_IN_TEXT = Set.of("header", "footer", "nav", "aside", "menu");

    /** A paragraph whose text is at least this share of link text is a list of links, not prose. */
    private static final double LINK_PARAGRAPH = 0.8;
    /** A URL as plain text, with the "dot"-spelled parts sources use to defuse links ("http://kremlin dot ru/…"). */
    private static final Pattern URL_TEXT = Pattern.compile("(?:https?://|www\\.)\\S*(?:\\s+dot\\s+\\S+)*");
    private static final double SIBLING_SHARE = 0.2;

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(?:\\||-|\u2013|\u2014|::|\u00B7|\u2022|/)\\s+");
    /** A date as a URL path writes it: /2024/03/15/, /2024/3/5/, /2024-03-15 (news sites' permalinks). */
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?=[/._-]|$)");
    private static final Pattern FILE_NAME_DATE = Pattern.compile("(?<!\\d)(\\d{4}-\\d{2}-\\d{2})(?!\\d)");
    /** "2024-04-18T09:30:00+0300" (no colon in the offset, common in meta tags) → "+03:00", which java.time reads. */
    private static final Pattern OFFSET_WITHOUT_COLON =
            Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)\\s*([+-]\\d{2})(\\d{2})$");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f]+");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "backgroundnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "blogposting",
            "report", "scholarlyarticle", "techarticle", "liveblogposting", "socialmediaposting");
    private static final int JSON_LD_DEPTH = 12;

    private final String title;
    private final String date;
    private final DateSource dateSource;
    private final String text;
    private final String url;
    private final String source;

    private HtmlPage(String title, String date, DateSource dateSource, String text, String url, String source) {
        this.title = title;
        this.date = date;
        this.dateSource = dateSource;
        this.text = text;
        this.url = url;
        this.source = source;
    }

    /**
     * Reads one page.
     *
     * @param html     the page, decoded
     * @param fileName the page's file name, for the date when the page's metadata has none (saved pages are often
     *                 named by date: {@code 2022-09-12.html})
     */
    public static HtmlPage parse(String html, String fileName) {
        return parse(html, fileName, null);
    }

    /**
     * Reads one page fetched from {@code pageUrl} (a web archive's target URI): relative links resolve against it,
     * it is the article's URL when the page names none, and a date in it dates the page when its metadata does not.
     */
    public static HtmlPage parse(String html, String fileName, String pageUrl) {
        String page = html == null ? "" : html;
        Document doc = pageUrl == null ? Jsoup.parse(page) : Jsoup.parse(page, pageUrl);

        // Metadata first, from the page as served (JSON-LD lives in scripts, dates in headers that go later).
        String siteName = firstContent(doc, "meta[property=og:site_name], meta[name=og:site_name]",
                "meta[name=application-name]");
        String metaTitle = notSiteName(firstContent(doc, "meta[property=og:title], meta[name=og:title]",
                "meta[name=twitter:title], meta[property=twitter:title]"), siteName);
        String url = articleUrl(doc);
        if (url == null && pageUrl != null) {
            url = articleUrlOrNull(pageUrl);
        }
        List<String> dates = metadataDates(doc);
        String documentTitle = titleWithoutSiteName(normalise(doc.title()), siteName);

        Body body = Body.of(doc, true, metaTitle, siteName);
        if (body.text.isEmpty()) {
            // Nothing left: the hiding or the class names misled us (a page revealed by a script, a site whose
            // wrapper is called "has-sidebar"). Try again with only code and the page's chrome removed.
            body = Body.of(Jsoup.parse(page), false, metaTitle, siteName);
        }
        String title = metaTitle != null ? metaTitle : body.headline != null ? body.headline : documentTitle;
        if (title != null && title.isEmpty()) {
            title = null;
        }
        if (body.time != null) {
            dates.add(body.time);
        }
        // Candidates in order, each with where it came from: the metadata's, then the URL's, then the file name's.
        List<DateSource> origins = new ArrayList<>(java.util.Collections.nCopies(dates.size(), DateSource.PAGE_METADATA));
        String urlDate = urlDate(url != null ? url : pageUrl);
        if (urlDate != null) {
            dates.add(urlDate);
            origins.add(DateSource.URL);
        }
        if (fileName != null) {
            Matcher m = FILE_NAME_DATE.matcher(InputFormat.lastSegment(fileName));
            if (m.find()) {
                dates.add(m.group(1));
                origins.add(DateSource.FILE_NAME);
            }
        }
        int picked = pickDate(dates);
        return new HtmlPage(title, picked < 0 ? null : normaliseDate(dates.get(picked)),
                picked < 0 ? null : origins.get(picked), withoutLeadingTitle(body.text, title), url, siteName);
    }

    /** A {@code /2024/03/15/} or {@code /2024-03-15} date in a URL's path, as {@code 2024-03-15}; null if none. */
    static String urlDate(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        Matcher m = URL_DATE.matcher(query < 0 ? url : url.substring(0, query));
        if (!m.find()) {
            return null;
        }
        return String.format(Locale.ROOT, "%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    /** The text without a first paragraph that only repeats the title (many bodies start with their headline). */
    private static String withoutLeadingTitle(String text, String title) {
        if (title == null || text.length() < title.length()) {
            return text;
        }
        int end = text.indexOf("\n\n");
        String first = end < 0 ? text : text.substring(0, end);
        if (!first.equalsIgnoreCase(title)) {
            return text;
        }
        return end < 0 ? "" : text.substring(end + 2);
    }

    /** What the body gives: the main text, the headline, the {@code datetime} of a {@code <time>} in the article. */
    private record Body(String text, String headline, String time) {

        static Body of(Document doc, boolean strict, String metaTitle, String siteName) {
            Element body = doc.body();
            removeNonContent(body, strict);
            Element scope = scope(body);
            Element time = scope == body ? null : scope.selectFirst("time[datetime]");
            List<Element> content = mainContent(scope);
            for (int i = 0; time == null && i < content.size(); i++) {
                time = content.get(i).selectFirst("time[datetime]");
            }
            Element h1 = findHeadline(content, body, siteName);
            String headline = h1 == null ? null : normalise(h1.text());
            // The headline that is the title is not repeated as the text's first paragraph.
            boolean isTitle = headline != null && (metaTitle == null || metaTitle.equalsIgnoreCase(headline));
            String text = render(content, isTitle ? h1 : null);
            return new Body(text, headline, time == null ? null : time.attr("datetime"));
        }
    }

    /**
     * The headline: {@code og:title} or {@code twitter:title} unless it is only the site's name, else the first
     * {@code <h1>} in the main content or in the nearest block around it, else {@code <title>} without a
     * " | Site name" (or " - Site name") part that is the site's name.
     */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /**
     * The publication date or timestamp as the page gives it (an offset kept, so that it becomes the right UTC
     * date): the first of {@link #DATE_SOURCES} that is a date; if none is, the first found (which then fails
     * validation as {@code invalid_date}); empty if there is none.
     */
    public Optional<String> date() {
        return Optional.ofNullable(date);
    }

    /** This page dated {@code date} from {@code source}: for a page whose own metadata holds no date. */
    HtmlPage withDate(String date, DateSource source) {
        return new HtmlPage(title, date, source, text, url, this.source);
    }

    /** Where {@link #date()} came from: the page's metadata, its URL or its file name; empty with no date. */
    public Optional<DateSource> dateSource() {
        return Optional.ofNullable(dateSource);
    }

    /** The main content as prose: paragraphs separated by a blank line; "" when the page has none. */
    public String text() {
        return text;
    }

    /**
     * The article's URL: {@code link[rel=canonical]}, else {@code og:url}, when absolute (http or https, directly
     * or through {@code <base href>}) and more than a site's root (a saved page's metadata often names only the
     * site); empty otherwise.
     */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The site's name: {@code og:site_name}, else {@code application-name}; empty otherwise (the validator then uses the URL's host). */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    // ---- metadata ----

    /** The first non-blank {@code content} of the first selector that has one. */
    private static String firstContent(Document doc, String... selectors) {
        for (String selector : selectors) {
            for (Element e : doc.select(selector)) {
                String v = normalise(e.attr("content"));
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String notSiteName(String title, String siteName) {
        return title == null || (siteName != null && title.equalsIgnoreCase(siteName)) ? null : title;
    }

    private static String titleWithoutSiteName(String title, String siteName) {
        if (title == null || title.isEmpty() || siteName == null) {
            return title;
        }
        Matcher m = TITLE_SEPARATOR.matcher(title);
        int firstStart = -1;
        int firstEnd = -1;
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            if (firstStart < 0) {
                firstStart = m.start();
                firstEnd = m.end();
            }
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart > 0 && title.substring(lastEnd).equalsIgnoreCase(siteName)) {
            return title.substring(0, lastStart);
        }
        if (firstStart > 0 && firstEnd < title.length() && title.substring(0, firstStart).equalsIgnoreCase(siteName)) {
            return title.substring(firstEnd);
        }
        return title;
    }

    private static String articleUrl(Document doc) {
        for (Element link : doc.select("link[rel~=(?i)^canonical$][href]")) {
            String u = articleUrlOrNull(link.absUrl("href"));
            if (u != null) {
                return u;
            }
        }
        for (Element meta : doc.select("meta[property=og:url], meta[name=og:url]")) {
            String absolute = meta.absUrl("content");
            String u = articleUrlOrNull(absolute.isEmpty() ? meta.attr("content") : absolute);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    /** The URL when it is absolute http(s) with a path beyond "/" or a query; null otherwise. */
    static String articleUrlOrNull(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return null;
        }
        String u = candidate.trim();
        try {
            URI uri = new URI(u.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            boolean root = (path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null;
            return root ? null : u;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The date candidates of the page's metadata, in the order of {@link #DATE_SOURCES}. */
    private static List<String> metadataDates(Document doc) {
        List<String> dates = new ArrayList<>();
        for (Element e : doc.select("meta[property=article:published_time], meta[name=article:published_time]")) {
            addIfPresent(dates, e.attr("content"));
        }
        for (Element e : doc.select("meta[name]")) {
            if (DATE_META_NAMES.contains(e.attr("name").trim().toLowerCase(Locale.ROOT))) {
                addIfPresent(dates, e.attr("content"));
            }
        }
        for (Element e : doc.select("meta[itemprop=datePublished]")) {
            addIfPresent(dates, e.attr("content"));
        }
        for (Element e : doc.select("[property~=(?i)(^|\\s)dc:(date|created)(\\s|$)], [itemprop=datePublished]")) {
            addIfPresent(dates, e.hasAttr("content") && !e.attr("content").isBlank() ? e.attr("content") : e.attr("datetime"));
        }
        for (Element script : doc.select("script[type~=(?i)^\\s*application/ld\\+json]")) {
            addIfPresent(dates, jsonLdDatePublished(script.data()));
        }
        return dates;
    }

    private static void addIfPresent(List<String> dates, String value) {
        if (value != null && !value.isBlank()) {
            dates.add(value.trim());
        }
    }

    /** {@code datePublished} of a JSON-LD block: an article's when there is one ({@code @graph}s often hold a WebPage too). */
    static String jsonLdDatePublished(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json.trim());
        } catch (java.io.IOException | RuntimeException e) {
            return null; // a broken JSON-LD block is the site's problem; the other sources may still give a date
        }
        String[] found = new String[2]; // [0]: an article type's, [1]: any
        findDatePublished(root, found, 0);
        return found[0] != null ? found[0] : found[1];
    }

    private static void findDatePublished(JsonNode node, String[] found, int depth) {
        if (node == null || depth > JSON_LD_DEPTH || found[0] != null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                findDatePublished(child, found, depth + 1);
            }
        } else if (node.isObject()) {
            JsonNode published = node.get("datePublished");
            if (published != null && published.isTextual() && !published.asText().isBlank()) {
                if (isArticleType(node.get("@type"))) {
                    found[0] = published.asText().trim();
                    return;
                }
                if (found[1] == null) {
                    found[1] = published.asText().trim();
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                findDatePublished(field.getValue(), found, depth + 1);
            }
        }
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.asText().toLowerCase(Locale.ROOT);
        return ARTICLE_TYPES.contains(t.substring(t.lastIndexOf('/') + 1));
    }

    /** The first candidate that is a date in range; else the first candidate (to be reported invalid); else null. */
    /** The index of the first candidate that is a date; if none is, 0 (which then fails validation); -1 if none. */
    private static int pickDate(List<String> candidates) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < candidates.size(); i++) {
            try {
                Dates.parsePublished(normaliseDate(candidates.get(i)), today);
                return i;
            } catch (DateTimeException e) {
                // the next source may hold a usable date
            }
        }
        return candidates.isEmpty() ? -1 : 0;
    }

    static String normaliseDate(String value) {
        String v = value.trim();
        Matcher m = OFFSET_WITHOUT_COLON.matcher(v);
        return m.matches() ? m.group(1) + m.group(2) + ":" + m.group(3) : v;
    }

    // ---- main content ----

    private static void removeNonContent(Element body, boolean strict) {
        body.select(strict ? NOT_CONTENT + ", " + HIDDEN : NOT_CONTENT).remove();
        if (strict) {
            for (String cls : HIDDEN_CLASSES) {
                for (Element e : body.getElementsByClass(cls)) {
                    if (e != body && e.parent() != null && !holdsArticle(e)) {
                        e.remove();
                    }
                }
            }
        }
        for (Element e : body.select(CHROME)) {
            if (e.parent() != null && !holdsArticle(e)) {
                e.remove();
            }
        }
        // A header or footer inside an article is the article's own (headline, byline, date): kept for the title
        // and the date, left out of the text when it is rendered.
        for (Element e : body.select("header, footer")) {
            if (e.parent() != null && e.closest(MAIN) == null && !holdsArticle(e)) {
                e.remove();
            }
        }
        if (!strict) {
            return;
        }
        List<Element> unlikely = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (names.isBlank() || !UNLIKELY.matcher(names).find() || LIKELY.matcher(names).find()) {
                continue;
            }
            if (!holdsArticle(e) && e.selectFirst("h1") == null) {
                unlikely.add(e);
            }
        }
        for (Element e : unlikely) {
            e.remove();
        }
    }

    private static boolean holdsArticle(Element e) {
        return e.selectFirst(MAIN) != null;
    }

    /** The {@code <article>}, else {@code <main>}, that holds at least half of the page's paragraph text; else the body. */
    private static Element scope(Element body) {
        Scores pageScores = new Scores(body);
        double page = pageScores.total;
        if (page <= 0) {
            Element only = body.selectFirst("article");
            return only != null ? only : firstOr(body.selectFirst("main, [role=main]"), body);
        }
        for (String selector : List.of("article", "main, [role=main]")) {
            Element best = null;
            double bestText = 0;
            for (Element candidate : body.select(selector)) {
                double t = pageScores.textWithin(candidate);
                if (t > bestText) {
                    best = candidate;
                    bestText = t;
                }
            }
            if (best != null && bestText >= page / 2) {
                return best;
            }
        }
        return body;
    }

    private static Element firstOr(Element e, Element fallback) {
        return e != null ? e : fallback;
    }

    /** The block with the highest paragraph score within the scope, and the siblings that belong with it. */
    private static List<Element> mainContent(Element scope) {
        Scores scores = new Scores(scope);
        Element top = scores.top();
        if (top == null) {
            return List.of(scope);
        }
        if (top == scope || top.parent() == null) {
            return List.of(top);
        }
        double topScore = scores.score(top);
        List<Element> content = new ArrayList<>();
        for (Element sibling : top.parent().children()) {
            if (sibling == top || scores.score(sibling) >= SIBLING_SHARE * topScore || isProse(sibling, scores)) {
                content.add(sibling);
            }
        }
        return content;
    }

    /** Readability's test for a sibling paragraph: long and few links, or short, no link and a sentence's end. */
    private static boolean isProse(Element e, Scores scores) {
        if (!e.normalName().equals("p")) {
            return false;
        }
        Scores.Paragraph p = scores.paragraph(e);
        if (p == null || p.chars == 0) {
            return false;
        }
        double linkDensity = (double) p.linkChars / p.chars;
        if (p.chars >= 80) {
            return linkDensity < 0.25;
        }
        return p.linkChars == 0 && p.text.matches("(?s).*[.!?][\"'\u201D\u2019)]?$");
    }

    /**
     * The headline: the first {@code <h1>} in the content, else in the nearest block around it that has one (the
     * headline sits above the body, in the block that holds both), not the site's name.
     */
    private static Element findHeadline(List<Element> content, Element body, String siteName) {
        Element around = content.get(0);
        for (Element block = around; block != null; block = block.parent()) {
            for (Element h1 : block.select("h1")) {
                String t = normalise(h1.text());
                if (!t.isEmpty() && (siteName == null || !t.equalsIgnoreCase(siteName))) {
                    return h1;
                }
            }
            if (block == body) {
                break;
            }
        }
        return null;
    }

    /** The paragraph scores of a subtree (see the class comment). */
    private static final class Scores {
        private final Element root;
        private final Map<Element, Double> byBlock = new IdentityHashMap<>();
        private final Map<Element, Paragraph> paragraphs = new IdentityHashMap<>();
        private final List<Paragraph> inOrder = new ArrayList<>();
        private double total;

        record Paragraph(Element element, String text, int chars, int linkChars, double score) {
        }

        Scores(Element root) {
            this.root = root;
            Map<Element, Boolean> holdsBlock = new IdentityHashMap<>();
            // Post-order: whether each element holds a block element, computed once per element.
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e) {
                        boolean holds = false;
                        for (Element child : e.children()) {
                            if (BLOCK.contains(child.normalName()) || holdsBlock.getOrDefault(child, false)) {
                                holds = true;
                                break;
                            }
                        }
                        holdsBlock.put(e, holds);
                    }
                }
            }, root);
            for (Element e : root.getAllElements()) {
                String tag = e.normalName();
                boolean paragraph = tag.equals("p") || tag.equals("pre")
                        || (LEAF_PARAGRAPH.contains(tag) && !holdsBlock.getOrDefault(e, false) && e != root);
                if (!paragraph || insideSkipped(e)) {
                    continue;
                }
                String text = normalise(e.text());
                if (text.isEmpty()) {
                    continue;
                }
                int linkChars = 0;
                for (Element a : e.select("a")) {
                    linkChars += normalise(a.text()).length();
                }
                // A URL written out is a link too ("[2] https://t dot me/channel/41184" in a list of sources,
                // linked on "https://t" or not at all): counted as link text, so that the list is no prose.
                int urlChars = 0;
                for (Matcher m = URL_TEXT.matcher(text); m.find(); ) {
                    urlChars += m.end() - m.start();
                }
                linkChars = Math.min(Math.max(linkChars, urlChars), text.length());
                double score = text.length() - linkChars;
                Paragraph p = new Paragraph(e, text, text.length(), linkChars, score);
                paragraphs.put(e, p);
                inOrder.add(p);
                total += score;
                if (score <= 0) {
                    continue;
                }
                Element block = holder(e);
                if (block == null) {
                    continue;
                }
                byBlock.merge(block, score, Double::sum);
                if (block != root && block.parent() != null) {
                    byBlock.merge(block.parent(), score / 2, Double::sum);
                }
            }
        }

        /** Whether an element is inside the article's own header or footer (or an aside) below the root. */
        private boolean insideSkipped(Element e) {
            for (Element p = e.parent(); p != null && p != root; p = p.parent()) {
                if (SKIP_IN_TEXT.contains(p.normalName())) {
                    return true;
                }
            }
            return false;
        }

        /** The block a paragraph counts for: its nearest block ancestor outside list structure, within the root. */
        private Element holder(Element paragraph) {
            Element e = paragraph.parent();
            while (e != null && e != root && (LIST.contains(e.normalName()) || !BLOCK.contains(e.normalName()))) {
                e = e.parent();
            }
            return e;
        }

        Element top() {
            Element best = null;
            double bestScore = 0;
            for (Paragraph p : inOrder) {
                // Walk the blocks in document order of their first paragraph, so that ties go to the earlier.
                for (Element block = holder(p.element); block != null; block = block == root ? null : block.parent()) {
                    double s = byBlock.getOrDefault(block, 0.0);
                    if (s > bestScore) {
                        best = block;
                        bestScore = s;
                    }
                    if (block == root) {
                        break;
                    }
                }
            }
            return best;
        }

        double score(Element block) {
            return byBlock.getOrDefault(block, 0.0);
        }

        Paragraph paragraph(Element e) {
            return paragraphs.get(e);
        }

        /** The paragraph text (outside links) inside an element. */
        double textWithin(Element ancestor) {
            double sum = 0;
            for (Paragraph p : inOrder) {
                if (p.element == ancestor || isWithin(p.element, ancestor)) {
                    sum += p.score;
                }
            }
            return sum;
        }

        private static boolean isWithin(Element e, Element ancestor) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (p == ancestor) {
                    return true;
                }
            }
            return false;
        }

        boolean isLinkList(Element e) {
            Paragraph p = paragraphs.get(e);
            return p != null && p.chars > 0 && p.linkChars >= LINK_PARAGRAPH * p.chars;
        }
    }

    // ---- text ----

    private static String render(List<Element> content, Element skipHeading) {
        StringBuilder out = new StringBuilder();
        for (Element root : content) {
            Scores scores = new Scores(root);
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof TextNode t) {
                        boolean pre = t.parent() != null && t.parent().closest("pre") != null;
                        out.append(pre ? t.getWholeText() : WHITESPACE.matcher(t.getWholeText()).replaceAll(" "));
                        return FilterResult.CONTINUE;
                    }
                    if (!(node instanceof Element e)) {
                        return FilterResult.SKIP_ENTIRELY; // comments, doctype, data
                    }
                    String tag = e.normalName();
                    if (e == skipHeading || (e != root && (SKIP_IN_TEXT.contains(tag) || scores.isLinkList(e)))) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCK.contains(tag)) {
                        out.append("\n\n");
                    } else if (CELL.contains(tag)) {
                        out.append(' ');
                    }
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof Element e) {
                        if (BLOCK.contains(e.normalName())) {
                            out.append("\n\n");
                        } else if (CELL.contains(e.normalName())) {
                            out.append(' ');
                        }
                    }
                    return FilterResult.CONTINUE;
                }
            }, root);
            out.append("\n\n");
        }
        return TextCleaner.normaliseWhitespace(out.toString());
    }

    /** Whitespace collapsed and trimmed, non-breaking and other Unicode spaces included. */
    private static String normalise(String s) {
        if (s == null) {
            return "";
        }
        return TextCleaner.normaliseWhitespace(s.replace('\n', ' '));
    }

    @Override
    public String toString() {
        return "HtmlPage[title=" + title + ", date=" + date + ", url=" + url + ", source=" + source + ", text="
                + Utf8.truncate(text, 60) + "]";
    }
}
