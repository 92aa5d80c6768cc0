package org.frontline.extract;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;

/**
 * Who, where, who says and when of territorial figures: the second stage of the cascade. Only the sentences that
 * hold a figure (a few in a hundred) go through SUTime, for the period against the article's date, and the
 * dependency parser, for who did what: the actor is the subject of the verb that governs the figure ("Russia …
 * has taken 420 sq km"), the region the place its phrase or verb attaches ("12 settlements in the Kharkiv
 * region", "18% of Ukraine's territory", "Sudzha, 530 km southwest of Moscow"), the claimant the subject of a
 * verb of saying ("…, Sergei Shoigu … has said"), "according to X", or a rubric ("General Staff: …").
 * Thread-safe: the CoreNLP annotators are shared, each call works on its own sentence.
 */
public final class FigureAttribution {
    private static final Set<String> SAY_VERBS = Set.of("say", "report", "claim", "announce", "state", "tell", "add",
            "confirm", "write", "estimate", "note", "declare", "assert", "insist", "inform", "post", "publish", "show");
    private static final Set<String> REGION_RELATIONS = Set.of("nmod:in", "obl:in", "nmod:of", "obl:of", "nmod:near",
            "obl:near", "obl:across", "nmod:across", "obl:throughout", "nmod:poss", "obl:inside", "nmod:inside",
            "obl:within", "nmod:within", "obl:around", "nmod:around");
    private static final Set<String> REFERENCE_RELATIONS = Set.of("nmod:of", "obl:of", "nmod:from", "obl:from",
            "nmod:to", "obl:to");
    private static final Pattern DURATION = Pattern.compile("P(\\d+)([DWMY])");
    /** How far (characters) a place may be from a figure to be taken for its place when the parse says nothing. */
    private static final int NEAR = 40;
    /** Nouns a demonym turns into a place of its country: "inside the Russian border", "on Ukrainian soil". */
    private static final Set<String> TERRITORIAL_NOUNS = Set.of("border", "territory", "soil", "land", "region",
            "village", "town", "city", "settlement", "area", "frontier", "airspace", "side", "water", "coast", "oblast");
    /** Verbs whose "from" names the side that lost the land: "has taken 420 sq km … from Ukrainian forces". */
    private static final Set<String> TAKING_VERBS = Set.of("take", "seize", "capture", "win", "gain", "wrest");
    /** Words before a country that make it a party, not a place: "attacks by Russia", "the war with Russia". */
    private static final Set<String> PARTY_MARKERS = Set.of("by", "with", "against");
    /** Verbs whose subject is a place, not a party: "the Falkland Islands, which lie 300 miles east of …". */
    private static final Set<String> LOCATING_VERBS = Set.of("be", "lie", "sit", "stand", "locate", "stretch", "border",
            "cover", "span", "measure");

    private final edu.stanford.nlp.pipeline.Annotator time;
    private final edu.stanford.nlp.pipeline.Annotator parser;
    private final Gazetteer gazetteer;
    private final ActorDirectory directory;

    /**
     * The cascade's annotators (built once per JVM by their owner), the gazetteer (country names) and the
     * actor directory (demonyms: "inside the Russian border" is in Russia).
     */
    public FigureAttribution(edu.stanford.nlp.pipeline.Annotator time, edu.stanford.nlp.pipeline.Annotator parser,
                             Gazetteer gazetteer, ActorDirectory directory) {
        this.time = time;
        this.parser = parser;
        this.gazetteer = gazetteer;
        this.directory = directory;
    }

