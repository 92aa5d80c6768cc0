package org.frontline.extract;

/**
 * A place named in an article, resolved as far as the gazetteer allows: an unresolved place keeps its
 * surface with type {@code other} and a null id. Coordinates are null when unknown.
 */
public record RegionMention(Field field, int sentenceIndex, int charBegin, int charEnd, String surface,
                            String regionId, String regionName, String regionType, String countryCode,
                            Double latitude, Double longitude) {
}
