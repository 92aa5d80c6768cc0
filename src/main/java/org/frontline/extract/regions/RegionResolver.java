package org.frontline.extract.regions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.frontline.extract.Names;
import org.frontline.extract.RegionMention;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;

/**
 * Resolves an article's place spans to canonical regions of the gazetteer.
 *
 * <p>The rule, for a name that several places bear (Georgia, Paris, Odessa, Kursk, Mykolaiv):
 * <ol>
 *   <li>a name of curated.tsv is that curated region ("Gaza" is the Strip); "X region / oblast / province / krai"
 *       takes only first-level regions (or the region of a city X); a bare name shared by a first-level region
 *       and a city in it is the city ("Kursk", "Donetsk");</li>
 *   <li>each candidate gets a prior: a country 16, a first-level or curated region 12, a populated place
 *       2 + 2·log10(population) (Kursk, 440k: 13.3; a town of 15k: 10.4), +1 when the name is the place's
 *       canonical name rather than an alternate. So a bare "Donetsk" is the city of a million rather than the
 *       oblast, "Georgia" the country, "Paris" the French capital, "Odessa" the Ukrainian port;</li>
 *   <li>the article's other places then vote: a candidate in a country that holds a share s of the article's
 *       other resolved places gains 6·s (a country or region) or 4·s (a place), and a place inside a
 *       first-level region named elsewhere in the article gains 3: "Georgia" among Atlanta and Savannah is the
 *       US state, "Paris" next to "Texas" the Texan town, but "Washington" in an article on Pennsylvania is
 *       still the capital. A place's own mentions never vote for it.</li>
 * </ol>
 * A span with no candidate keeps its surface, type {@code other} and a null id.
 */
public final class RegionResolver {
    private final Gazetteer gazetteer;

