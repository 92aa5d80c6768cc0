package org.frontline.extract.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.ActorMention;
import org.frontline.extract.AnnotatedField;
import org.frontline.extract.Field;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.extract.actors.ActorDirectory;
import org.frontline.extract.figures.AttributionLexicon.Meaning;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;

/**
 * One sentence that holds territorial figures, as attribution reads it: its tokens and dependency parse, the
 * article's mentions and context, and the reference data; with the reading of the parse the side, place and
 * claimant inferences share (a figure's head, the words above it, a noun's phrase, the place a word names).
 * Built per sentence by {@link FigureAttribution}; not shared between threads.
 */
final class FigureSentence {
    /** Words before a country that make it a party, not a place: "attacks by Russia", "the war with Russia". */
    private static final Set<String> PARTY_MARKERS = Set.of("by", "with", "against");

    final AnnotatedField field;
    final int sentenceIndex;
    final List<CoreLabel> tokens;
    final SemanticGraph graph;
    final ArticleContext article;
    final List<RegionMention> regions;
    final List<ActorMention> actors;
    /** The sentence's text. */
    final String text;
    final Gazetteer gazetteer;
    final ActorDirectory directory;
    final AttributionLexicon lexicon;

    FigureSentence(AnnotatedField field, int sentenceIndex, List<CoreLabel> tokens, SemanticGraph graph,
                   ArticleContext article, String text, Gazetteer gazetteer, ActorDirectory directory,
                   AttributionLexicon lexicon) {
        this.field = field;
        this.sentenceIndex = sentenceIndex;
        this.tokens = tokens;
        this.graph = graph;
        this.article = article;
        this.regions = article.regions();
        this.actors = article.actors();
        this.text = text;
        this.gazetteer = gazetteer;
        this.directory = directory;
        this.lexicon = lexicon;
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


    boolean isCapital(RegionMention r) {
        return r.regionId() != null && gazetteer.byId(r.regionId()).map(p -> "PPLC".equals(p.featureCode())).orElse(false);
    }


    RegionMention mention(Place p, int begin, int end) {
        return new RegionMention(field.field(), sentenceIndex, begin, end, field.text().substring(begin, end), p.id(),
                p.name(), p.type(), p.countryCode(), p.latitude(), p.longitude());
    }


    boolean insideActor(RegionMention r) {
        for (ActorMention a : actors) {
            if (a.field() == r.field() && a.sentenceIndex() == r.sentenceIndex() && a.charBegin() <= r.charBegin()
                    && r.charEnd() <= a.charEnd()) {
                return true;
            }
        }
        return false;
    }


    String relation(IndexedWord governor, IndexedWord dependent) {
        SemanticGraphEdge e = graph.getEdge(governor, dependent);
        return e == null ? null : e.getRelation().toString();
    }


    RegionMention regionAt(IndexedWord w) {
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
    boolean usable(RegionMention r) {
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
    boolean acts(RegionMention r) {
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
    List<IndexedWord> nounPhrase(IndexedWord w) {
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
    String typedRelation(SemanticGraphEdge e) {
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
    List<IndexedWord> ancestors(IndexedWord w) {
        List<IndexedWord> up = new ArrayList<>();
        for (IndexedWord a = w; a != null && up.size() < 12 && !up.contains(a); a = parentOf(a)) {
            up.add(a);
        }
        return up;
    }


    IndexedWord parentOf(IndexedWord w) {
        // The basic parent: enhanced graphs may give several; the first by relation order is the tree's.
        List<SemanticGraphEdge> in = graph.incomingEdgeList(w);
        return in.isEmpty() ? null : in.get(0).getGovernor();
    }


    boolean covers(Field f, int sentence, int begin, int end, IndexedWord w) {
        return f == field.field() && sentence == sentenceIndex && w.beginPosition() >= begin && w.endPosition() <= end;
    }

    String countryName(String countryCode) {
        return gazetteer.country(countryCode).map(Place::name).orElse(countryCode);
    }
}
