package org.frontline.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.ingest.Languages;
import org.frontline.ingest.TextCleaner;

/**
 * The job's language detection ({@link Languages}) measured on rss-2023: a simple random sample of its items
 * (seed 20261205, uniform over all months' lines), each cleaned as the job cleans it, against the feed's language
 * tag corrected by hand where the tag is wrong ({@code src/quality/languages-rss/adjudicated.tsv}). Prints, per
 * length bucket, how many English items were dropped and how many others were kept, and the detector's CPU time
 * per record. A development tool: needs ../shared/data.
 *
 * <p>Usage: {@code LanguageCheck [RSS_DIR] [N] [ADJUDICATED_TSV]}
 */
public final class LanguageCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL_POLISH_FEED = "https://businessinsider.com.pl/.feed";

    private LanguageCheck() {
    }

    private record Item(String id, String source, String tag, String title, String text) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/rss-2023");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path adjudicated = Path.of(args.length > 2 ? args[2] : "src/quality/languages-rss/adjudicated.tsv");
        Map<String, String> corrected = new HashMap<>();
        for (String line : Files.readAllLines(adjudicated)) {
            if (!line.startsWith("#") && !line.startsWith("id\t") && !line.isBlank()) {
                String[] cells = line.split("\t");
                corrected.put(cells[0], cells[1]);
            }
        }
        List<Item> items = sample(dir, n, 20261205L);
        Languages.detect("warm up the model", "and the detector before anything is timed, on a text long enough");

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Map<String, long[]> buckets = new TreeMap<>(); // bucket → items, non-English, English dropped, other kept, und
        long cpuNanos = 0;
        int undetermined = 0;
        for (Item item : items) {
            String reference = corrected.getOrDefault(item.id(), item.source().equals(ALL_POLISH_FEED) ? "pl"
                    : item.tag().toLowerCase(Locale.ROOT).split("-")[0]);
            if (reference.isEmpty()) {
                continue;
            }
            boolean english = reference.equals("en") || reference.equals("xx");
            String title = TextCleaner.clean(item.title());
            String text = TextCleaner.clean(item.text());
            long t0 = cpu.getCurrentThreadCpuTime();
            Languages.Guess guess = Languages.detect(title, text);
            cpuNanos += cpu.getCurrentThreadCpuTime() - t0;
            long[] b = buckets.computeIfAbsent(bucket(title, text), k -> new long[5]);
            b[0]++;
            b[1] += english ? 0 : 1;
            b[2] += english && !guess.annotatable() ? 1 : 0;
            b[3] += !english && guess.annotatable() ? 1 : 0;
            b[4] += guess.language().equals(Languages.UNDETERMINED) ? 1 : 0;
            undetermined += guess.language().equals(Languages.UNDETERMINED) ? 1 : 0;
        }
        System.out.println("| title + text | items | not English | English dropped | other languages kept | undetermined (annotated) |");
        System.out.println("|---|---|---|---|---|---|");
        long[] all = new long[5];
        buckets.forEach((k, b) -> {
            System.out.printf("| %s | %,d | %,d | %,d | %,d | %,d |%n", k.substring(2), b[0], b[1], b[2], b[3], b[4]);
            for (int i = 0; i < 5; i++) {
                all[i] += b[i];
            }
        });
        System.out.printf("| all | %,d | %,d | %,d | %,d | %,d |%n", all[0], all[1], all[2], all[3], all[4]);
        System.out.printf("English-vs-not accuracy %.2f%%; detection %.0f µs of CPU per record (one thread)%n",
                100.0 * (all[0] - all[2] - all[3]) / all[0], cpuNanos / 1e3 / all[0]);
    }

    private static String bucket(String title, String text) {
        int chars = title.length() + text.length();
        if (text.isEmpty()) {
            return "0 title only";
        }
        return chars < 100 ? "1 under 100 characters" : chars <= 500 ? "2 100–500 characters" : "3 over 500 characters";
    }

    /** {@code n} distinct lines drawn uniformly over the months' lines with {@code seed}, in file order. */
    private static List<Item> sample(Path dir, int n, long seed) throws IOException {
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("2023-0[2-9]\\.jsonl\\.gz")).sorted().toList();
        }
        long[] counts = new long[files.size()];
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            try (BufferedReader r = reader(files.get(i))) {
                while (r.readLine() != null) {
                    counts[i]++;
                }
            }
            total += counts[i];
        }
        Random random = new Random(seed);
        TreeSet<Long> picked = new TreeSet<>();
        while (picked.size() < n) {
            picked.add((long) (random.nextDouble() * total));
        }
        List<Item> items = new ArrayList<>(n);
        long base = 0;
        for (int i = 0; i < files.size(); i++) {
            String month = files.get(i).getFileName().toString().substring(0, 7);
            NavigableSet<Long> mine = picked.subSet(base, true, base + counts[i], false);
            try (BufferedReader r = reader(files.get(i))) {
                long index = base;
                for (String line; (line = r.readLine()) != null; index++) {
                    if (mine.contains(index)) {
                        JsonNode o = JSON.readTree(line);
                        items.add(new Item(month + ":" + (index - base + 1), o.path("source").asText(""),
                                o.path("language").asText(""), o.path("title").asText(""), o.path("description").asText("")));
                    }
                }
            }
            base += counts[i];
        }
        return items;
    }

    private static BufferedReader reader(Path gz) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz), 1 << 16),
                StandardCharsets.UTF_8));
    }
}