    public RegionResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The regions of one article's place spans (title and text together: they share one context). */
    List<RegionMention> resolve(List<PlaceSpan> spans) {
        List<List<Place>> candidates = new ArrayList<>(spans.size());
        List<String> keys = new ArrayList<>(spans.size());
        List<Place> first = new ArrayList<>(spans.size());
        for (PlaceSpan s : spans) {
            keys.add(Gazetteer.key(s.name()));
            List<Place> c = candidates(s);
            candidates.add(c);
            first.add(best(c, keys.get(keys.size() - 1), Context.NONE));
        }
        List<Place> resolved = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Context context = Context.of(first, keys, keys.get(i));
            resolved.add(best(candidates.get(i), keys.get(i), context));
        }
        Set<String> supported = new LinkedHashSet<>();
        for (int i = 0; i < spans.size(); i++) {
            if (resolved.get(i) != null && !spans.get(i).needsSupport()) {
                supported.add(resolved.get(i).id());
            }
        }
        List<RegionMention> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            PlaceSpan s = spans.get(i);
            Place p = resolved.get(i);
            if (s.needsSupport() && (p == null || !(supported.contains(p.id()) || !p.type().equals("city")))) {
                continue; // a capitalised word of a title-cased headline that the article does not confirm
            }
            out.add(p == null
                    ? new RegionMention(s.field(), s.sentenceIndex(), s.charBegin(), s.charEnd(), s.surface(), null,
                            Names.display(s.surface()), s.district() ? Place.ADMIN2 : "other", null, null, null)
                    : new RegionMention(s.field(), s.sentenceIndex(), s.charBegin(), s.charEnd(), s.surface(), p.id(),
                            p.name(), p.type(), p.countryCode(), p.latitude(), p.longitude()));
        }
        return out;
    }

    /** Whether the gazetteer knows no place of this name. */
    boolean lacks(String name) {
        return gazetteer.candidates(name).isEmpty();
    }

    /**
     * Resolves a place given as table columns (a town, its first-level region, its country, any of them blank),
     * as in event datasets: the country first, then the region within it (its name with or without
     * "oblast/region/province"), then the town within the region, else within the country. Returns the most
     * precise place resolved.
     */
    public Optional<Place> resolve(String town, String province, String country) {
        Optional<Place> nation = blank(country) ? Optional.empty() : gazetteer.candidates(country).stream()
                .filter(p -> p.type().equals(Place.COUNTRY)).findFirst();
        String cc = nation.map(Place::countryCode).orElse(null);
        Optional<Place> region = Optional.empty();
        if (!blank(province)) {
            String name = REGION_SUFFIX.matcher(province.strip()).replaceFirst("");
            region = Stream.of(province, name).flatMap(n -> gazetteer.candidates(n).stream())
                    .filter(p -> p.type().equals(Place.ADMIN1) && (cc == null || cc.equals(p.countryCode())))
                    .findFirst();
        }
        String rcc = region.map(Place::countryCode).orElse(cc);
        String admin1 = region.map(Place::admin1Code).orElse(null);
        if (!blank(town)) {
            List<Place> towns = gazetteer.candidates(town).stream()
                    .filter(p -> p.type().equals(Place.CITY) && (rcc == null || rcc.equals(p.countryCode())))
                    .toList();
            Optional<Place> inRegion = towns.stream().filter(p -> admin1 != null && admin1.equals(p.admin1Code()))
                    .max(Comparator.comparingDouble(RegionResolver::prior));
            Optional<Place> best = inRegion.or(() -> towns.stream().max(Comparator.comparingDouble(RegionResolver::prior)));
            if (best.isPresent()) {
                return best;
            }
        }
        return region.or(() -> nation);
    }

    private static final java.util.regex.Pattern REGION_SUFFIX =
            java.util.regex.Pattern.compile("(?i)\\s+(oblast|region|province|krai|kray|raion|district)$");

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private List<Place> candidates(PlaceSpan s) {
        if (s.district()) {
            // "Bakhmut district", "Pokrovsk raion", "Butler County": the second-level regions of the name, if any.
            Set<Place> districts = new LinkedHashSet<>();
            gazetteer.candidates(s.surface()).stream().filter(p -> p.type().equals(Place.ADMIN2)).forEach(districts::add);
            gazetteer.bareCandidates(s.name()).stream().filter(p -> p.type().equals(Place.ADMIN2)).forEach(districts::add);
            // A district GeoNames gives no place to locate it by (no seat, no town with its code: 44% of them,
            // mostly in Russia) is left out: a region mention always carries coordinates for the maps, so
            // "Sudzha district" without its own is read as the place it is named after.
            districts.removeIf(p -> p.latitude() == null || p.longitude() == null);
            if (!districts.isEmpty()) {
                return new ArrayList<>(districts);
            }
            // No district of that name: war reports say "the Blahodatne district" for the area of a village.
        }
        // Second-level regions only where the text says "district" (a bare "Bakhmut" is the city), or where the
        // name itself holds the word ("Los Angeles County").
        List<Place> named = gazetteer.candidates(s.name());
        List<Place> all = named.stream().anyMatch(p -> !p.type().equals(Place.ADMIN2))
                ? named.stream().filter(p -> !p.type().equals(Place.ADMIN2)).toList() : named;
        List<Place> curated = all.stream().filter(p -> p.id().startsWith("other:")).toList();
        if (!curated.isEmpty()) {
            return curated; // curated.tsv holds hand-made decisions: "Gaza" is the Strip
        }
        if (!s.firstLevel()) {
            // A bare "Kursk", "Donetsk", "Mykolaiv" is the city, not the region named after it.
            return all.stream().filter(p -> !(p.type().equals(Place.ADMIN1) && all.stream().anyMatch(c ->
                    c.type().equals(Place.CITY) && p.countryCode().equals(c.countryCode())
                            && p.admin1Code().equals(c.admin1Code())))).toList();
        }
        Set<Place> regions = new LinkedHashSet<>();
        for (Place p : all) {
            if (p.type().equals("admin1")) {
                regions.add(p);
            }
        }
        if (regions.stream().anyMatch(p -> !p.name().endsWith(" City"))) {
            // "the Kyiv region" is Kyiv Oblast, not the capital's own first-level region (Kyiv City).
            regions.removeIf(p -> p.name().endsWith(" City"));
        }
        if (regions.isEmpty()) {
            // "Kyiv region": the region listed under that name (Kyiv Oblast), before the city's own (Kyiv City).
            for (String word : List.of(" region", " oblast", " province")) {
                gazetteer.candidates(s.name() + word).stream().filter(p -> p.type().equals("admin1")).forEach(regions::add);
            }
        }
        if (regions.isEmpty()) {
            // "Kursk region" where the region is listed only as "Kursk Oblast": the region of the city Kursk.
            for (Place p : all) {
                if (p.type().equals("city") && p.admin1Code() != null) {
                    gazetteer.admin1(p.countryCode(), p.admin1Code()).ifPresent(regions::add);
                }
            }
        }
        return regions.isEmpty() ? all : new ArrayList<>(regions);
    }

    private static Place best(List<Place> candidates, String key, Context context) {
        Place best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Place p : candidates) {
            double score = prior(p) + (Gazetteer.key(p.name()).equals(key) ? 1 : 0) + context.bonus(p);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    static double prior(Place p) {
        return switch (p.type()) {
            case "country" -> 16;
            case "admin1", "other" -> 12;
            case "admin2" -> 11;
            default -> 2 + 2 * Math.log10(Math.max(1, p.population() == null ? 0 : p.population()) + 1);
        };
    }

    /** What the article's other places say: their countries' shares and their first-level regions. */
    private record Context(Map<String, Double> countryShare, Set<String> regions) {
        static final Context NONE = new Context(Map.of(), Set.of());

        /** The context of the places resolved without context, leaving out those named {@code selfKey}. */
        static Context of(List<Place> places, List<String> keys, String selfKey) {
            Map<String, Double> counts = new HashMap<>();
            Set<String> regions = new LinkedHashSet<>();
            int total = 0;
            for (int i = 0; i < places.size(); i++) {
                Place p = places.get(i);
                if (p == null || keys.get(i).equals(selfKey) || p.countryCode() == null) {
                    continue;
                }
                total++;
                counts.merge(p.countryCode(), 1.0, Double::sum);
                if (p.admin1Code() != null) {
                    regions.add(p.countryCode() + "." + p.admin1Code());
                }
            }
            if (total > 0) {
                for (Map.Entry<String, Double> e : counts.entrySet()) {
                    e.setValue(e.getValue() / total);
                }
            }
            return new Context(counts, regions);
        }

        double bonus(Place p) {
            if (p.countryCode() == null) {
                return 0;
            }
            double share = countryShare.getOrDefault(p.countryCode(), 0.0);
            double bonus = (p.type().equals("city") ? 4 : 6) * share;
            if (p.type().equals("city") && p.admin1Code() != null && regions.contains(p.countryCode() + "." + p.admin1Code())) {
                bonus += 3;
            }
            return bonus;
        }
    }
}
