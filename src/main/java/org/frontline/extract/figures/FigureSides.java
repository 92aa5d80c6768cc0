package org.frontline.extract.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.frontline.extract.ActorMention;
import org.frontline.extract.Field;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.extract.figures.AttributionLexicon.Meaning;

/**
 * The side of a territorial figure (FIGURES.md: stated or implied), as a country code: what the sentence's parse
 * names, else what the predicate's meaning (conf/figures/verbs.tsv), the article's war and the outlet imply.
 */
final class FigureSides {
    /** Relations of a verb to the side that acts: its subject, a controlled subject, a passive's agent. */
    private static final Set<String> SUBJECT_RELATIONS = Set.of("nsubj", "nsubj:xsubj", "obl:agent", "obl:by");
    /** Pronouns that stand for a side named elsewhere ("Moscow says it has captured …"). */
    private static final Set<String> SIDE_PRONOUNS = Set.of("it", "they", "its", "their", "them");
    /** Pronouns of a speaker's own side ("we have liberated …"). */
    private static final Set<String> OWN_SIDE_PRONOUNS = Set.of("we", "our", "us");
    /** "Russian-held", "Ukrainian-controlled": a holder named in one word with the land. */
    private static final Pattern HELD_BY = Pattern.compile("\\b(\\p{L}+)[-\u2010\u2011](?:held|occupied|controlled|annexed|seized)\\b");

    /** The side of a figure as a country code (null: none), and the meaning of its predicate (null: unknown). */
    record Side(String country, Meaning meaning) {
    }

    private final FigureSentence parse;

