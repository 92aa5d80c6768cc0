package org.frontline.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as one self-contained HTML file: the page ({@code report.html}, {@code report.js}), Vega, Vega-Lite and
 * Vega-Embed from their WebJars, the world's country outlines (world-atlas, Natural Earth 1:110m) and the datasets,
 * all inline, so that it opens with no network.
 *
 * <p>Why article text cannot run as script: it only ever travels inside JSON data blocks ({@code <script
 * type="application/json">}, with every {@code <}, {@code >} and {@code &} written as a JSON escape, so no tag can
 * close the block), and the page puts it on screen as text ({@code textContent}, Vega's escaped tooltips), never as
 * markup. A Content-Security-Policy allows only the page's own scripts (a nonce drawn per report) and no network.
 */
public final class ReportPage {
    /** The charting libraries, in load order: each WebJar's minified build (versions as in the pom). */
    static final List<String> LIBRARIES = List.of(
            "META-INF/resources/webjars/vega/5.32.0/vega.min.js",
            "META-INF/resources/webjars/vega-lite/5.23.0/vega-lite.min.js",
            "META-INF/resources/webjars/vega-embed/6.29.0/vega-embed.min.js");
    private static final String BASE = "org/frontline/report/";
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

    private ReportPage() {
    }

    /**
     * The page for {@code datasets} (name → JSON array, as the report's queries give them) and {@code meta} (a JSON
     * object: the warehouse, when, the limits).
     */
    public static String render(Map<String, String> datasets, String meta) {
        String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        StringBuilder libs = new StringBuilder();
        for (String lib : LIBRARIES) {
            libs.append(script(nonce, SCRIPT_END.matcher(resource(lib)).replaceAll("<\\\\/$1"))).append('\n');
        }
        StringBuilder data = new StringBuilder();
        data.append(dataBlock("meta", meta)).append('\n');
        data.append(dataBlock("world", resource(BASE + "countries-110m.json"))).append('\n');
        for (Map.Entry<String, String> e : datasets.entrySet()) {
            data.append(dataBlock(e.getKey(), e.getValue())).append('\n');
        }
        Map<String, String> slots = Map.of(
                "nonce", nonce,
                "libraries", libs.toString(),
                "data", data.toString(),
                "script", script(nonce, resource(BASE + "report.js")));
        Matcher m = SLOT.matcher(resource(BASE + "report.html"));
        StringBuilder page = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(page, Matcher.quoteReplacement(slots.get(m.group(1))));
        }
        m.appendTail(page);
        return page.toString();
    }

    /**
     * A JSON document as an inert data block. {@code <}, {@code >} and {@code &} occur in JSON only inside strings,
     * where their escapes mean the same: written so, nothing in the data can end the block or open a tag.
     */
    static String dataBlock(String id, String json) {
        String safe = json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return "<script type=\"application/json\" id=\"data-" + id + "\">" + safe + "</script>";
    }

    private static String script(String nonce, String code) {
        return "<script nonce=\"" + nonce + "\">" + code + "</script>";
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the application jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
