package org.frontline.extract.regions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.frontline.extract.Field;
import org.frontline.extract.RegionMention;
import org.frontline.gazetteer.Gazetteer;
import org.junit.jupiter.api.Test;

/** The disambiguation rule of {@link RegionResolver}, on a small gazetteer written for the test. */
class RegionResolverTest {
    private static final String HEADER = "id\tname\ttype\tcountry_code\tadmin1_code\tlatitude\tlongitude\tpopulation\tfeature_code\talternate_names\n";
    private static final String PLACES = HEADER + String.join("\n",
            "country:UA\tUkraine\tcountry\tUA\t\t49\t32\t40000000\tPCLI\t",
            "country:RU\tRussia\tcountry\tRU\t\t60\t100\t140000000\tPCLI\tRussian Federation",
            "country:US\tUnited States\tcountry\tUS\t\t38\t-97\t300000000\tPCLI\tUS|America",
            "country:GE\tGeorgia\tcountry\tGE\t\t42\t43.5\t3700000\tPCLI\t",
            "country:FR\tFrance\tcountry\tFR\t\t46\t2\t67000000\tPCLI\t",
            "admin1:US.GA\tGeorgia\tadmin1\tUS\tGA\t33.7\t-84.4\t10000000\tADM1\t",
            "admin1:US.TX\tTexas\tadmin1\tUS\tTX\t30.3\t-97.7\t29000000\tADM1\t",
            "admin1:RU.41\tKursk Oblast\tadmin1\tRU\t41\t51.7\t36.2\t1100000\tADM1\tKursk|Kursk region",
            "admin1:UA.16\tMykolaiv Oblast\tadmin1\tUA\t16\t46.97\t31.99\t1070000\tADM1\tMykolaiv|Mykolaiv region",
            "admin1:UA.17\tOdesa Oblast\tadmin1\tUA\t17\t46.48\t30.72\t2300000\tADM1\tOdesa region",
            "geonames:538560\tKursk\tcity\tRU\t41\t51.73\t36.19\t440000\tPPLA\t",
            "geonames:700569\tMykolayiv\tcity\tUA\t16\t46.97\t31.99\t470011\tPPLA\tMykolaiv|Nikolaev",
            "geonames:700568\tMykolaiv\tcity\tUA\t15\t49.52\t23.98\t14498\tPPLA2\t",
            "geonames:698740\tOdesa\tcity\tUA\t17\t46.48\t30.72\t1015826\tPPLA\tOdessa",
            "geonames:5527554\tOdessa\tcity\tUS\tTX\t31.84\t-102.36\t114428\tPPL\t",
            "geonames:2988507\tParis\tcity\tFR\t11\t48.85\t2.35\t2138551\tPPLC\t",
            "geonames:4717560\tParis\tcity\tUS\tTX\t33.66\t-95.55\t24782\tPPL\t",
            "geonames:4180439\tAtlanta\tcity\tUS\tGA\t33.75\t-84.39\t498715\tPPLA\t",
            "geonames:4221552\tSavannah\tcity\tUS\tGA\t32.08\t-81.1\t147780\tPPLA2\t",
            "geonames:703448\tKyiv\tcity\tUA\t12\t50.45\t30.52\t2797553\tPPLC\tKiev",
            "geonames:712451\tBakhmut\tcity\tUA\t05\t48.6\t38.0\t74000\tPPL\tArtemivsk",
            "geonames:281133\tGaza\tcity\tPS\tGZ\t31.5\t34.47\t410000\tPPLA\t") + "\n";
    private static final String CURATED = HEADER + "other:gaza-strip\tGaza Strip\tother\tPS\t\t31.42\t34.36\t\tRGN\tGaza\n"
            + "other:donbas\tDonbas\tother\tUA\t\t48\t38.5\t\tRGN\tDonbass\n";

    private final RegionResolver resolver = new RegionResolver(gazetteer());