    FigureSides(FigureSentence parse) {
        this.parse = parse;
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
            Meaning m = parse.lexicon.meaning(p.lemma()).orElse(null);
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
        IndexedWord located = f.quantity() == TerritorialFigure.Quantity.DISTANCE ? parse.parentOf(head) : null;
        if (located != null && located.tag() != null && located.tag().startsWith("NN")
                && head.tag() != null && !head.tag().startsWith("VB")) {
            String side = sideCode(located);
            if (side != null) {
                return new Side(side, meaning);
            }
        }
        for (IndexedWord p : order) {
            String side = statedSide(p, head, parse.lexicon.meaning(p.lemma()).orElse(null));
            if (side != null) {
                return new Side(side, meaning);
            }
        }
        // "… used surprise to advance at least 20km", "…, pushing Russian forces back 6-10km": the subject of
        // the verb the predicate completes.
        IndexedWord verb = order.isEmpty() ? null : order.get(0);
        for (int hops = 0; verb != null && hops < 3; hops++) {
            IndexedWord up = parse.parentOf(verb);
            SemanticGraphEdge e = up == null ? null : parse.graph.getEdge(up, verb);
            String rel = e == null ? "" : e.getRelation().toString();
            if (!(rel.startsWith("xcomp") || rel.startsWith("advcl") || rel.startsWith("conj") || rel.startsWith("acl")
                    || rel.equals("obj"))) {
                break;
            }
            String side = statedSide(up, head, parse.lexicon.meaning(up.lemma()).orElse(null));
            if (side != null) {
                return new Side(side, meaning);
            }
            verb = up;
        }
        // "Russian-held territory": its holder took it; land regained from, or advanced into, is the other's.
        String held = heldBy();
        String side = held == null ? null : meaning == null || meaning == Meaning.TAKE || meaning == Meaning.ATTACK
                ? held : parse.lexicon.opponent(held, parse.article.date()).orElse(null);
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
        for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(head)) {
            String rel = e.getRelation().toString();
            IndexedWord d = e.getDependent();
            Meaning m = parse.lexicon.meaning(d.lemma()).orElse(null);
            if ((rel.equals("nsubj") || rel.startsWith("acl") && d.tag() != null && d.tag().matches("VBN|VBD|JJ"))
                    && m != null && m != Meaning.PLACE && m != Meaning.EVIDENCE) {
                out.add(d);
            }
        }
        IndexedWord v = parse.parentOf(head);
        for (int hops = 0; v != null && hops < 6 && !out.contains(v); hops++, v = parse.parentOf(v)) {
            String tag = v.tag() == null ? "" : v.tag();
            if (tag.startsWith("VB")) {
                out.add(v);
                if (parse.lexicon.meaning(v.lemma()).isEmpty()) {
                    // "12 settlements remain occupied", "… are under Russian control": the verb's complement
                    // says what happened.
                    for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(v)) {
                        String rel = e.getRelation().toString();
                        if ((rel.equals("xcomp") || rel.equals("obl:under")) && !e.getDependent().equals(head)
                                && parse.lexicon.meaning(e.getDependent().lemma()).isPresent()) {
                            out.add(e.getDependent());
                        }
                    }
                }
                break;
            }
            Meaning meaning = parse.lexicon.meaning(v.lemma()).orElse(null);
            if (tag.startsWith("NN") && meaning != null && meaning != Meaning.PLACE && meaning != Meaning.EVIDENCE) {
                out.add(v);
                // A headline's "defenders repelled attacks near 7 settlements" parsed as a noun phrase: the
                // participle is the clause's verb.
                for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(v)) {
                    IndexedWord d = e.getDependent();
                    if (e.getRelation().toString().equals("amod") && d.tag() != null && d.tag().startsWith("VB")
                            && parse.lexicon.meaning(d.lemma()).isPresent()) {
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
        for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(predicate)) {
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
                    return gainer != null ? gainer : parse.lexicon.opponent(side, parse.article.date()).orElse(null);
                }
                return side;
            }
        }
        if (gainer != null) {
            return gainer;
        }
        if (loser != null && (meaning == Meaning.TAKE || meaning == Meaning.REGAIN)) {
            String taker = parse.lexicon.opponent(loser, parse.article.date()).orElse(null);
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
        Matcher m = HELD_BY.matcher(parse.text);
        while (m.find()) {
            var cc = parse.directory.countryOfDemonym(m.group(1));
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
        String land = region != null && region.countryCode() != null ? region.countryCode() : parse.article.mainCountry();
        if (meaning != null && parse.article.isSide(land)) {
            switch (meaning) {
                case TAKE, ATTACK -> {
                    return parse.article.opponent(land).orElse(null);
                }
                case REGAIN, DEFEND -> {
                    return land;
                }
                default -> {
                }
            }
        }
        boolean lead = parse.field.field() == Field.TITLE || parse.sentenceIndex < 2;
        if (lead && parse.article.titleSide() != null) {
            return parse.article.titleSide();
        }
        String own = parse.article.perspective();
        if (own != null && meaning != null) {
            return switch (meaning) {
                case REGAIN, DEFEND, ADVANCE, RETREAT -> own;
                case TAKE, ATTACK -> parse.article.opponent(own).orElse(null);
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
        boolean force = parse.lexicon.meaning(w.lemma()).orElse(null) == Meaning.FORCE;
        for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(w)) {
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
        for (IndexedWord t : parse.nounPhrase(w)) {
            for (ActorMention a : parse.actors) {
                if (parse.covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t)) {
                    if (a.countryCode() != null && ArticleContext.isSide(a)) {
                        return a.countryCode();
                    }
                }
            }
            for (RegionMention r : parse.regions) {
                if (parse.covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), t) && r.countryCode() != null
                        && ("country".equals(r.regionType()) || t == w && parse.isCapital(r))) {
                    return r.countryCode();
                }
            }
            var cc = parse.directory.countryOfSide(t.word());
            if (cc.isPresent()) {
                String relative = parse.directory.relativeSide(t.word()).orElse(null);
                if (relative != null && parse.article.perspective() != null) {
                    return relative.equals("own") ? parse.article.perspective()
                            : parse.article.opponent(parse.article.perspective()).orElse(cc.get());
                }
                return cc.get();
            }
        }
        return null;
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
            return speaker != null ? speaker : parse.article.perspective();
        }
        if (!SIDE_PRONOUNS.contains(word)) {
            return null; // "he", "she": a person is no side
        }
        String speaker = speakerSide(pronoun);
        if (speaker != null) {
            return speaker;
        }
        String nearest = null;
        for (int t = 0; t < parse.tokens.size() && parse.tokens.get(t).endPosition() <= pronoun.beginPosition(); t++) {
            IndexedWord w = parse.graph.getNodeByIndexSafe(parse.tokens.get(t).index());
            String side = w == null || w.tag() != null && w.tag().startsWith("PRP") ? null : sideCodeOfWord(w);
            nearest = side != null ? side : nearest;
        }
        if (nearest != null) {
            return nearest;
        }
        return parse.sentenceIndex > 0 ? firstSideOf(parse.sentenceIndex - 1) : parse.article.titleSide();
    }


    /** The side of the subject of the verb of saying above {@code w} ("Moscow says it …"), if it names one. */
    private String speakerSide(IndexedWord w) {
        for (IndexedWord a : parse.ancestors(w)) {
            if (a != w && parse.lexicon.meaning(a.lemma()).orElse(null) == Meaning.SAY) {
                for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(a)) {
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
        for (ActorMention a : parse.actors) {
            if (parse.covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), w) && a.actorType().equals("person")) {
                return a.countryCode();
            }
        }
        return null;
    }


    /** The side one word names by itself (no phrase): an acting force or institution, a state, a side word. */
    private String sideCodeOfWord(IndexedWord t) {
        for (ActorMention a : parse.actors) {
            if (parse.covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t) && a.countryCode() != null
                    && ArticleContext.isSide(a)) {
                return a.countryCode();
            }
        }
        for (RegionMention r : parse.regions) {
            if (parse.covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), t) && "country".equals(r.regionType())) {
                return r.countryCode();
            }
        }
        String tag = t.tag() == null ? "" : t.tag();
        return tag.startsWith("NN") ? parse.directory.countryOfSide(t.word()).orElse(null) : null;
    }


    /** The first side a sentence of this field names: an acting force or institution, else a state. */
    private String firstSideOf(int sentence) {
        ActorMention first = null;
        for (ActorMention a : parse.actors) {
            if (a.field() == parse.field.field() && a.sentenceIndex() == sentence && a.countryCode() != null
                    && ArticleContext.isSide(a) && (first == null || a.charBegin() < first.charBegin())) {
                first = a;
            }
        }
        if (first != null) {
            return first.countryCode();
        }
        for (RegionMention r : parse.regions) {
            if (r.field() == parse.field.field() && r.sentenceIndex() == sentence && "country".equals(r.regionType())) {
                return r.countryCode();
            }
        }
        return null;
    }
}