    /**
     * The figures of one sentence with their actor, region, claimant and period filled in where the text says
     * them. Runs SUTime and the parser on that sentence only; {@code regions} and {@code actors} are the
     * article's resolved mentions.
     */
    public Attributed attribute(AnnotatedField field, int sentenceIndex, List<TerritorialFigure> figures,
                                LocalDate articleDate, List<RegionMention> regions, List<ActorMention> actors) {
        CoreMap sentence = field.sentences().get(sentenceIndex);
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        Annotation one = new Annotation(field.text());
        one.set(CoreAnnotations.TokensAnnotation.class, tokens);
        one.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
        one.set(CoreAnnotations.DocDateAnnotation.class, articleDate.toString());
        // SUTime only where a period can come of it: not for positions (a distance has no period, below), not for
        // a sentence without a word of time; it is the costliest step of the cascade (BENCHMARKS.md).
        boolean timed = figures.stream().anyMatch(f -> !isPosition(f))
                && TimeWords.mayHoldAPeriod(tokens.stream().map(CoreLabel::word).toList());
        if (timed) {
            time.annotate(one);
        }
        parser.annotate(one);
        SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
        List<CoreMap> timexes = sentence.get(TimeAnnotations.TimexAnnotations.class);
        Context c = new Context(field, sentenceIndex, tokens, graph, regions, actors);
        List<TerritorialFigure> out = new ArrayList<>(figures.size());
        for (TerritorialFigure f : figures) {
            IndexedWord head = c.head(f);
            String claimant = c.claimant(head);
            IndexedWord verb = head == null ? null : c.governingVerb(head);
            RegionMention region = c.settlementsLieInRegions(f, c.region(f, head, verb));
            // A distance that locates a place ("the town of Sudzha, 530 km southwest of Moscow") has no actor.
            boolean locatesAPlace = f.quantity() == TerritorialFigure.Quantity.DISTANCE && head != null
                    && c.attachesToANoun(head);
            // A distance is a position, not an event: the date of the sentence is not the figure's period.
            LocalDate[] period = isPosition(f) ? null : period(c.attached(timexes, head), tokens, articleDate, f);
            out.add(new TerritorialFigure(f.field(), f.sentenceIndex(), f.charBegin(), f.charEnd(), f.surface(),
                    f.quantity(), f.valueMin(), f.valueMax(), f.qualifier(), f.kind(), locatesAPlace ? null : c.actor(verb, head),
                    region == null ? null : region.regionId(), region == null ? null : region.regionName(), claimant,
                    period == null ? null : period[0], period == null ? null : period[1], f.sentence()));
        }
        return new Attributed(out, timed);
    }

    /** A sentence's figures with their attribution, and whether SUTime read the sentence (for the run's counts). */
    public record Attributed(List<TerritorialFigure> figures, boolean timed) {
    }

    /** A distance that is a position (kind distance): it has no period. */
    private static boolean isPosition(TerritorialFigure f) {
        return f.quantity() == TerritorialFigure.Quantity.DISTANCE && f.kind() == TerritorialFigure.Kind.DISTANCE;
    }

    /** What the parse and the article's mentions say about one sentence. */
    private final class Context {
        private final AnnotatedField field;
        private final int sentenceIndex;
        private final List<CoreLabel> tokens;
        private final SemanticGraph graph;
        private final List<RegionMention> regions;
        private final List<ActorMention> actors;

        Context(AnnotatedField field, int sentenceIndex, List<CoreLabel> tokens, SemanticGraph graph,
                List<RegionMention> regions, List<ActorMention> actors) {
            this.field = field;
            this.sentenceIndex = sentenceIndex;
            this.tokens = tokens;
            this.graph = graph;
            this.regions = regions;
            this.actors = actors;
        }

        /**
         * The time expressions that attach to the figure's clause: one of their words depends on the figure's
         * head or on a word above it ("has taken … since June 14"), not a date of another clause.
         */
        List<CoreMap> attached(List<CoreMap> timexes, IndexedWord head) {
            if (timexes == null || graph == null || head == null) {
                return List.of();
            }
            Set<IndexedWord> scope = new java.util.HashSet<>(ancestors(head));
            List<CoreMap> out = new ArrayList<>();
            for (CoreMap t : timexes) {
                int begin = t.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                int end = t.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
                for (IndexedWord w : graph.vertexSet()) {
                    if (w.beginPosition() >= begin && w.endPosition() <= end && scope.contains(parentOf(w))) {
                        out.add(t);
                        break;
                    }
                }
            }
            return out;
        }

