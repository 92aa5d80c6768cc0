package org.frontline.gazetteer;

import java.util.List;

/**
 * The gazetteer's file format, shared by the builder (places.tsv.gz) and the loader (places.tsv.gz and the
 * hand-written curated.tsv): UTF-8, tab-separated, a header line, one row per place, empty for unknown,
 * alternate names separated by {@code |}. Values never hold a tab, a line break or (alternates) a {@code |}:
 * the builder drops names that do.
 */
final class PlacesTsv {
    static final List<String> COLUMNS = List.of("id", "name", "type", "country_code", "admin1_code", "latitude",
            "longitude", "population", "feature_code", "alternate_names");
    static final String HEADER = String.join("\t", COLUMNS);
    static final char ALT_SEPARATOR = '|';

    private PlacesTsv() {
    }

    /** A row as text, before or after parsing: coordinates keep their source spelling so that output is stable. */
    record Row(String id, String name, String type, String countryCode, String admin1Code, String latitude,
               String longitude, Long population, String featureCode, List<String> alternates) {

        String format() {
            StringBuilder b = new StringBuilder(128);
            b.append(id).append('\t').append(name).append('\t').append(type).append('\t')
                    .append(nz(countryCode)).append('\t').append(nz(admin1Code)).append('\t')
                    .append(nz(latitude)).append('\t').append(nz(longitude)).append('\t')
                    .append(population == null ? "" : population.toString()).append('\t')
                    .append(nz(featureCode)).append('\t');
            for (int i = 0; i < alternates.size(); i++) {
                if (i > 0) {
                    b.append(ALT_SEPARATOR);
                }
                b.append(alternates.get(i));
            }
            return b.toString();
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    /** The fields of a data line; {@code where} ("places.tsv.gz line 12") goes into the error message. */
    static String[] fields(String line, String where) {
        String[] f = line.split("\t", -1);
        if (f.length != COLUMNS.size()) {
            throw new IllegalArgumentException(where + ": expected " + COLUMNS.size() + " tab-separated columns ("
                    + HEADER.replace('\t', ' ') + "), found " + f.length);
        }
        if (f[0].isEmpty() || f[1].isEmpty()) {
            throw new IllegalArgumentException(where + ": id and name are required");
        }
        return f;
    }

    /** Empty → null. */
    static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
