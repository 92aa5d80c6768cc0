package org.frontline.gazetteer;

/**
 * One place of the gazetteer: a country, a first-level region, a populated place, a curated named region, a
 * second-level region (district, raion, county) or a named natural feature (lake, river, island...).
 *
 * @param id          stable id naming its source: {@code country:UA}, {@code admin1:UA.05}, {@code geonames:703448},
 *                    {@code other:donbas}, {@code admin2:UA.05.1402} (country, admin1 and admin2 code of GeoNames)
 * @param name        canonical English name
 * @param type        {@link #COUNTRY}, {@link #ADMIN1}, {@link #CITY}, {@link #OTHER}, {@link #ADMIN2} or
 *                    {@link #FEATURE}
 * @param countryCode ISO 3166-1 alpha-2 code, or null (a sea, a continent)
 * @param admin1Code  GeoNames first-level code within the country ({@code "05"} for Donetsk Oblast), or null
 * @param latitude    WGS84 latitude, or null when unknown (approximate for curated regions)
 * @param longitude   WGS84 longitude, or null when unknown
 * @param population  GeoNames population of a place; for a country or region the sum of its cities500 places
 *                    (an index of size, not a census figure); null when unknown
 * @param featureCode GeoNames feature code (PPLC, PPLA, PPL…, ADM1 and ADM2 for regions, PCLI/PCLD for countries,
 *                    RGN, SEA, LK, STM, ISL…)
 */
public record Place(String id, String name, String type, String countryCode, String admin1Code,
                    Double latitude, Double longitude, Long population, String featureCode) {

    /** Type of a country (ISO 3166-1). */
    public static final String COUNTRY = "country";
    /** Type of a first-level administrative region (GeoNames admin1). */
    public static final String ADMIN1 = "admin1";
    /** Type of a populated place of any size (city, town, village, section of a city). */
    public static final String CITY = "city";
    /** Type of a curated named region that is no GeoNames feature here (Donbas, the Black Sea, Europe). */
    public static final String OTHER = "other";

    /**
     * Type of a second-level administrative region (GeoNames admin2: a Ukrainian or Russian raion, a US county).
     * Indexed for {@link Gazetteer#candidates} only under names that say what it is ("Bakhmut Raion", "Bakhmut
     * district", "Los Angeles County"); its bare name ("Bakhmut") answers {@link Gazetteer#bareCandidates} only.
     */
    public static final String ADMIN2 = "admin2";
    /**
     * Type of a named natural feature (lake, river, sea, island, mountain, desert, reef, national park): indexed
     * as {@link #ADMIN2} is, under qualified names ("Lake Baikal", "Dnipro River") for {@link Gazetteer#candidates}
     * and under bare ones ("Baikal") for {@link Gazetteer#bareCandidates} only.
     */
    public static final String FEATURE = "feature";

    /**
     * Rank of a type in the default candidate order: country, admin1, other, city, admin2, feature; -1 for an
     * unknown type. A district or a feature comes after every populated place of the same name.
     */
    public static int typeRank(String type) {
        return switch (type) {
            case COUNTRY -> 0;
            case ADMIN1 -> 1;
            case OTHER -> 2;
            case CITY -> 3;
            case ADMIN2 -> 4;
            case FEATURE -> 5;
            default -> -1;
        };
    }

    /** Whether this type is indexed by bare name only in {@link Gazetteer#bareCandidates}: admin2 and feature. */
    public static boolean needsQualifier(String type) {
        return ADMIN2.equals(type) || FEATURE.equals(type);
    }

    /** The GeoNames admin2 code of a second-level region ({@code "1402"} of {@code admin2:UA.05.1402}), else null. */
    public String admin2Code() {
        if (!ADMIN2.equals(type) || !id.startsWith("admin2:")) {
            return null;
        }
        int last = id.lastIndexOf('.');
        return last < 0 ? null : id.substring(last + 1);
    }
}