    private static Gazetteer gazetteer() {
        try {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(PLACES.getBytes(StandardCharsets.UTF_8));
            }
            return Gazetteer.load(new ByteArrayInputStream(gz.toByteArray()),
                    new ByteArrayInputStream(CURATED.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayInputStream("Mobile\n".getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The ids the places of one article resolve to; "X region" names are written with that suffix. */
    private List<String> resolve(String... names) {
        List<PlaceSpan> spans = new ArrayList<>();
        int at = 0;
        for (String n : names) {
            boolean region = n.endsWith(" region");
            String name = region ? n.substring(0, n.length() - " region".length()) : n;
            spans.add(new PlaceSpan(Field.TEXT, 0, at, at + n.length(), n, name, region, false, true, false));
            at += n.length() + 1;
        }
        return resolver.resolve(spans).stream().map(m -> m.regionId() == null ? "null:" + m.regionName() : m.regionId()).toList();
    }

    @Test
    void spellingsAndTransliterationsResolveToOnePlace() {
        assertThat(resolve("Kyiv", "Kiev", "Artemivsk", "Bakhmut", "Nikolaev")).containsExactly(
                "geonames:703448", "geonames:703448", "geonames:712451", "geonames:712451", "geonames:700569");
    }

    @Test
    void aRegionWordMakesTheFirstLevelRegionAndABareNameTheCity() {
        assertThat(resolve("Kursk region", "Kursk")).containsExactly("admin1:RU.41", "geonames:538560");
        // Mykolaiv: the oblast, the city of 470k the GeoNames spells Mykolayiv, the town of 14k.
        assertThat(resolve("Mykolaiv region", "Mykolaiv")).containsExactly("admin1:UA.16", "geonames:700569");
    }

    @Test
    void withoutContextTheCountryAndTheLargestPlaceWin() {
        assertThat(resolve("Georgia")).containsExactly("country:GE");
        assertThat(resolve("Paris")).containsExactly("geonames:2988507");
        assertThat(resolve("Odessa")).containsExactly("geonames:698740");
    }

    @Test
    void theArticlesOtherPlacesDecideBetweenNamesakes() {
        assertThat(resolve("Atlanta", "Savannah", "Georgia")).last().isEqualTo("admin1:US.GA");
        assertThat(resolve("Texas", "Paris")).last().isEqualTo("geonames:4717560");
        assertThat(resolve("Texas", "Odessa")).last().isEqualTo("geonames:5527554");
        assertThat(resolve("Ukraine", "Odessa")).last().isEqualTo("geonames:698740");
        // A name never votes for itself: "Paris" twice is still the French capital.
        assertThat(resolve("Paris", "Paris")).containsOnly("geonames:2988507");
    }

    @Test
    void curatedRegionsWinTheirNames() {
        assertThat(resolve("Gaza", "Donbass")).containsExactly("other:gaza-strip", "other:donbas");
    }

    @Test
    void anUnknownPlaceKeepsItsSurfaceWithoutAnId() {
        List<PlaceSpan> spans = List.of(new PlaceSpan(Field.TEXT, 0, 0, 14, "Holosiivskyi", "Holosiivskyi", false, false, true, false));
        RegionMention m = resolver.resolve(spans).get(0);
        assertThat(m.regionId()).isNull();
        assertThat(m.regionType()).isEqualTo("other");
        assertThat(m.regionName()).isEqualTo("Holosiivskyi");
        assertThat(m.latitude()).isNull();
    }

    @Test
    void aTitlePlaceNeedsTheTextsSupportUnlessItIsACountryOrRegion() {
        List<PlaceSpan> spans = List.of(
                new PlaceSpan(Field.TITLE, 0, 0, 5, "Paris", "Paris", false, false, false, true),
                new PlaceSpan(Field.TITLE, 0, 6, 13, "Georgia", "Georgia", false, false, false, true),
                new PlaceSpan(Field.TEXT, 0, 0, 4, "Kyiv", "Kyiv", false, false, true, false));
        assertThat(resolver.resolve(spans)).extracting(RegionMention::regionId)
                .containsExactly("country:GE", "geonames:703448");
    }

    @Test
    void tableColumnsResolveTownWithinRegionWithinCountry() {
        assertThat(resolver.resolve("Mykolaiv", "Mykolaiv Oblast", "Ukraine").orElseThrow().id()).isEqualTo("geonames:700569");
        assertThat(resolver.resolve("Paris", "Texas", "United States").orElseThrow().id()).isEqualTo("geonames:4717560");
        assertThat(resolver.resolve("", "Kursk region", "Russia").orElseThrow().id()).isEqualTo("admin1:RU.41");
        assertThat(resolver.resolve("Nowhere", "", "Ukraine").orElseThrow().id()).isEqualTo("country:UA");
    }
}