        /** The figure's head word: the one of its words governed from outside it ("km" of "420 sq km"). */
        IndexedWord head(TerritorialFigure f) {
            if (graph == null) {
                return null;
            }
            IndexedWord best = null;
            for (IndexedWord w : graph.vertexSet()) {
                if (w.beginPosition() < f.charBegin() || w.endPosition() > f.charEnd()) {
                    continue;
                }
                IndexedWord parent = parentOf(w);
                boolean governedFromOutside = parent == null || parent.beginPosition() < f.charBegin()
                        || parent.endPosition() > f.charEnd();
                if (governedFromOutside && (best == null || w.index() < best.index())) {
                    best = w;
                }
            }
            return best;
        }

        /** Whether {@code w} hangs on a noun (an apposition, a modifier) rather than on a verb. */
        boolean attachesToANoun(IndexedWord w) {
            IndexedWord parent = parentOf(w);
            return parent != null && parent.tag() != null && parent.tag().startsWith("NN");
        }

        /** The nearest verb above {@code w} (the figure's clause), or null. */
        IndexedWord governingVerb(IndexedWord w) {
            IndexedWord v = parentOf(w);
            for (int hops = 0; v != null && hops < 6; hops++, v = parentOf(v)) {
                if (v.tag() != null && v.tag().startsWith("VB")) {
                    return v;
                }
            }
            return null;
        }

        /**
         * The side that acts, as the name FIGURES.md wants ("Russia"): the verb's subject (not the figure itself:
         * "25 settlements came under…"), a passive's agent ("were attacked by the occupiers"), else a side in its
         * prepositional phrases ("came under Russian fire", "without power after enemy attacks"; never "from":
         * "liberated from Russian invaders" names the loser).
         */
        String actor(IndexedWord verb, IndexedWord head) {
            if (verb == null || LOCATING_VERBS.contains(verb.lemma())) {
                return null; // "the Falkland Islands, which lie 300 miles east of …" locates, nobody acts
            }
            List<IndexedWord> subjects = new ArrayList<>();
            List<IndexedWord> others = new ArrayList<>();
            for (SemanticGraphEdge e : graph.outgoingEdgeIterable(verb)) {
                String rel = e.getRelation().toString();
                if ((rel.equals("nsubj") || rel.equals("obl:agent") || rel.equals("obl:by")) && !e.getDependent().equals(head)) {
                    subjects.add(e.getDependent());
                } else if (rel.startsWith("obl:") && !rel.equals("obl:from") && !rel.equals("obl:tmod")
                        && !rel.startsWith("obl:according")) { // "according to Cal Fire" claims, it does not act
                    others.add(e.getDependent());
                }
            }
            for (List<IndexedWord> candidates : List.of(subjects, others)) {
                for (IndexedWord w : candidates) {
                    String side = side(w);
                    if (side != null) {
                        return side;
                    }
                }
            }
            return null;
        }

