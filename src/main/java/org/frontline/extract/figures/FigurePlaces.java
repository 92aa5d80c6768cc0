package org.frontline.extract.figures;

import java.util.Locale;
import java.util.Set;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.frontline.extract.ActorMention;
import org.frontline.extract.Field;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.extract.figures.AttributionLexicon.Meaning;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;

/**
 * The place of a territorial figure (FIGURES.md: stated or implied): where its phrase or verb attaches, the place a
 * position locates, else the sentence's, the sentences before, the headline's or the article's.
 */
final class FigurePlaces {
    private static final Set<String> REGION_RELATIONS = Set.of("nmod:in", "obl:in", "nmod:of", "obl:of", "nmod:near",
            "obl:near", "obl:across", "nmod:across", "obl:throughout", "nmod:poss", "obl:inside", "nmod:inside",
            "obl:within", "nmod:within", "obl:around", "nmod:around", "obl:into", "nmod:into");
    private static final Set<String> REFERENCE_RELATIONS = Set.of("nmod:of", "obl:of", "nmod:from", "obl:from",
            "nmod:to", "obl:to");
    /** How far (characters) a place may be from a figure to be taken for its place when the parse says nothing. */
    private static final int NEAR = 40;
    /** How many sentences back a text's place may be taken from for a figure whose sentence names none. */
    private static final int PLACE_LOOKBACK = 5;

    private final FigureSentence parse;

    FigurePlaces(FigureSentence parse) {
        this.parse = parse;
    }


