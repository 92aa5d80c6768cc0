package org.frontline.gazetteer;

/**
 * One place of the gazetteer: a country, a first-level region, a populated place or a curated named region.
 *
 * @param id          stable id naming its source: {@code country:UA}, {@code admin1:UA.05}, {@code geonames:703448},
 *                    {@code other:donbas}
 * @param name        canonical English name
 * @param type        {@link #COUNTRY}, {@link #ADMIN1}, {@link #CITY} or {@link #OTHER}
 * @param countryCode ISO 3166-1 alpha-2 code, or null (a sea, a continent)
 * @param admin1Code  GeoNames first-level code within the country ({@code "05"} for Donetsk Oblast), or null
 * @param latitude    WGS84 latitude, or null when unknown (approximate for curated regions)
 * @param longitude   WGS84 longitude, or null when unknown
 * @param population  GeoNames population of a place; for a country or region the sum of its cities500 places
 *                    (an index of size, not a census figure); null when unknown
 * @param featureCode GeoNames feature code (PPLC, PPLA, PPL…, ADM1 for regions, PCLI/PCLD for countries, RGN, SEA…)
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

    /** Rank of a type in the default candidate order: country, admin1, other, city; -1 for an unknown type. */
    public static int typeRank(String type) {
        return switch (type) {
            case COUNTRY -> 0;
            case ADMIN1 -> 1;
            case OTHER -> 2;
            case CITY -> 3;
            default -> -1;
        };
    }
}