        /**
         * The side a noun phrase names, as its country's name (FIGURES.md: "Russia", "Ukraine"): a country, a force
         * or organisation of a country ("Russian forces", "Ukraine's General Staff"), a demonym ("Russians",
         * "Russian fire") or a side word ("the occupiers"). People, fires and other subjects are no side.
         */
        private String side(IndexedWord w) {
            for (IndexedWord t : nounPhrase(w)) {
                for (ActorMention a : actors) {
                    if (covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t)) {
                        if (a.countryCode() != null && (a.actorType().equals("force") || a.actorType().equals("organization"))) {
                            return countryName(a.countryCode());
                        }
                    }
                }
                for (RegionMention r : regions) {
                    if (covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), t)
                            && "country".equals(r.regionType())) {
                        return r.regionName();
                    }
                }
                var cc = directory.countryOfSide(t.word());
                if (cc.isPresent()) {
                    return countryName(cc.get());
                }
            }
            return null;
        }

        /** The place the figure is about: where its phrase or its verb attaches; for a distance, what is located. */
        RegionMention region(TerritorialFigure f, IndexedWord head, IndexedWord verb) {
            if (head == null) {
                return null;
            }
            boolean distance = f.quantity() == TerritorialFigure.Quantity.DISTANCE;
            for (RegionMention r : regions) {
                if (r.field() == field.field() && r.sentenceIndex() == sentenceIndex && r.regionId() != null
                        && r.charBegin() >= f.charBegin() && r.charEnd() <= f.charEnd()) {
                    return r; // "14 Donetsk region localities"
                }
            }
            for (IndexedWord w : graph.vertexSet()) {
                if (w.beginPosition() >= f.charBegin() && w.endPosition() <= f.charEnd()) {
                    var country = directory.countryOfDemonym(w.word()).flatMap(gazetteer::country);
                    if (country.isPresent()) { // "30 Ukrainian settlements"
                        Place p = country.get();
                        return new RegionMention(field.field(), sentenceIndex, w.beginPosition(), w.endPosition(), w.word(),
                                p.id(), p.name(), p.type(), p.countryCode(), p.latitude(), p.longitude());
                    }
                }
            }
            if (distance) {
                // "the town of Sudzha, 530 km southwest of Moscow": the place the distance phrase hangs on.
                IndexedWord parent = parentOf(head);
                RegionMention located = parent == null ? null : regionAt(parent);
                if (located != null) {
                    return located;
                }
            }
            for (IndexedWord from : new IndexedWord[] {head, verb}) {
                if (from == null) {
                    continue;
                }
                for (SemanticGraphEdge e : graph.outgoingEdgeIterable(from)) {
                    String rel = e.getRelation().toString();
                    if (!REGION_RELATIONS.contains(rel) || distance && REFERENCE_RELATIONS.contains(rel)) {
                        continue;
                    }
                    for (IndexedWord t : nounPhrase(e.getDependent())) {
                        RegionMention r = regionAt(t);
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
            if (verb != null && TAKING_VERBS.contains(verb.lemma())) {
                // "has taken 420 sq km … from Ukrainian forces": land taken from a side is that side's country.
                for (SemanticGraphEdge e : graph.outgoingEdgeIterable(verb)) {
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
                for (SemanticGraphEdge e : graph.outgoingEdgeIterable(verb)) {
                    if (!e.getRelation().toString().startsWith("obl")) {
                        continue;
                    }
                    for (SemanticGraphEdge inner : graph.outgoingEdgeIterable(e.getDependent())) {
                        RegionMention r = inner.getRelation().toString().equals("nmod:in") ? regionAt(inner.getDependent()) : null;
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
            return rubric != null || !distance ? rubric : previousSentencePlace();
        }

        /** "Shelling of Donetsk region: …": the place a sentence's rubric names, before its colon. */
        private RegionMention rubricRegion() {
            int colon = -1;
            for (int t = 0; t < Math.min(tokens.size(), 10); t++) {
                if (tokens.get(t).word().equals(":")) {
                    colon = tokens.get(t).beginPosition();
                    break;
                }
            }
            if (colon < 0) {
                return null;
            }
            for (RegionMention r : regions) {
                if (r.field() == field.field() && r.sentenceIndex() == sentenceIndex && r.charEnd() <= colon && usable(r)) {
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
            Place city = gazetteer.byId(r.regionId()).orElse(null);
            if (city == null || city.admin1Code() == null) {
                return r;
            }
            return gazetteer.admin1(city.countryCode(), city.admin1Code())
                    .filter(a -> Gazetteer.key(a.name()).startsWith(Gazetteer.key(r.surface())))
                    .map(a -> new RegionMention(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), r.surface(),
                            a.id(), a.name(), a.type(), a.countryCode(), a.latitude(), a.longitude()))
                    .orElse(r);
        }

        /** "the Russian border", "Ukrainian territory": the country of the demonym that modifies the noun. */
        private RegionMention demonymCountry(IndexedWord w, boolean anyNoun) {
            if (!anyNoun && !TERRITORIAL_NOUNS.contains(w.lemma() == null ? w.word() : w.lemma().toLowerCase(Locale.ROOT))) {
                return null; // "damaged in Russian strikes" names no place
            }
            for (SemanticGraphEdge e : graph.outgoingEdgeIterable(w)) {
                if (!e.getRelation().toString().equals("amod")) {
                    continue;
                }
                var country = directory.countryOfDemonym(e.getDependent().word()).flatMap(gazetteer::country);
                if (country.isPresent()) {
                    Place p = country.get();
                    IndexedWord d = e.getDependent();
                    return new RegionMention(field.field(), sentenceIndex, d.beginPosition(), d.endPosition(), d.word(),
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
            for (RegionMention r : regions) {
                if (r.field() == field.field() && r.sentenceIndex() == sentenceIndex - 1 && "city".equals(r.regionType())
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
            for (RegionMention r : regions) {
                if (r.field() != field.field() || r.sentenceIndex() != sentenceIndex || !usable(r)) {
                    continue;
                }
                boolean after = r.charBegin() >= f.charEnd();
                if (distance && after) {
                    continue;
                }
                int gap = after ? r.charBegin() - f.charEnd() : f.charBegin() - r.charEnd();
                String between = gap < 0 ? "" : after ? field.text().substring(f.charEnd(), r.charBegin())
                        : field.text().substring(r.charEnd(), f.charBegin());
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

        /**
         * Who asserts the figure: the subject of a verb of saying that governs the figure's clause, or is attached
         * to it ("…, Sergei Shoigu … has said": parataxis), "according to X" there, or the sentence's rubric
         * ("General Staff of the AFU: …"). A speaker elsewhere in the sentence is not the figure's claimant.
         */
        String claimant(IndexedWord head) {
            if (graph == null || head == null) {
                return null;
            }
            List<IndexedWord> scope = ancestors(head);
            List<IndexedWord> candidates = new ArrayList<>(scope);
            for (IndexedWord a : scope) {
                for (SemanticGraphEdge e : graph.outgoingEdgeIterable(a)) {
                    if (e.getRelation().toString().startsWith("parataxis")) {
                        candidates.add(e.getDependent());
                    }
                }
            }
            for (IndexedWord w : candidates) {
                boolean says = w.lemma() != null && SAY_VERBS.contains(w.lemma().toLowerCase(Locale.ROOT));
                for (SemanticGraphEdge e : graph.outgoingEdgeIterable(w)) {
                    String rel = e.getRelation().toString();
                    if (says && rel.equals("nsubj") || rel.startsWith("obl:according")) {
                        String who = name(e.getDependent());
                        if (who != null) {
                            return who;
                        }
                    }
                }
            }
            // A byline after a dash at the end: "…, - General Staff", "… – Zelenskiy".
            for (int t = tokens.size() - 1; t >= Math.max(0, tokens.size() - 12); t--) {
                String w = tokens.get(t).word();
                if (w.equals("-") || w.equals("–") || w.equals("—")) {
                    String who = actorFrom(tokens.get(t).endPosition(), Integer.MAX_VALUE);
                    if (who != null) {
                        return who;
                    }
                    break;
                }
            }
            // A rubric: an actor's name before a colon at the start ("The General Staff of the AFU: …",
            // "22.10.22 07:30 - The General Staff: …").
            for (int t = 0; t < Math.min(tokens.size(), 16); t++) {
                if (tokens.get(t).word().equals(":")) {
                    return actorFrom(tokens.get(0).beginPosition(), tokens.get(t).beginPosition());
                }
            }
            return null;
        }

        /** The name of the first actor mentioned between two offsets of this sentence. */
        private String actorFrom(int begin, int end) {
            ActorMention first = null;
            for (ActorMention a : actors) {
                if (a.field() == field.field() && a.sentenceIndex() == sentenceIndex && a.charBegin() >= begin
                        && a.charEnd() <= end && !a.actorType().equals("media") && (first == null || a.charBegin() < first.charBegin())) {
                    first = a;
                }
            }
            return first == null ? null : first.actorName();
        }

        /** The actor or country a word names, else the words of its noun phrase ("Cal Fire"), capitalised. */
        private String name(IndexedWord w) {
            String known = knownName(w);
            if (known != null) {
                return known;
            }
            List<IndexedWord> phrase = new ArrayList<>();
            for (IndexedWord t : nounPhrase(w)) {
                if (t.index() <= w.index() && (t == w || !"amod".equals(relation(w, t)) || Character.isUpperCase(t.word().charAt(0)))) {
                    phrase.add(t);
                }
            }
            phrase.sort(java.util.Comparator.comparingInt(IndexedWord::index));
            if (phrase.isEmpty() || !Character.isUpperCase(phrase.get(0).word().charAt(0))) {
                return null; // "officials said", "the ministry said": no name
            }
            return field.text().substring(phrase.get(0).beginPosition(), w.endPosition());
        }

        private String relation(IndexedWord governor, IndexedWord dependent) {
            SemanticGraphEdge e = graph.getEdge(governor, dependent);
            return e == null ? null : e.getRelation().toString();
        }

        private String knownName(IndexedWord w) {
            // The head word only: in "Russian military bloggers" the force "Russian military" is not who says it.
            for (IndexedWord t : List.of(w)) {
                for (ActorMention a : actors) {
                    if (covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t)) {
                        return a.actorName();
                    }
                }
                for (RegionMention r : regions) {
                    if (covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), t)
                            && "country".equals(r.regionType())) {
                        return r.regionName();
                    }
                }
            }
            return null;
        }

        private RegionMention regionAt(IndexedWord w) {
            for (RegionMention r : regions) {
                if (covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), w) && usable(r)) {
                    return r;
                }
            }
            return null;
        }

        /**
         * Whether a place may be a figure's region: resolved, not part of an actor's name ("Ukraine's Armed
         * Forces" act, they are no place), not a front-line axis ("in the Kharkiv direction").
         */
        private boolean usable(RegionMention r) {
            if (r.regionId() == null) {
                return false;
            }
            for (ActorMention a : actors) {
                if (a.field() == r.field() && a.charBegin() <= r.charBegin() && r.charEnd() <= a.charEnd()) {
                    return false;
                }
            }
            String after = field.text().substring(r.charEnd(), Math.min(field.text().length(), r.charEnd() + 12))
                    .toLowerCase(Locale.ROOT).strip();
            return !(after.startsWith("direction") || after.startsWith("axis")) && !("country".equals(r.regionType()) && acts(r));
        }

        /** A country as a party: the subject of an action ("Ukraine repels attacks"), "by Russia", "with Russia". */
        private boolean acts(RegionMention r) {
            for (int t = 0; t < tokens.size(); t++) {
                CoreLabel token = tokens.get(t);
                if (token.beginPosition() < r.charBegin() || token.endPosition() > r.charEnd()) {
                    continue;
                }
                if (token.beginPosition() == r.charBegin() && t > 0
                        && PARTY_MARKERS.contains(tokens.get(t - 1).word().toLowerCase(Locale.ROOT))) {
                    return true;
                }
                IndexedWord w = graph.getNodeByIndexSafe(token.index());
                IndexedWord governor = w == null ? null : parentOf(w);
                SemanticGraphEdge edge = governor == null ? null : graph.getEdge(governor, w);
                if (edge != null && edge.getRelation().toString().equals("nsubj") && governor.tag() != null
                        && governor.tag().startsWith("VB") && !LOCATING_VERBS.contains(governor.lemma())) {
                    return true;
                }
            }
            return false;
        }

        /** A word and the words that name with it: compounds, adjectives, possessives ("Ukraine's troops"). */
        private List<IndexedWord> nounPhrase(IndexedWord w) {
            List<IndexedWord> words = new ArrayList<>();
            words.add(w);
            for (SemanticGraphEdge e : graph.outgoingEdgeIterable(w)) {
                String rel = e.getRelation().toString();
                if (rel.equals("compound") || rel.equals("amod") || rel.equals("nmod:poss") || rel.equals("appos")
                        || rel.equals("flat")) {
                    words.add(e.getDependent());
                }
            }
            return words;
        }

        /** {@code w} and the words above it, to the root (at most 12: enhanced graphs may loop). */
        private List<IndexedWord> ancestors(IndexedWord w) {
            List<IndexedWord> up = new ArrayList<>();
            for (IndexedWord a = w; a != null && up.size() < 12 && !up.contains(a); a = parentOf(a)) {
                up.add(a);
            }
            return up;
        }

        private IndexedWord parentOf(IndexedWord w) {
            // The basic parent: enhanced graphs may give several; the first by relation order is the tree's.
            List<SemanticGraphEdge> in = graph.incomingEdgeList(w);
            return in.isEmpty() ? null : in.get(0).getGovernor();
        }

        private boolean covers(Field f, int sentence, int begin, int end, IndexedWord w) {
            return f == field.field() && sentence == sentenceIndex && w.beginPosition() >= begin && w.endPosition() <= end;
        }
    }

    private String countryName(String countryCode) {
        return gazetteer.country(countryCode).map(Place::name).orElse(countryCode);
    }

    /**
     * The period of a figure from the sentence's time expressions (SUTime, resolved against the article's date),
     * the one nearest the figure: "since June 14" → June 14 … the article's date; "in the past week" → a week
     * back … the date; "yesterday" → that day; "this year" → 1 January … the date.
     */
    static LocalDate[] period(List<CoreMap> timexes, List<CoreLabel> tokens, LocalDate date, TerritorialFigure f) {
        if (timexes == null || timexes.isEmpty()) {
            return null;
        }
        CoreMap nearest = null;
        int best = Integer.MAX_VALUE;
        for (CoreMap t : timexes) {
            int begin = t.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = t.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            int distance = end <= f.charBegin() ? f.charBegin() - end : Math.max(0, begin - f.charEnd());
            if (distance < best) {
                best = distance;
                nearest = t;
            }
        }
        Timex timex = nearest.get(TimeAnnotations.TimexAnnotation.class);
        String text = nearest.get(CoreAnnotations.TextAnnotation.class).toLowerCase(Locale.ROOT);
        // The word before the expression ("since June 14"), found by offsets: SUTime's token indices count from
        // the start of the whole field, not of the sentence.
        int timexBegin = nearest.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        String before = "";
        for (CoreLabel t : tokens) {
            if (t.endPosition() <= timexBegin) {
                before = t.word().toLowerCase(Locale.ROOT);
            }
        }
        if (timex == null || timex.value() == null) {
            return null;
        }
        String value = timex.value();
        boolean back = text.contains("past") || text.contains("last") || before.equals("past") || before.equals("last")
                || before.equals("over") || before.equals("within");
        try {
            if (timex.timexType().equals("DURATION")) {
                Matcher m = DURATION.matcher(value);
                if (!m.matches()) {
                    return null;
                }
                int n = Integer.parseInt(m.group(1));
                LocalDate start = switch (m.group(2)) {
                    case "D" -> date.minusDays(n);
                    case "W" -> date.minusWeeks(n);
                    case "M" -> date.minusMonths(n);
                    default -> date.minusYears(n);
                };
                return new LocalDate[] {start, date};
            }
            if (!timex.timexType().equals("DATE")) {
                return null;
            }
            if (value.matches("\\d{4}-W\\d{2}") && back) {
                return new LocalDate[] {date.minusWeeks(1), date}; // "in the past week"
            }
            boolean sinceOrSoFar = before.equals("since") || text.startsWith("this") || before.equals("far");
            if (value.matches("\\d{4}")) {
                // "this year", "since 2021": up to the article's date; a bare other year is no period of the figure
                LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
                return start.isAfter(date) || !sinceOrSoFar ? null : new LocalDate[] {start, date};
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                LocalDate start = LocalDate.parse(value + "-01");
                return start.isAfter(date) || !sinceOrSoFar ? null : new LocalDate[] {start, date};
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(value);
                if (day.isAfter(date)) {
                    day = day.minusYears(1); // "since June 14" in January: the June before
                }
                if (before.equals("since") || before.equals("from")) {
                    return new LocalDate[] {day, date};
                }
                return new LocalDate[] {day, day};
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return null; // a value SUTime could not pin down ("XXXX-06-14" without a year): no period
        }
        return null;
    }
}
