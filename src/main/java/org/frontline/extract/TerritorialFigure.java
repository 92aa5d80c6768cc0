package org.frontline.extract;

import java.time.LocalDate;

/**
 * A number or range in an article that describes land (FIGURES.md): an area, a geographic distance,
 * a count of settlements or a share of a territory, normalised to km², km, a count or a percent.
 * Offsets are character offsets into the cleaned {@code field}; nullable components are unknown.
 */
public record TerritorialFigure(Field field, int sentenceIndex, int charBegin, int charEnd, String surface,
                                Quantity quantity, double valueMin, double valueMax, Qualifier qualifier,
                                Kind kind, String actorName, String regionId, String regionName,
                                String claimantName, LocalDate periodStart, LocalDate periodEnd,
                                String sentence) {

    /** What is measured, with the unit its values are normalised to. */
    public enum Quantity {
        AREA("km2"), DISTANCE("km"), SETTLEMENTS("count"), SHARE("percent");

        private final String normalizedUnit;

        Quantity(String normalizedUnit) {
            this.normalizedUnit = normalizedUnit;
        }

        public String normalizedUnit() {
            return normalizedUnit;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How the stated value bounds the real one. */
    public enum Qualifier {
        EXACT, APPROX, AT_LEAST, AT_MOST;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the land figure is about (FIGURES.md). */
    public enum Kind {
        CONTROL, ADVANCE, DISTANCE, OTHER;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String normalizedUnit() {
        return quantity.normalizedUnit();
    }
}
