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
import org.frontline.extract.AttributionLexicon.Meaning;
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
    private static final Set<String> REGION_RELATIONS = Set.of("nmod:in", "obl:in", "nmod:of", "obl:of", "nmod:near",
            "obl:near", "obl:across", "nmod:across", "obl:throughout", "nmod:poss", "obl:inside", "nmod:inside",
            "obl:within", "nmod:within", "obl:around", "nmod:around", "obl:into", "nmod:into");
    private static final Set<String> REFERENCE_RELATIONS = Set.of("nmod:of", "obl:of", "nmod:from", "obl:from",
            "nmod:to", "obl:to");
    private static final Pattern DURATION = Pattern.compile("P(\\d+)([DWMY])");
    /** How far (characters) a place may be from a figure to be taken for its place when the parse says nothing. */
    private static final int NEAR = 40;
    /** Words before a country that make it a party, not a place: "attacks by Russia", "the war with Russia". */
    private static final Set<String> PARTY_MARKERS = Set.of("by", "with", "against");
    /** Relations of a verb to the side that acts: its subject, a controlled subject, a passive's agent. */
    private static final Set<String> SUBJECT_RELATIONS = Set.of("nsubj", "nsubj:xsubj", "obl:agent", "obl:by");
    /** Pronouns that stand for a side named elsewhere ("Moscow says it has captured …"). */
    private static final Set<String> SIDE_PRONOUNS = Set.of("it", "they", "its", "their", "them");
    /** Pronouns of a speaker's own side ("we have liberated …"). */
    private static final Set<String> OWN_SIDE_PRONOUNS = Set.of("we", "our", "us");
    /** "Russian-held", "Ukrainian-controlled": a holder named in one word with the land. */
    private static final Pattern HELD_BY = Pattern.compile("\\b(\\p{L}+)[-\u2010\u2011](?:held|occupied|controlled|annexed|seized)\\b");
    /** Words between a place's name and the position that locates it ("X, a small town about 25 km …"). */
    private static final Set<String> APPOSITION_WORDS = Set.of("about", "approximately", "roughly", "some", "around",
            "nearly", "almost", "just", "only", "over", "under", "more", "than", "less", "at", "least", "up", "to",
            "within", "both", "all", "each", "located", "which", "is", "lies", "situated", "a", "an", "the", "small",
            "large", "town", "village", "settlement", "city", "hamlet", "suburb", "area", "another", "also", "approx.",
            "ca.", "est.");
    /** Tags of the words a name as written may hold before its head ("Mykolaiv Oblast officials"). */
    private static final Pattern NAME_TAGS = Pattern.compile("NNP?S?|JJ|POS|CD");
    /** Words of quantity or articles that open a subject but are no part of its name ("Several milbloggers"). */
    private static final Set<String> QUANTITY_WORDS = Set.of("several", "various", "some", "other", "many", "multiple",
            "numerous", "a", "an", "the", "another", "both", "all", "two", "three", "four", "five", "most", "few");
    /** Nouns that make a first-level region of the name before them ("the Lipetsk region"). */
    private static final Set<String> REGION_NOUNS = Set.of("region", "oblast", "province", "krai", "district");
    /** How many sentences back a text's place may be taken from for a figure whose sentence names none. */
    private static final int PLACE_LOOKBACK = 5;

    private final edu.stanford.nlp.pipeline.Annotator time;
    private final edu.stanford.nlp.pipeline.Annotator parser;
    private final Gazetteer gazetteer;
    private final ActorDirectory directory;
    private final AttributionLexicon lexicon;

    /**
     * The cascade's annotators (built once per JVM by their owner), the gazetteer (country names), the actor
     * directory (demonyms: "inside the Russian border" is in Russia) and the attribution lexicons (conf/figures).
     */
    public FigureAttribution(edu.stanford.nlp.pipeline.Annotator time, edu.stanford.nlp.pipeline.Annotator parser,
                             Gazetteer gazetteer, ActorDirectory directory, AttributionLexicon lexicon) {
        this.time = time;
        this.parser = parser;
        this.gazetteer = gazetteer;
        this.directory = directory;
        this.lexicon = lexicon;
    }

    /**
     * The context of one article for the figures of its sentences: built once per article that holds a figure.
     * {@code sourceOrUrl} tells the outlet (its side: conf/figures/outlets.tsv).
     */
    public ArticleContext context(LocalDate date, String sourceOrUrl, List<AnnotatedField> fields,
                                  List<RegionMention> regions, List<ActorMention> actors) {
        return ArticleContext.of(date, sourceOrUrl, fields, regions, actors, lexicon, directory);
    }

    /**
     * The figures of one sentence with their actor, region, claimant and period filled in where the text states or
     * implies them (FIGURES.md). Runs SUTime and the parser on that sentence only; {@code article} holds the
     * article's date, resolved mentions and what it says beyond the sentence.
     */
    public Attributed attribute(AnnotatedField field, int sentenceIndex, List<TerritorialFigure> figures,
                                ArticleContext article) {
        LocalDate articleDate = article.date();
        CoreMap sentence = field.sentences().get(sentenceIndex);
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        Annotation one = new Annotation(field.text());
        one.set(CoreAnnotations.TokensAnnotation.class, tokens);
        one.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
        one.set(CoreAnnotations.DocDateAnnotation.class, articleDate.toString());
        String text = field.text().substring(tokens.get(0).beginPosition(), tokens.get(tokens.size() - 1).endPosition());
        // A period the sentence states in words the lexicon knows ("over the past day", "since the full-scale
        // invasion began") needs no SUTime, which is the costliest step of the cascade (BENCHMARKS.md).
        LocalDate[] worded = wordedPeriod(text.toLowerCase(Locale.ROOT), article);
        // SUTime only where a period can come of it: not for positions (a distance has no period, below), not for
        // a sentence without a word of time.
        boolean timed = worded == null && figures.stream().anyMatch(f -> !isPosition(f))
                && TimeWords.mayHoldAPeriod(tokens.stream().map(CoreLabel::word).toList());
        if (timed) {
            time.annotate(one);
        }
        parser.annotate(one);
        SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
        List<CoreMap> timexes = sentence.get(TimeAnnotations.TimexAnnotations.class);
        Context c = new Context(field, sentenceIndex, tokens, graph, article, text);
        List<TerritorialFigure> out = new ArrayList<>(figures.size());
        for (TerritorialFigure f : figures) {
            IndexedWord head = c.head(f);
            String claimant = c.claimant(head);
            IndexedWord verb = head == null ? null : c.governingVerb(head);
            // A position given right after a place's name locates that place ("Vesele (8km southwest of
            // Avdiivka)", "Svitlodarsk, approximately 21 km southwest of Popasna"), whatever the parse makes of it.
            int located = isPosition(f) ? c.namedJustBefore(f) : -1;
            RegionMention region = located >= 0 ? c.locatedPlace(f, located)
                    : c.settlementsLieInRegions(f, c.region(f, head, verb));
            if (region == null && isPosition(f)) {
                region = c.reference(f); // a force or an event located: "Russian forces were 20 km from Pokrovsk"
            }
            if (region == null) {
                region = c.impliedRegion(f); // stated or implied (FIGURES.md): the sentence's or the article's
            }
            // A distance that locates a place ("the town of Sudzha, 530 km southwest of Moscow") has no actor.
            boolean locatesAPlace = located >= 0 || f.quantity() == TerritorialFigure.Quantity.DISTANCE && head != null
                    && c.locatesAPlace(head);
            Side side = locatesAPlace ? new Side(null, null) : c.actor(f, head, region);
            if (region == null) {
                region = c.territory(f, side); // the land's country, by who took or regained it, else the article's
            }
            // A distance is a position, not an event: the date of the sentence is not the figure's period.
            LocalDate[] period = isPosition(f) ? null
                    : worded != null ? worded : period(c.attached(timexes, head), tokens, articleDate, f);
            out.add(new TerritorialFigure(f.field(), f.sentenceIndex(), f.charBegin(), f.charEnd(), f.surface(),
                    f.quantity(), f.valueMin(), f.valueMax(), f.qualifier(), f.kind(),
                    side.country() == null ? null : countryName(side.country()),
                    region == null ? null : region.regionId(), region == null ? null : region.regionName(), claimant,
                    period == null ? null : period[0], period == null ? null : period[1], f.sentence()));
        }
        return new Attributed(out, timed);
    }

    /**
     * A period stated in words of conf/figures/periods.tsv ("over the past day" → the day before … the article's
     * date), or counted from a war's anchor ("since the full-scale invasion began" → 2022-02-24 … the date); null
     * when the sentence has none.
     */
    private LocalDate[] wordedPeriod(String lowerSentence, ArticleContext article) {
        for (AttributionLexicon.RelativePeriod p : lexicon.periods()) {
            if (containsWords(lowerSentence, p.phrase())) {
                return p.resolve(article.date());
            }
        }
        int since = lowerSentence.indexOf("since ");
        while (since >= 0) {
            String after = lowerSentence.substring(since + 6).replaceFirst("^(?:the )?(?:start|beginning|outbreak|onset) of ", "")
                    .replaceFirst("^the ", "");
            for (AttributionLexicon.Conflict war : article.conflict() == null ? lexicon.conflictsOn(article.date())
                    : List.of(article.conflict())) {
                LocalDate best = null;
                int longest = 0;
                for (var anchor : war.anchors().entrySet()) {
                    String phrase = anchor.getKey().replaceFirst("^the ", "");
                    if (after.startsWith(phrase) && !after.startsWith(phrase + "s") && phrase.length() > longest
                            && !anchor.getValue().isAfter(article.date())) {
                        best = anchor.getValue();
                        longest = phrase.length();
                    }
                }
                if (best != null) {
                    return new LocalDate[] {best, article.date()};
                }
            }
            since = lowerSentence.indexOf("since ", since + 6);
        }
        return null;
    }

    /** Whether {@code phrase} occurs in {@code text} as whole words. */
    private static boolean containsWords(String text, String phrase) {
        for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + phrase.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** The side of a figure as a country code (null: none), and the meaning of its predicate (null: unknown). */
    private record Side(String country, Meaning meaning) {
    }

    /** A sentence's figures with their attribution, and whether SUTime read the sentence (for the run's counts). */
    public record Attributed(List<TerritorialFigure> figures, boolean timed) {
    }

    /** A distance that is a position (kind distance): it has no period. */
    private static boolean isPosition(TerritorialFigure f) {
        return f.quantity() == TerritorialFigure.Quantity.DISTANCE && f.kind() == TerritorialFigure.Kind.DISTANCE;
    }

    /** What the parse, the article's mentions and its context say about one sentence. */
    private final class Context {
        private final AnnotatedField field;
        private final int sentenceIndex;
        private final List<CoreLabel> tokens;
        private final SemanticGraph graph;
        private final ArticleContext article;
        private final List<RegionMention> regions;
        private final List<ActorMention> actors;
        /** The sentence's text. */
        private final String text;

        Context(AnnotatedField field, int sentenceIndex, List<CoreLabel> tokens, SemanticGraph graph,
                ArticleContext article, String text) {
            this.field = field;
            this.sentenceIndex = sentenceIndex;
            this.tokens = tokens;
            this.graph = graph;
            this.article = article;
            this.regions = article.regions();
            this.actors = article.actors();
            this.text = text;
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

        /**
         * Whether a distance hangs on a place it locates: a place's name, or a noun of a place ("a key logistics hub
         * about 50km east of Svatove"; conf/figures/verbs.tsv, class place). A distance that hangs on another noun
         * locates what acts ("Ukrainian positions within 25 km of Russian lines", "an explosion three miles from the
         * Kremlin"), and that has a side.
         */
        boolean locatesAPlace(IndexedWord w) {
            for (SemanticGraphEdge e : graph.outgoingEdgeIterable(w)) {
                // "Just 60 km away … is Russia's Kursk nuclear power station": the subject of a copular position.
                IndexedWord d = e.getDependent();
                if (e.getRelation().toString().equals("nsubj") && (regionAt(d) != null
                        || lexicon.meaning(d.lemma()).orElse(null) == Meaning.PLACE)) {
                    return true;
                }
            }
            // The word a distance hangs on, over the adverbs between ("60 km away … is … the station").
            IndexedWord parent = parentOf(w);
            for (int hops = 0; parent != null && hops < 3 && parent.tag() != null && parent.tag().matches("RB.*|IN|JJ.*");
                 hops++) {
                parent = parentOf(parent);
            }
            if (parent == null || parent.tag() == null || !parent.tag().startsWith("NN")) {
                return false;
            }
            return regionAt(parent) != null || parent.tag().startsWith("NNP")
                    || lexicon.meaning(parent.lemma()).orElse(null) == Meaning.PLACE;
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
         * The side of the figure (FIGURES.md: stated or implied), as its country's name ("Russia"). Stated: the
         * subject of the predicate that governs the figure (not the figure itself: "25 settlements came under…"),
         * a passive's agent ("were attacked by the occupiers"), a pronoun's antecedent ("Moscow says it has
         * captured"), else a side in its prepositional phrases ("came under Russian fire"; never "from":
         * "liberated from Russian invaders" names the loser). Implied, by the predicate's meaning (conf/figures/
         * verbs.tsv) in the article's war: land "lost" by one side or "liberated from" it is the other side's; land
         * occupied or shelled in one side's country is the other side's doing, land liberated there its own; else
         * the side of a headline for its lead, else the outlet's own side.
         */
        Side actor(TerritorialFigure f, IndexedWord head, RegionMention region) {
            // The predicates above the figure, nearest first, up to its clause's verb. The verb's own subject
            // speaks first ("Ukraine repels Russian attacks near ten settlements": Ukraine), then the nouns' ("Russian
            // shelling of 12 settlements was reported": Russia).
            List<IndexedWord> predicates = head == null ? List.of() : predicates(head);
            Meaning meaning = null;
            List<IndexedWord> order = new ArrayList<>();
            for (IndexedWord p : predicates) {
                Meaning m = lexicon.meaning(p.lemma()).orElse(null);
                boolean verb = p.tag() != null && p.tag().startsWith("VB");
                if (m == Meaning.LOCATE && verb) {
                    return new Side(null, m); // "the Falkland Islands, which lie 300 miles east of …" locates
                }
                if (m != null && m != Meaning.SAY && (meaning == null || verb)) {
                    meaning = m; // the clause's verb says what happened, a noun below it only when it has none
                }
                if (m != Meaning.SAY) {
                    order.add(verb ? 0 : order.size(), p);
                }
            }
            // "Ukrainian positions within 25 km of Russian lines": what a distance locates names its side.
            IndexedWord located = f.quantity() == TerritorialFigure.Quantity.DISTANCE ? parentOf(head) : null;
            if (located != null && located.tag() != null && located.tag().startsWith("NN")
                    && head.tag() != null && !head.tag().startsWith("VB")) {
                String side = sideCode(located);
                if (side != null) {
                    return new Side(side, meaning);
                }
            }
            for (IndexedWord p : order) {
                String side = statedSide(p, head, lexicon.meaning(p.lemma()).orElse(null));
                if (side != null) {
                    return new Side(side, meaning);
                }
            }
            // "… used surprise to advance at least 20km", "…, pushing Russian forces back 6-10km": the subject of
            // the verb the predicate completes.
            IndexedWord verb = order.isEmpty() ? null : order.get(0);
            for (int hops = 0; verb != null && hops < 3; hops++) {
                IndexedWord up = parentOf(verb);
                SemanticGraphEdge e = up == null ? null : graph.getEdge(up, verb);
                String rel = e == null ? "" : e.getRelation().toString();
                if (!(rel.startsWith("xcomp") || rel.startsWith("advcl") || rel.startsWith("conj") || rel.startsWith("acl")
                        || rel.equals("obj"))) {
                    break;
                }
                String side = statedSide(up, head, lexicon.meaning(up.lemma()).orElse(null));
                if (side != null) {
                    return new Side(side, meaning);
                }
                verb = up;
            }
            // "Russian-held territory": its holder took it; land regained from, or advanced into, is the other's.
            String held = heldBy();
            String side = held == null ? null : meaning == null || meaning == Meaning.TAKE || meaning == Meaning.ATTACK
                    ? held : lexicon.opponent(held, article.date()).orElse(null);
            if (side == null) {
                side = impliedSide(meaning, region);
            }
            return new Side(side, meaning);
        }

        /**
         * The predicates a figure is an argument of, nearest first: the nouns of conf/figures/verbs.tsv on the way
         * ("the liberation of 12 settlements", "attacks near 9 settlements") and the first verb above it.
         */
        List<IndexedWord> predicates(IndexedWord head) {
            List<IndexedWord> out = new ArrayList<>();
            // "Their deepest penetration to date is about 60 kilometers": the figure is the predicate of its subject;
            // "seven villages liberated in counteroffensive": a participle of the figure's own says what happened.
            for (SemanticGraphEdge e : graph.outgoingEdgeIterable(head)) {
                String rel = e.getRelation().toString();
                IndexedWord d = e.getDependent();
                Meaning m = lexicon.meaning(d.lemma()).orElse(null);
                if ((rel.equals("nsubj") || rel.startsWith("acl") && d.tag() != null && d.tag().matches("VBN|VBD|JJ"))
                        && m != null && m != Meaning.PLACE && m != Meaning.EVIDENCE) {
                    out.add(d);
                }
            }
            IndexedWord v = parentOf(head);
            for (int hops = 0; v != null && hops < 6 && !out.contains(v); hops++, v = parentOf(v)) {
                String tag = v.tag() == null ? "" : v.tag();
                if (tag.startsWith("VB")) {
                    out.add(v);
                    if (lexicon.meaning(v.lemma()).isEmpty()) {
                        // "12 settlements remain occupied", "… are under Russian control": the verb's complement
                        // says what happened.
                        for (SemanticGraphEdge e : graph.outgoingEdgeIterable(v)) {
                            String rel = e.getRelation().toString();
                            if ((rel.equals("xcomp") || rel.equals("obl:under")) && !e.getDependent().equals(head)
                                    && lexicon.meaning(e.getDependent().lemma()).isPresent()) {
                                out.add(e.getDependent());
                            }
                        }
                    }
                    break;
                }
                Meaning meaning = lexicon.meaning(v.lemma()).orElse(null);
                if (tag.startsWith("NN") && meaning != null && meaning != Meaning.PLACE && meaning != Meaning.EVIDENCE) {
                    out.add(v);
                    // A headline's "defenders repelled attacks near 7 settlements" parsed as a noun phrase: the
                    // participle is the clause's verb.
                    for (SemanticGraphEdge e : graph.outgoingEdgeIterable(v)) {
                        IndexedWord d = e.getDependent();
                        if (e.getRelation().toString().equals("amod") && d.tag() != null && d.tag().startsWith("VB")
                                && lexicon.meaning(d.lemma()).isPresent()) {
                            out.add(d);
                        }
                    }
                }
            }
            return out;
        }

        /** The side the predicate's own arguments name, as a country code, read as its meaning says. */
        private String statedSide(IndexedWord predicate, IndexedWord head, Meaning meaning) {
            List<IndexedWord> subjects = new ArrayList<>();
            List<IndexedWord> others = new ArrayList<>();
            String loser = null;
            String gainer = null;
            for (SemanticGraphEdge e : graph.outgoingEdgeIterable(predicate)) {
                String rel = e.getRelation().toString();
                IndexedWord d = e.getDependent();
                if (d.equals(head)) {
                    continue;
                }
                if (SUBJECT_RELATIONS.contains(rel) || rel.equals("nmod:poss") && predicate.tag().startsWith("NN")
                        || rel.equals("nmod:by") || rel.equals("nmod:of") && "control".equals(predicate.lemma())) {
                    subjects.add(d);
                } else if (rel.equals("obl:from") || rel.equals("nmod:from")) {
                    loser = loser == null ? sideCode(d) : loser; // "liberated from Russian invaders"
                } else if ((rel.equals("obl:to") || rel.equals("nmod:to")) && meaning == Meaning.LOSE) {
                    gainer = gainer == null ? sideCode(d) : gainer; // "lost three villages to Russian forces"
                } else if (rel.startsWith("obl:") && !rel.equals("obl:tmod") && !rel.startsWith("obl:according")
                        || rel.equals("amod") && predicate.tag().startsWith("NN")) {
                    others.add(d); // "came under Russian fire"; "Russian shelling of 12 settlements"
                }
            }
            for (IndexedWord w : subjects) {
                String side = sideCode(w);
                if (side != null) {
                    if (meaning == Meaning.LOSE) {
                        return gainer != null ? gainer : lexicon.opponent(side, article.date()).orElse(null);
                    }
                    return side;
                }
            }
            if (gainer != null) {
                return gainer;
            }
            if (loser != null && (meaning == Meaning.TAKE || meaning == Meaning.REGAIN)) {
                String taker = lexicon.opponent(loser, article.date()).orElse(null);
                if (taker != null) {
                    return taker;
                }
            }
            if (meaning != Meaning.LOSE) {
                for (IndexedWord w : others) {
                    String side = sideCode(w);
                    if (side != null) {
                        return side;
                    }
                }
            }
            return null;
        }

        /** "Russian-held", "Ukrainian-controlled": the holder a hyphenated word names, when the sentence has one. */
        private String heldBy() {
            Matcher m = HELD_BY.matcher(text);
            while (m.find()) {
                var cc = directory.countryOfDemonym(m.group(1));
                if (cc.isPresent()) {
                    return cc.get();
                }
            }
            return null;
        }

        /**
         * The side no word of the figure's clause names: implied by the predicate's meaning where the land lies in
         * one side's country of the article's war, else the headline's side for a lead, else the outlet's side.
         */
        private String impliedSide(Meaning meaning, RegionMention region) {
            String land = region != null && region.countryCode() != null ? region.countryCode() : article.mainCountry();
            if (meaning != null && article.isSide(land)) {
                switch (meaning) {
                    case TAKE, ATTACK -> {
                        return article.opponent(land).orElse(null);
                    }
                    case REGAIN, DEFEND -> {
                        return land;
                    }
                    default -> {
                    }
                }
            }
            boolean lead = field.field() == Field.TITLE || sentenceIndex < 2;
            if (lead && article.titleSide() != null) {
                return article.titleSide();
            }
            String own = article.perspective();
            if (own != null && meaning != null) {
                return switch (meaning) {
                    case REGAIN, DEFEND, ADVANCE, RETREAT -> own;
                    case TAKE, ATTACK -> article.opponent(own).orElse(null);
                    default -> null;
                };
            }
            return null;
        }

        /**
         * The side a noun phrase names, as a country code: a country, a force or institution of a country
         * ("Russian forces", "Ukraine's General Staff"), a capital that acts for its state ("Moscow says", "Kyiv
         * retook"), a demonym ("Russians", "Russian fire"), a side word ("the occupiers"; "the enemy" from the
         * outlet's side), or a pronoun's antecedent. People, fires and other subjects are no side.
         */
        private String sideCode(IndexedWord w) {
            if (w.tag() != null && w.tag().startsWith("PRP")) {
                return antecedentSide(w);
            }
            boolean force = lexicon.meaning(w.lemma()).orElse(null) == Meaning.FORCE;
            for (SemanticGraphEdge e : graph.outgoingEdgeIterable(w)) {
                IndexedWord d = e.getDependent();
                String rel = e.getRelation().toString();
                if (force && rel.equals("nmod:poss") && d.tag() != null && d.tag().startsWith("PRP")) {
                    return antecedentSide(d); // "the Russian MoD claimed its forces advanced 14km"
                }
                if (force && rel.equals("nmod:of")) {
                    String side = sideCode(d); // "units of the AFU"
                    if (side != null) {
                        return side;
                    }
                }
            }
            for (IndexedWord t : nounPhrase(w)) {
                for (ActorMention a : actors) {
                    if (covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t)) {
                        if (a.countryCode() != null && ArticleContext.isSide(a)) {
                            return a.countryCode();
                        }
                    }
                }
                for (RegionMention r : regions) {
                    if (covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), t) && r.countryCode() != null
                            && ("country".equals(r.regionType()) || t == w && isCapital(r))) {
                        return r.countryCode();
                    }
                }
                var cc = directory.countryOfSide(t.word());
                if (cc.isPresent()) {
                    String relative = directory.relativeSide(t.word()).orElse(null);
                    if (relative != null && article.perspective() != null) {
                        return relative.equals("own") ? article.perspective()
                                : article.opponent(article.perspective()).orElse(cc.get());
                    }
                    return cc.get();
                }
            }
            return null;
        }

        private boolean isCapital(RegionMention r) {
            return r.regionId() != null && gazetteer.byId(r.regionId()).map(p -> "PPLC".equals(p.featureCode())).orElse(false);
        }

        /**
         * The side a pronoun stands for: "we" is the speaker's side (the claimant's country, else the outlet's);
         * "it", "they" the subject of the verb of saying above it ("Moscow says it has …"), else the nearest side
         * named before it in the sentence, else in the sentence before (or the headline, for a lead).
         */
        private String antecedentSide(IndexedWord pronoun) {
            String word = pronoun.word().toLowerCase(Locale.ROOT);
            if (OWN_SIDE_PRONOUNS.contains(word)) {
                String speaker = speakerSide(pronoun);
                return speaker != null ? speaker : article.perspective();
            }
            if (!SIDE_PRONOUNS.contains(word)) {
                return null; // "he", "she": a person is no side
            }
            String speaker = speakerSide(pronoun);
            if (speaker != null) {
                return speaker;
            }
            String nearest = null;
            for (int t = 0; t < tokens.size() && tokens.get(t).endPosition() <= pronoun.beginPosition(); t++) {
                IndexedWord w = graph.getNodeByIndexSafe(tokens.get(t).index());
                String side = w == null || w.tag() != null && w.tag().startsWith("PRP") ? null : sideCodeOfWord(w);
                nearest = side != null ? side : nearest;
            }
            if (nearest != null) {
                return nearest;
            }
            return sentenceIndex > 0 ? firstSideOf(sentenceIndex - 1) : article.titleSide();
        }

        /** The side of the subject of the verb of saying above {@code w} ("Moscow says it …"), if it names one. */
        private String speakerSide(IndexedWord w) {
            for (IndexedWord a : ancestors(w)) {
                if (a != w && lexicon.meaning(a.lemma()).orElse(null) == Meaning.SAY) {
                    for (SemanticGraphEdge e : graph.outgoingEdgeIterable(a)) {
                        if (e.getRelation().toString().equals("nsubj") && !e.getDependent().equals(w)
                                && (e.getDependent().tag() == null || !e.getDependent().tag().startsWith("PRP"))) {
                            String side = sideCode(e.getDependent());
                            if (side != null) {
                                return side;
                            }
                            String speaker = personCountry(e.getDependent());
                            if (speaker != null) {
                                return speaker;
                            }
                        }
                    }
                }
            }
            return null;
        }

        /** The country of a person the word names ("Zelensky said we …"), from the actor table. */
        private String personCountry(IndexedWord w) {
            for (ActorMention a : actors) {
                if (covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), w) && a.actorType().equals("person")) {
                    return a.countryCode();
                }
            }
            return null;
        }

        /** The side one word names by itself (no phrase): an acting force or institution, a state, a side word. */
        private String sideCodeOfWord(IndexedWord t) {
            for (ActorMention a : actors) {
                if (covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t) && a.countryCode() != null
                        && ArticleContext.isSide(a)) {
                    return a.countryCode();
                }
            }
            for (RegionMention r : regions) {
                if (covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), t) && "country".equals(r.regionType())) {
                    return r.countryCode();
                }
            }
            String tag = t.tag() == null ? "" : t.tag();
            return tag.startsWith("NN") ? directory.countryOfSide(t.word()).orElse(null) : null;
        }

        /** The first side a sentence of this field names: an acting force or institution, else a state. */
        private String firstSideOf(int sentence) {
            ActorMention first = null;
            for (ActorMention a : actors) {
                if (a.field() == field.field() && a.sentenceIndex() == sentence && a.countryCode() != null
                        && ArticleContext.isSide(a) && (first == null || a.charBegin() < first.charBegin())) {
                    first = a;
                }
            }
            if (first != null) {
                return first.countryCode();
            }
            for (RegionMention r : regions) {
                if (r.field() == field.field() && r.sentenceIndex() == sentence && "country".equals(r.regionType())) {
                    return r.countryCode();
                }
            }
            return null;
        }

        /**
         * The token index of a place's name the figure follows as its apposition or bracket ("Vesele (8km …",
         * "Svitlodarsk, approximately 21 km …", "Novotoshkirske, a small town 25 km …", "Soledar and Yakovlivka,
         * both within 15km …"), or -1: the name must be a proper noun that is no actor's.
         */
        int namedJustBefore(TerritorialFigure f) {
            int t = 0;
            while (t < tokens.size() && tokens.get(t).beginPosition() < f.charBegin()) {
                t++;
            }
            boolean separated = false;
            for (int i = t - 1; i >= 0 && i >= t - 8; i--) {
                CoreLabel token = tokens.get(i);
                String w = token.word().toLowerCase(Locale.ROOT);
                if (w.equals("(") || w.equals(",") || w.equals("-lrb-") || w.equals("–") || w.equals("—") || w.equals("-")) {
                    separated = true;
                    continue;
                }
                if (APPOSITION_WORDS.contains(w)) {
                    continue;
                }
                String tag = token.tag() == null ? "" : token.tag();
                if (separated && i > 0 && REGION_NOUNS.contains(w) && tokens.get(i - 1).tag() != null
                        && tokens.get(i - 1).tag().startsWith("NNP")) {
                    return i; // "the Lipetsk region, about 360km south of Moscow"
                }
                // A capitalised noun inside the sentence: the tagger takes unknown village names for common nouns.
                if (!separated || !tag.startsWith("NN") || !Character.isUpperCase(token.word().charAt(0)) || i == 0) {
                    return -1;
                }
                for (ActorMention a : actors) {
                    if (a.field() == field.field() && a.sentenceIndex() == sentenceIndex
                            && a.charBegin() <= token.beginPosition() && token.endPosition() <= a.charEnd()
                            && !(a.actorType().equals("person") && a.role() == null && !directory.byName(a.surface()).isPresent())) {
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
            while (first > 1 && t - first < 3 && tokens.get(first - 1).tag() != null && tokens.get(first - 1).tag().startsWith("NN")
                    && Character.isUpperCase(tokens.get(first - 1).word().charAt(0))) {
                first--; // "Vesela Dolyna", "Velyka Komyshuvakha"
            }
            int begin = tokens.get(first).beginPosition();
            int end = tokens.get(t).endPosition();
            RegionMention named = null;
            for (RegionMention r : regions) {
                if (r.field() == field.field() && r.sentenceIndex() == sentenceIndex && r.regionId() != null
                        && r.charBegin() < end && begin < r.charEnd()) {
                    named = r;
                }
            }
            RegionMention reference = null;
            for (RegionMention r : regions) {
                if (r.field() == field.field() && r.sentenceIndex() == sentenceIndex && r.regionId() != null
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
                for (Place p : gazetteer.candidates(field.text().substring(begin, end))) {
                    if (p.latitude() != null && !p.type().equals("country")
                            && kilometres(p.latitude(), p.longitude(), reference.latitude(), reference.longitude()) <= reach
                            && (near == null || population(p) > population(near))) {
                        near = p;
                    }
                }
            }
            if (near != null) {
                return mention(near, begin, end);
            }
            if (reference == null || !"city".equals(reference.regionType())) {
                return reference;
            }
            // Not in the gazetteer (most front-line villages are not): the first-level region of the reference.
            Place city = gazetteer.byId(reference.regionId()).orElse(null);
            return city == null || city.admin1Code() == null ? null
                    : gazetteer.admin1(city.countryCode(), city.admin1Code()).map(a -> mention(a, begin, end)).orElse(null);
        }

        /** The resolved place a position is measured from: the first after the figure, within a few words. */
        RegionMention reference(TerritorialFigure f) {
            RegionMention reference = null;
            for (RegionMention r : regions) {
                if (r.field() == field.field() && r.sentenceIndex() == sentenceIndex && usable(r)
                        && r.charBegin() >= f.charEnd() && r.charBegin() - f.charEnd() <= NEAR
                        && (reference == null || r.charBegin() < reference.charBegin())) {
                    reference = r;
                }
            }
            return reference;
        }

        private RegionMention mention(Place p, int begin, int end) {
            return new RegionMention(field.field(), sentenceIndex, begin, end, field.text().substring(begin, end), p.id(),
                    p.name(), p.type(), p.countryCode(), p.latitude(), p.longitude());
        }

        /**
         * The place a figure whose sentence attaches none is about (FIGURES.md: stated or implied): a place the
         * sentence names that is no party, else the nearest first-level region of the sentences just before, else
         * the headline's place, else the country the article speaks of most.
         */
        RegionMention impliedRegion(TerritorialFigure f) {
            boolean distance = f.quantity() == TerritorialFigure.Quantity.DISTANCE;
            RegionMention inSentence = null;
            for (RegionMention r : regions) {
                if (r.field() == field.field() && r.sentenceIndex() == sentenceIndex && usable(r)
                        && !(distance && r.charBegin() >= f.charEnd()) && (inSentence == null
                        || Place.typeRank(r.regionType()) > Place.typeRank(inSentence.regionType()))) {
                    inSentence = r; // the most specific: "… in Ukraine's Kharkiv region"
                }
            }
            if (inSentence != null) {
                return inSentence;
            }
            if (field.field() == Field.TEXT) {
                for (int back = 1; back <= PLACE_LOOKBACK && sentenceIndex - back >= 0; back++) {
                    RegionMention last = null;
                    for (RegionMention r : regions) {
                        if (r.field() == Field.TEXT && r.sentenceIndex() == sentenceIndex - back && r.regionId() != null
                                && "admin1".equals(r.regionType()) && !insideActor(r)
                                && (last == null || r.charBegin() > last.charBegin())) {
                            last = r;
                        }
                    }
                    if (last != null) {
                        return last;
                    }
                }
            }
            if (field.field() != Field.TITLE && article.titlePlace() != null) {
                return article.titlePlace();
            }
            return null;
        }

        /**
         * The country whose land a figure with no place measures: in the article's war, land regained is the
         * regaining side's and land taken or shelled the other side's; else the country the article speaks of most.
         */
        RegionMention territory(TerritorialFigure f, Side side) {
            String country = null;
            if (side.country() != null && side.meaning() != null && article.isSide(side.country())) {
                country = switch (side.meaning()) {
                    case REGAIN, DEFEND -> side.country();
                    case TAKE, ATTACK -> article.opponent(side.country()).orElse(null);
                    default -> null;
                };
            }
            country = country != null ? country : article.mainCountry();
            return country == null ? null : gazetteer.country(country).map(p -> new RegionMention(field.field(),
                    sentenceIndex, f.charBegin(), f.charBegin(), p.name(), p.id(), p.name(), p.type(), p.countryCode(),
                    p.latitude(), p.longitude())).orElse(null);
        }

        private boolean insideActor(RegionMention r) {
            for (ActorMention a : actors) {
                if (a.field() == r.field() && a.sentenceIndex() == r.sentenceIndex() && a.charBegin() <= r.charBegin()
                        && r.charEnd() <= a.charEnd()) {
                    return true;
                }
            }
            return false;
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
                    String rel = typedRelation(e);
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
            if (verb != null && lexicon.meaning(verb.lemma()).orElse(null) == Meaning.TAKE) {
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
            return rubric != null || !isPosition(f) ? rubric : previousSentencePlace();
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
            Meaning land = lexicon.meaning(w.lemma() == null ? w.word() : w.lemma()).orElse(null);
            if (!anyNoun && land != Meaning.TERRITORY && land != Meaning.PLACE) {
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
                boolean says = lexicon.meaning(w.lemma()).orElse(null) == Meaning.SAY;
                for (SemanticGraphEdge e : graph.outgoingEdgeIterable(w)) {
                    String rel = e.getRelation().toString();
                    if (says && rel.equals("nsubj")
                            && lexicon.meaning(e.getDependent().lemma()).orElse(null) == Meaning.EVIDENCE) {
                        return null; // "geolocated footage shows …": evidence, nobody asserts
                    }
                    if (says && rel.equals("nsubj") || rel.startsWith("obl:according")
                            || "cite".equals(w.lemma()) && rel.equals("obj")) {
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
            // The name as written: the subject and the nominal or capitalised words right before it ("Mykolaiv
            // Oblast officials", "Russian milbloggers", "Donetsk People's Republic"), without a leading article or
            // word of quantity ("Several milbloggers").
            int last = w.index() - 1;
            if (last < 0 || last >= tokens.size()) {
                return null;
            }
            int first = last;
            while (first > 0 && first > last - 6 && NAME_TAGS.matcher(String.valueOf(tokens.get(first - 1).tag())).matches()) {
                first--;
            }
            while (first < last && QUANTITY_WORDS.contains(tokens.get(first).word().toLowerCase(Locale.ROOT))) {
                first++;
            }
            CoreLabel start = tokens.get(first);
            boolean named = false;
            for (int t = first; t <= last; t++) {
                CoreLabel token = tokens.get(t);
                String tag = String.valueOf(token.tag());
                // A capital that is only the sentence's ("Defenders said") names nobody.
                named |= Character.isUpperCase(token.word().charAt(0)) && (t > 0 || tag.startsWith("NNP") || tag.startsWith("JJ"));
            }
            if (!named || !Character.isUpperCase(start.word().charAt(0))) {
                return null; // "officials said", "the ministry said"
            }
            return field.text().substring(start.beginPosition(), tokens.get(last).endPosition());
        }

        private String relation(IndexedWord governor, IndexedWord dependent) {
            SemanticGraphEdge e = graph.getEdge(governor, dependent);
            return e == null ? null : e.getRelation().toString();
        }

        private String knownName(IndexedWord w) {
            // A person named in the subject's phrase: "Deputy Chief … Brigadier General Oleksiy Hromov reported".
            for (IndexedWord t : nounPhrase(w)) {
                for (ActorMention a : actors) {
                    if (covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t) && a.actorType().equals("person")) {
                        return a.actorName();
                    }
                }
            }
            // Else the head word only: in "Russian military bloggers" the force "Russian military" is not who says it.
            for (IndexedWord t : List.of(w)) {
                for (ActorMention a : actors) {
                    if (covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t)) {
                        return a.actorName();
                    }
                }
                for (RegionMention r : regions) {
                    if (covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), t)
                            && ("country".equals(r.regionType()) || isCapital(r))) {
                        return "country".equals(r.regionType()) ? r.regionName() : countryName(r.countryCode());
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
                        && governor.tag().startsWith("VB") && lexicon.meaning(governor.lemma()).orElse(null) != Meaning.LOCATE) {
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

        /**
         * An edge's relation with its preposition, also where the parser leaves it untyped: "advanced 3 km near
         * Bakhmut" comes as nmod(km, Bakhmut) with advmod(Bakhmut, near), read as nmod:near.
         */
        private String typedRelation(SemanticGraphEdge e) {
            String rel = e.getRelation().toString();
            if (!rel.equals("nmod") && !rel.equals("obl")) {
                return rel;
            }
            for (SemanticGraphEdge inner : graph.outgoingEdgeIterable(e.getDependent())) {
                String r = inner.getRelation().toString();
                if ((r.equals("advmod") || r.equals("case")) && inner.getDependent().index() < e.getDependent().index()) {
                    return rel + ":" + inner.getDependent().word().toLowerCase(Locale.ROOT);
                }
            }
            return rel;
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
