package org.frontline.extract.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import org.frontline.extract.ActorMention;
import org.frontline.extract.RegionMention;
import org.frontline.extract.figures.AttributionLexicon.Meaning;

/** Who asserts a territorial figure: a sayer over its clause, "according to X", a byline or a rubric. */
final class FigureClaimants {
    /** Tags of the words a name as written may hold before its head ("Mykolaiv Oblast officials"). */
    private static final Pattern NAME_TAGS = Pattern.compile("NNP?S?|JJ|POS|CD");
    /** Personal pronouns that stand for a person named before: "…, she said". */
    private static final Set<String> PERSON_PRONOUNS = Set.of("he", "she");
    /** The longest sayer of a trailing reporting clause, in tokens ("…, Ukraine's defence ministry says"). */
    private static final int MAX_TRAILING_SAYER = 8;

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
        // A reporting clause that closes the figure's clause, which the parser often misreads ("…, seven
        // villages liberated, Ukraine defence ministry says"; "…, 700km from the frontline, emergency services said").
        String trailing = trailingSayer(head);
        if (trailing != null) {
            return trailing;
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


    /**
     * The sayer of a reporting clause at the end of the figure's clause (up to a semicolon or the sentence's
     * end): ", NAME says|said|claims." or ", says NAME." The name is a known actor there, else the words as
     * written when they are capitalised.
     */
    private String trailingSayer(IndexedWord head) {
        int from = head.index(); // tokens are 0-based, graph indices 1-based: start after the head
        int end = from;
        while (end < parse.tokens.size() && !parse.tokens.get(end).word().equals(";")) {
            end++;
        }
        int last = end - 1;
        while (last >= from && isPunctuation(parse.tokens.get(last))) {
            last--;
        }
        if (last <= from) {
            return null;
        }
        int comma = last;
        while (comma > from && comma > last - MAX_TRAILING_SAYER - 1 && !parse.tokens.get(comma).word().equals(",")) {
            comma--;
        }
        if (!parse.tokens.get(comma).word().equals(",") || comma >= last - 1) {
            return null;
        }
        boolean sayerFirst = isSayVerb(parse.tokens.get(last));
        boolean verbFirst = isSayVerb(parse.tokens.get(comma + 1));
        if (!sayerFirst && !verbFirst) {
            return null;
        }
        int nameBegin = sayerFirst ? comma + 1 : comma + 2;
        int nameEnd = sayerFirst ? last - 1 : last;
        while (nameBegin <= nameEnd && parse.lexicon.quantityWords().contains(parse.tokens.get(nameBegin).word().toLowerCase(Locale.ROOT))) {
            nameBegin++;
        }
        if (nameBegin > nameEnd) {
            return null;
        }
        if (nameBegin == nameEnd && PERSON_PRONOUNS.contains(parse.tokens.get(nameBegin).word().toLowerCase(Locale.ROOT))) {
            return personBefore(parse.tokens.get(nameBegin).beginPosition());
        }
        for (int t = nameBegin; t <= nameEnd; t++) {
            String tag = String.valueOf(parse.tokens.get(t).tag());
            if (!NAME_TAGS.matcher(tag).matches() && !tag.startsWith("NN") && !tag.equals("DT")) {
                return null; // a clause, not a name: ", as the troops said", ", indicating forces are not …"
            }
        }
        String known = actorFrom(parse.tokens.get(nameBegin).beginPosition(), parse.tokens.get(nameEnd).endPosition());
        if (known != null) {
            return known;
        }
        if (!Character.isUpperCase(parse.tokens.get(nameBegin).word().charAt(0))) {
            return null; // "officials said"
        }
        return parse.field.text().substring(parse.tokens.get(nameBegin).beginPosition(), parse.tokens.get(nameEnd).endPosition());
    }


    /** A finite verb of saying ("says", "said", "claimed"; not "indicating"). */
    private boolean isSayVerb(CoreLabel token) {
        return String.valueOf(token.tag()).matches("VBZ|VBD|VBP")
                && parse.lexicon.meaning(token.lemma()).orElse(null) == Meaning.SAY;
    }


    private static boolean isPunctuation(CoreLabel token) {
        return !Character.isLetterOrDigit(token.word().charAt(0));
    }


    /** The person last named before an offset of this field ("Hanna Maliar said … she said"). */
    private String personBefore(int offset) {
        ActorMention last = null;
        for (ActorMention a : parse.actors) {
            boolean before = a.sentenceIndex() < parse.sentenceIndex
                    || a.sentenceIndex() == parse.sentenceIndex && a.charEnd() <= offset;
            if (a.field() == parse.field.field() && before && a.actorType().equals("person")
                    && (last == null || a.sentenceIndex() > last.sentenceIndex()
                        || a.sentenceIndex() == last.sentenceIndex() && a.charBegin() > last.charBegin())) {
                last = a;
            }
        }
        return last == null ? null : last.actorName();
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
        if (PERSON_PRONOUNS.contains(w.word().toLowerCase(Locale.ROOT))) {
            return personBefore(w.beginPosition());
        }
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
        while (first < last && parse.lexicon.quantityWords().contains(parse.tokens.get(first).word().toLowerCase(Locale.ROOT))) {
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
