package org.frontline.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.frontline.extract.regions.RegionResolver;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;

/**
 * How far the places the gazetteer resolves are from hand-placed ones: resolves the town / province / country
 * columns of the Eyes on Russia events (6,650 hand-geolocated events of 2022–2024) and measures the distance
 * from the resolved place's coordinates to the event's.
 */
final class EventPlaces {
    private EventPlaces() {
    }

    /** A Markdown report of the resolution of {@code csv}'s events. */
    static String report(Path csv, Gazetteer gazetteer) throws IOException {
        RegionResolver resolver = new RegionResolver(gazetteer);
        Map<String, List<Double>> km = new LinkedHashMap<>();
        for (String level : List.of("city", "admin1", "country", "none")) {
            km.put(level, new ArrayList<>());
        }
        int rows = 0;
        int withTown = 0;
        List<String> unresolvedTowns = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> header = Arrays.asList(csvLine(in.readLine()));
            int lat = header.indexOf("lat");
            int lon = header.indexOf("lon");
            int country = header.indexOf("country");
            int province = header.indexOf("province");
            int town = header.indexOf("town/city");
            for (String line; (line = in.readLine()) != null; ) {
                String[] c = csvLine(line);
                double eventLat;
                double eventLon;
                try {
                    eventLat = Double.parseDouble(c[lat]);
                    eventLon = Double.parseDouble(c[lon]);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    continue; // an event without coordinates cannot be compared
                }
                rows++;
                if (!c[town].isBlank()) {
                    withTown++;
                }
                Optional<Place> place = resolver.resolve(c[town], c[province], c[country]);
                String level = place.map(Place::type).orElse("none");
                if (!c[town].isBlank() && !level.equals("city") && unresolvedTowns.size() < 25) {
                    unresolvedTowns.add(c[town] + " (" + c[province] + ", " + c[country] + ")");
                }
                place.ifPresentOrElse(p -> km.get(level.equals("other") ? "admin1" : level)
                                .add(haversineKm(eventLat, eventLon, p.latitude(), p.longitude())),
                        () -> km.get("none").add(Double.NaN));
            }
        }
        StringBuilder s = new StringBuilder("## Places of the Eyes on Russia events\n\n");
        s.append(String.format(Locale.ROOT, "%,d events with coordinates, %,d with a town.%n%n", rows, withTown));
        s.append("| resolved to | events | share | median km | within 25 km |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Double>> e : km.entrySet()) {
            List<Double> d = e.getValue();
            if (e.getKey().equals("none")) {
                s.append(String.format(Locale.ROOT, "| nothing | %,d | %.1f%% | | |%n", d.size(), 100.0 * d.size() / rows));
                continue;
            }
            List<Double> sorted = d.stream().sorted().toList();
            double median = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
            long near = d.stream().filter(x -> x <= 25).count();
            s.append(String.format(Locale.ROOT, "| %s | %,d | %.1f%% | %.1f | %.1f%% |%n", e.getKey(), d.size(),
                    100.0 * d.size() / rows, median, d.isEmpty() ? 0 : 100.0 * near / d.size()));
        }
        List<Double> towns = km.get("city");
        long townsNear = towns.stream().filter(x -> x <= 25).count();
        s.append(String.format(Locale.ROOT, "%nOf the %,d events with a town, %.1f%% resolved to a town, and %.1f%% of"
                        + " all events with a town lie within 25 km of the resolved town.%n",
                withTown, 100.0 * towns.size() / withTown, 100.0 * townsNear / withTown));
        s.append("\nTowns not resolved (first 25): ").append(String.join("; ", unresolvedTowns)).append('\n');
        return s.toString();
    }

    /** Great-circle distance in km. */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** One CSV line (no line breaks inside quotes in this file). */
    static String[] csvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