    /**
     * Whether a distance hangs on a place it locates: a place's name, or a noun of a place ("a key logistics hub
     * about 50km east of Svatove"; conf/figures/verbs.tsv, class place). A distance that hangs on another noun
     * locates what acts ("Ukrainian positions within 25 km of Russian lines", "an explosion three miles from the
     * Kremlin"), and that has a side.
     */
    boolean locatesAPlace(IndexedWord w) {
        for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(w)) {
            // "Just 60 km away … is Russia's Kursk nuclear power station": the subject of a copular position.
            IndexedWord d = e.getDependent();
            if (e.getRelation().toString().equals("nsubj") && (parse.regionAt(d) != null
                    || parse.lexicon.meaning(d.lemma()).orElse(null) == Meaning.PLACE)) {
                return true;
            }
        }
        // The word a distance hangs on, over the adverbs between ("60 km away … is … the station").
        IndexedWord parent = parse.parentOf(w);
        for (int hops = 0; parent != null && hops < 3 && parent.tag() != null && parent.tag().matches("RB.*|IN|JJ.*");
             hops++) {
            parent = parse.parentOf(parent);
        }
        if (parent == null || parent.tag() == null || !parent.tag().startsWith("NN")) {
            return false;
        }
        return parse.regionAt(parent) != null || parent.tag().startsWith("NNP")
                || parse.lexicon.meaning(parent.lemma()).orElse(null) == Meaning.PLACE;
    }


    /**
     * The token index of a place's name the figure follows as its apposition or bracket ("Vesele (8km …",
     * "Svitlodarsk, approximately 21 km …", "Novotoshkirske, a small town 25 km …", "Soledar and Yakovlivka,
     * both within 15km …"), or -1: the name must be a proper noun that is no actor's.
     */
    int namedJustBefore(TerritorialFigure f) {
        int t = 0;
        while (t < parse.tokens.size() && parse.tokens.get(t).beginPosition() < f.charBegin()) {
            t++;
        }
        boolean separated = false;
        for (int i = t - 1; i >= 0 && i >= t - 8; i--) {
            CoreLabel token = parse.tokens.get(i);
            String w = token.word().toLowerCase(Locale.ROOT);
            if (w.equals("(") || w.equals(",") || w.equals("-lrb-") || w.equals("–") || w.equals("—") || w.equals("-")) {
                separated = true;
                continue;
            }
            if (parse.lexicon.appositionWords().contains(w)) {
                continue;
            }
            String tag = token.tag() == null ? "" : token.tag();
            if (separated && i > 0 && parse.lexicon.regionNouns().contains(w) && parse.tokens.get(i - 1).tag() != null
                    && parse.tokens.get(i - 1).tag().startsWith("NNP")) {
                return i; // "the Lipetsk region, about 360km south of Moscow"
            }
            // A capitalised noun inside the sentence: the tagger takes unknown village names for common nouns.
            if (!separated || !tag.startsWith("NN") || !Character.isUpperCase(token.word().charAt(0)) || i == 0) {
                return -1;
            }
            for (ActorMention a : parse.actors) {
                if (a.field() == parse.field.field() && a.sentenceIndex() == parse.sentenceIndex
                        && a.charBegin() <= token.beginPosition() && token.endPosition() <= a.charEnd()
                        && !(a.actorType().equals("person") && a.role() == null && !parse.directory.byName(a.surface()).isPresent())) {
                    // "… President Volodymyr Zelensky, about 130 kilometers west of …"; but a village CoreNLP took
                    // for a person ("Zaitseve (8km southeast of Bakhmut)") is the place the bracket locates.
                    return -1;
                }
            }
            return i;
        }
        return -1;
    }


    /**
     * The region of a place a position locates (token {@code t}): the place when the gazetteer resolves it, else
     * the first-level region of the place it is measured from ("Vesele (8km southwest of Avdiivka)": the
     * village is not in the gazetteer, Avdiivka's Donetsk Oblast is), else null.
     */
    RegionMention locatedPlace(TerritorialFigure f, int t) {
        int first = t;
        while (first > 1 && t - first < 3 && parse.tokens.get(first - 1).tag() != null && parse.tokens.get(first - 1).tag().startsWith("NN")
                && Character.isUpperCase(parse.tokens.get(first - 1).word().charAt(0))) {
            first--; // "Vesela Dolyna", "Velyka Komyshuvakha"
        }
        int begin = parse.tokens.get(first).beginPosition();
        int end = parse.tokens.get(t).endPosition();
        RegionMention named = null;
        for (RegionMention r : parse.regions) {
            if (r.field() == parse.field.field() && r.sentenceIndex() == parse.sentenceIndex && r.regionId() != null
                    && r.charBegin() < end && begin < r.charEnd()) {
                named = r;
            }
        }
        RegionMention reference = null;
        for (RegionMention r : parse.regions) {
            if (r.field() == parse.field.field() && r.sentenceIndex() == parse.sentenceIndex && r.regionId() != null
                    && r.charBegin() >= f.charEnd() && r.charBegin() - f.charEnd() <= NEAR
                    && (reference == null || r.charBegin() < reference.charBegin())) {
                reference = r;
            }
        }
        // The place of that name that lies where the figure says: within its distance of the reference (a
        // namesake elsewhere, "Vesela Dolyna" of another oblast, is not the one meant).
        boolean measurable = reference != null && reference.latitude() != null;
        double reach = f.valueMax() * 1.5 + 15;
        if (named != null && (!measurable || named.latitude() == null || kilometres(named.latitude(), named.longitude(),
                reference.latitude(), reference.longitude()) <= reach)) {
            return named;
        }
        Place near = null;
        if (measurable) {
            for (Place p : parse.gazetteer.candidates(parse.field.text().substring(begin, end))) {
                if (p.latitude() != null && !p.type().equals("country")
                        && kilometres(p.latitude(), p.longitude(), reference.latitude(), reference.longitude()) <= reach
                        && (near == null || population(p) > population(near))) {
                    near = p;
                }
            }
        }
        if (near != null) {
            return parse.mention(near, begin, end);
        }
        if (reference == null || !"city".equals(reference.regionType())) {
            return reference;
        }
        // Not in the gazetteer (most front-line villages are not): the first-level region of the reference.
        Place city = parse.gazetteer.byId(reference.regionId()).orElse(null);
        return city == null || city.admin1Code() == null ? null
                : parse.gazetteer.admin1(city.countryCode(), city.admin1Code()).map(a -> parse.mention(a, begin, end)).orElse(null);
    }


    /** The resolved place a position is measured from: the first after the figure, within a few words. */
    RegionMention reference(TerritorialFigure f) {
        RegionMention reference = null;
        for (RegionMention r : parse.regions) {
            if (r.field() == parse.field.field() && r.sentenceIndex() == parse.sentenceIndex && parse.usable(r)
                    && r.charBegin() >= f.charEnd() && r.charBegin() - f.charEnd() <= NEAR
                    && (reference == null || r.charBegin() < reference.charBegin())) {
                reference = r;
            }
        }
        return reference;
    }


    /**
     * The place a figure whose sentence attaches none is about (FIGURES.md: stated or implied): a place the
     * sentence names that is no party, else the nearest first-level region of the sentences just before, else
     * the headline's place, else the country the article speaks of most.
     */
    RegionMention impliedRegion(TerritorialFigure f) {
        boolean distance = f.quantity() == TerritorialFigure.Quantity.DISTANCE;
        RegionMention inSentence = null;
        for (RegionMention r : parse.regions) {
            if (r.field() == parse.field.field() && r.sentenceIndex() == parse.sentenceIndex && parse.usable(r)
                    && !(distance && r.charBegin() >= f.charEnd()) && (inSentence == null
                    || Place.typeRank(r.regionType()) > Place.typeRank(inSentence.regionType()))) {
                inSentence = r; // the most specific: "… in Ukraine's Kharkiv region"
            }
        }
        if (inSentence != null) {
            return inSentence;
        }
        if (parse.field.field() == Field.TEXT) {
            for (int back = 1; back <= PLACE_LOOKBACK && parse.sentenceIndex - back >= 0; back++) {
                RegionMention last = null;
                for (RegionMention r : parse.regions) {
                    if (r.field() == Field.TEXT && r.sentenceIndex() == parse.sentenceIndex - back && r.regionId() != null
                            && "admin1".equals(r.regionType()) && !parse.insideActor(r)
                            && (last == null || r.charBegin() > last.charBegin())) {
                        last = r;
                    }
                }
                if (last != null) {
                    return last;
                }
            }
        }
        if (parse.field.field() != Field.TITLE && parse.article.titlePlace() != null) {
            return parse.article.titlePlace();
        }
        return null;
    }


    /**
     * The country whose land a figure with no place measures: in the article's war, land regained is the
     * regaining side's and land taken or shelled the other side's; else the country the article speaks of most.
     */
    RegionMention territory(TerritorialFigure f, FigureSides.Side side) {
        String country = null;
        if (side.country() != null && side.meaning() != null && parse.article.isSide(side.country())) {
            country = switch (side.meaning()) {
                case REGAIN, DEFEND -> side.country();
                case TAKE, ATTACK -> parse.article.opponent(side.country()).orElse(null);
                default -> null;
            };
        }
        country = country != null ? country : parse.article.mainCountry();
        return country == null ? null : parse.gazetteer.country(country).map(p -> new RegionMention(parse.field.field(),
                parse.sentenceIndex, f.charBegin(), f.charBegin(), p.name(), p.id(), p.name(), p.type(), p.countryCode(),
                p.latitude(), p.longitude())).orElse(null);
    }


    /** The place the figure is about: where its phrase or its verb attaches; for a distance, what is located. */
    RegionMention region(TerritorialFigure f, IndexedWord head, IndexedWord verb) {
        if (head == null) {
            return null;
        }
        boolean distance = f.quantity() == TerritorialFigure.Quantity.DISTANCE;
        for (RegionMention r : parse.regions) {
            if (r.field() == parse.field.field() && r.sentenceIndex() == parse.sentenceIndex && r.regionId() != null
                    && r.charBegin() >= f.charBegin() && r.charEnd() <= f.charEnd()) {
                return r; // "14 Donetsk region localities"
            }
        }
        for (IndexedWord w : parse.graph.vertexSet()) {
            if (w.beginPosition() >= f.charBegin() && w.endPosition() <= f.charEnd()) {
                var country = parse.directory.countryOfDemonym(w.word()).flatMap(parse.gazetteer::country);
                if (country.isPresent()) { // "30 Ukrainian settlements"
                    Place p = country.get();
                    return new RegionMention(parse.field.field(), parse.sentenceIndex, w.beginPosition(), w.endPosition(), w.word(),
                            p.id(), p.name(), p.type(), p.countryCode(), p.latitude(), p.longitude());
                }
            }
        }
        if (distance) {
            // "the town of Sudzha, 530 km southwest of Moscow": the place the distance phrase hangs on.
            IndexedWord parent = parse.parentOf(head);
            RegionMention located = parent == null ? null : parse.regionAt(parent);
            if (located != null) {
                return located;
            }
        }
        for (IndexedWord from : new IndexedWord[] {head, verb}) {
            if (from == null) {
                continue;
            }
            for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(from)) {
                String rel = parse.typedRelation(e);
                if (!REGION_RELATIONS.contains(rel) || distance && REFERENCE_RELATIONS.contains(rel)) {
                    continue;
                }
                for (IndexedWord t : parse.nounPhrase(e.getDependent())) {
                    RegionMention r = parse.regionAt(t);
                    if (r != null) {
                        return r;
                    }
                }
                RegionMention national = demonymCountry(e.getDependent(), false);
                if (national != null) {
                    return national; // "penetrated 10-15 km inside the Russian border": Russia
                }
            }
        }
        if (verb != null && parse.lexicon.meaning(verb.lemma()).orElse(null) == Meaning.TAKE) {
            // "has taken 420 sq km … from Ukrainian forces": land taken from a side is that side's country.
            for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(verb)) {
                RegionMention loser = e.getRelation().toString().equals("obl:from")
                        ? demonymCountry(e.getDependent(), true) : null;
                if (loser != null) {
                    return loser;
                }
            }
        }
        if (verb != null && !distance) {
            // "liberated from Russian invaders in Kharkiv Region": the parser hangs the place on the
            // verb's other argument.
            for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(verb)) {
                if (!e.getRelation().toString().startsWith("obl")) {
                    continue;
                }
                for (SemanticGraphEdge inner : parse.graph.outgoingEdgeIterable(e.getDependent())) {
                    RegionMention r = inner.getRelation().toString().equals("nmod:in") ? parse.regionAt(inner.getDependent()) : null;
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        // The words around the figure before its rubric: "Shelling of Ukraine: the occupiers in the Donetsk
        // region struck 13 settlements" is about the Donetsk region.
        RegionMention near = nearestRegion(f, distance);
        if (near != null) {
            return near;
        }
        RegionMention rubric = rubricRegion();
        return rubric != null || !FigureAttribution.isPosition(f) ? rubric : previousSentencePlace();
    }


    /** "Shelling of Donetsk region: …": the place a sentence's rubric names, before its colon. */
    private RegionMention rubricRegion() {
        int colon = -1;
        for (int t = 0; t < Math.min(parse.tokens.size(), 10); t++) {
            if (parse.tokens.get(t).word().equals(":")) {
                colon = parse.tokens.get(t).beginPosition();
                break;
            }
        }
        if (colon < 0) {
            return null;
        }
        for (RegionMention r : parse.regions) {
            if (r.field() == parse.field.field() && r.sentenceIndex() == parse.sentenceIndex && r.charEnd() <= colon && parse.usable(r)) {
                return r;
            }
        }
        return null;
    }


    /**
     * Settlements lie in regions: "25 settlements in Zaporizhzhia" is the Zaporizhzhia region, not the city
     * (the city's first-level region when it bears the city's name).
     */
    RegionMention settlementsLieInRegions(TerritorialFigure f, RegionMention r) {
        if (r == null || f.quantity() != TerritorialFigure.Quantity.SETTLEMENTS || !"city".equals(r.regionType())) {
            return r;
        }
        Place city = parse.gazetteer.byId(r.regionId()).orElse(null);
        if (city == null || city.admin1Code() == null) {
            return r;
        }
        return parse.gazetteer.admin1(city.countryCode(), city.admin1Code())
                .filter(a -> Gazetteer.key(a.name()).startsWith(Gazetteer.key(r.surface())))
                .map(a -> new RegionMention(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), r.surface(),
                        a.id(), a.name(), a.type(), a.countryCode(), a.latitude(), a.longitude()))
                .orElse(r);
    }


    /** "the Russian border", "Ukrainian territory": the country of the demonym that modifies the noun. */
    private RegionMention demonymCountry(IndexedWord w, boolean anyNoun) {
        Meaning land = parse.lexicon.meaning(w.lemma() == null ? w.word() : w.lemma()).orElse(null);
        if (!anyNoun && land != Meaning.TERRITORY && land != Meaning.PLACE) {
            return null; // "damaged in Russian strikes" names no place
        }
        for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(w)) {
            if (!e.getRelation().toString().equals("amod")) {
                continue;
            }
            var country = parse.directory.countryOfDemonym(e.getDependent().word()).flatMap(parse.gazetteer::country);
            if (country.isPresent()) {
                Place p = country.get();
                IndexedWord d = e.getDependent();
                return new RegionMention(parse.field.field(), parse.sentenceIndex, d.beginPosition(), d.endPosition(), d.word(),
                        p.id(), p.name(), p.type(), p.countryCode(), p.latitude(), p.longitude());
            }
        }
        return null;
    }


    /**
     * "Sudzha is the last trans-shipping point … Just 60 km away is …": a distance with no place in its
     * sentence is measured from the last populated place the sentence before names.
     */
    private RegionMention previousSentencePlace() {
        RegionMention last = null;
        for (RegionMention r : parse.regions) {
            if (r.field() == parse.field.field() && r.sentenceIndex() == parse.sentenceIndex - 1 && "city".equals(r.regionType())
                    && (last == null || r.charBegin() > last.charBegin())) {
                last = r;
            }
        }
        return last;
    }


    /**
     * Failing the parse, the sentence's place nearest the figure ("California's Park Fire has burned 386,000
     * acres"); for a distance, the place before it (what is located), not the reference after "of" or "from".
     */
    private RegionMention nearestRegion(TerritorialFigure f, boolean distance) {
        RegionMention best = null;
        int bestGap = Integer.MAX_VALUE;
        for (RegionMention r : parse.regions) {
            if (r.field() != parse.field.field() || r.sentenceIndex() != parse.sentenceIndex || !parse.usable(r)) {
                continue;
            }
            boolean after = r.charBegin() >= f.charEnd();
            if (distance && after) {
                continue;
            }
            int gap = after ? r.charBegin() - f.charEnd() : f.charBegin() - r.charEnd();
            String between = gap < 0 ? "" : after ? parse.field.text().substring(f.charEnd(), r.charBegin())
                    : parse.field.text().substring(r.charEnd(), f.charBegin());
            if (between.contains("«") || between.contains("|")) {
                continue; // a headline's boilerplate: "… seven settlements (04.10.22) « War in Ukraine"
            }
            // Within a few words only: a place at the other end of a long sentence, or in a headline's
            // boilerplate ("« War in Ukraine | Censor.NET"), is not what the figure is about.
            if (gap >= 0 && gap <= NEAR && gap < bestGap) {
                best = r;
                bestGap = gap;
            }
        }
        return best;
    }

    private static long population(Place p) {
        return p.population() == null ? 0 : p.population();
    }

    /** Great-circle distance in km. */
    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
