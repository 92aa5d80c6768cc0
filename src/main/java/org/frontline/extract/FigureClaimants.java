package org.frontline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.frontline.extract.AttributionLexicon.Meaning;

/** Who asserts a territorial figure: a sayer over its clause, "according to X", a byline or a rubric. */
final class FigureClaimants {
    /** Tags of the words a name as written may hold before its head ("Mykolaiv Oblast officials"). */
    private static final Pattern NAME_TAGS = Pattern.compile("NNP?S?|JJ|POS|CD");
    /** Words of quantity or articles that open a subject but are no part of its name ("Several milbloggers"). */
    private static final Set<String> QUANTITY_WORDS = Set.of("several", "various", "some", "other", "many", "multiple",
            "numerous", "a", "an", "the", "another", "both", "all", "two", "three", "four", "five", "most", "few");

    private final FigureSentence parse;

    FigureClaimants(FigureSentence parse) {
        this.parse = parse;
    }


    /**
     * Who asserts the figure: the subject of a verb of saying that governs the figure's clause, or is attached
     * to it ("…, Sergei Shoigu … has said": parataxis), "according to X" there, or the sentence's rubric
     * ("General Staff of the AFU: …"). A speaker elsewhere in the sentence is not the figure's claimant.
     */
    String claimant(IndexedWord head) {
        if (parse.graph == null || head == null) {
            return null;
        }
        List<IndexedWord> scope = parse.ancestors(head);
        List<IndexedWord> candidates = new ArrayList<>(scope);
        for (IndexedWord a : scope) {
            for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(a)) {
                if (e.getRelation().toString().startsWith("parataxis")) {
                    candidates.add(e.getDependent());
                }
            }
        }
        for (IndexedWord w : candidates) {
            boolean says = parse.lexicon.meaning(w.lemma()).orElse(null) == Meaning.SAY;
            for (SemanticGraphEdge e : parse.graph.outgoingEdgeIterable(w)) {
                String rel = e.getRelation().toString();
                if (says && rel.equals("nsubj")
                        && parse.lexicon.meaning(e.getDependent().lemma()).orElse(null) == Meaning.EVIDENCE) {
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
        for (int t = parse.tokens.size() - 1; t >= Math.max(0, parse.tokens.size() - 12); t--) {
            String w = parse.tokens.get(t).word();
            if (w.equals("-") || w.equals("–") || w.equals("—")) {
                String who = actorFrom(parse.tokens.get(t).endPosition(), Integer.MAX_VALUE);
                if (who != null) {
                    return who;
                }
                break;
            }
        }
        // A rubric: an actor's name before a colon at the start ("The General Staff of the AFU: …",
        // "22.10.22 07:30 - The General Staff: …").
        for (int t = 0; t < Math.min(parse.tokens.size(), 16); t++) {
            if (parse.tokens.get(t).word().equals(":")) {
                return actorFrom(parse.tokens.get(0).beginPosition(), parse.tokens.get(t).beginPosition());
            }
        }
        return null;
    }


    /** The name of the first actor mentioned between two offsets of this sentence. */
    private String actorFrom(int begin, int end) {
        ActorMention first = null;
        for (ActorMention a : parse.actors) {
            if (a.field() == parse.field.field() && a.sentenceIndex() == parse.sentenceIndex && a.charBegin() >= begin
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
        if (last < 0 || last >= parse.tokens.size()) {
            return null;
        }
        int first = last;
        while (first > 0 && first > last - 6 && NAME_TAGS.matcher(String.valueOf(parse.tokens.get(first - 1).tag())).matches()) {
            first--;
        }
        while (first < last && QUANTITY_WORDS.contains(parse.tokens.get(first).word().toLowerCase(Locale.ROOT))) {
            first++;
        }
        CoreLabel start = parse.tokens.get(first);
        boolean named = false;
        for (int t = first; t <= last; t++) {
            CoreLabel token = parse.tokens.get(t);
            String tag = String.valueOf(token.tag());
            // A capital that is only the sentence's ("Defenders said") names nobody.
            named |= Character.isUpperCase(token.word().charAt(0)) && (t > 0 || tag.startsWith("NNP") || tag.startsWith("JJ"));
        }
        if (!named || !Character.isUpperCase(start.word().charAt(0))) {
            return null; // "officials said", "the ministry said"
        }
        return parse.field.text().substring(start.beginPosition(), parse.tokens.get(last).endPosition());
    }


    private String knownName(IndexedWord w) {
        // A person named in the subject's phrase: "Deputy Chief … Brigadier General Oleksiy Hromov reported".
        for (IndexedWord t : parse.nounPhrase(w)) {
            for (ActorMention a : parse.actors) {
                if (parse.covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t) && a.actorType().equals("person")) {
                    return a.actorName();
                }
            }
        }
        // Else the head word only: in "Russian military bloggers" the force "Russian military" is not who says it.
        for (IndexedWord t : List.of(w)) {
            for (ActorMention a : parse.actors) {
                if (parse.covers(a.field(), a.sentenceIndex(), a.charBegin(), a.charEnd(), t)) {
                    return a.actorName();
                }
            }
            for (RegionMention r : parse.regions) {
                if (parse.covers(r.field(), r.sentenceIndex(), r.charBegin(), r.charEnd(), t)
                        && ("country".equals(r.regionType()) || parse.isCapital(r))) {
                    return "country".equals(r.regionType()) ? r.regionName() : parse.countryName(r.countryCode());
                }
            }
        }
        return null;
    }
}
