package org.frontline.extract.actors;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.frontline.extract.WordLists;

/**
 * The words {@link ActorExtractor} reads names and force phrases by, from {@code conf/actors/words.tsv} (its header
 * says what each list is for).
 *
 * @param forceHeads      nouns that make "&lt;demonym&gt; ..." a force ("Ukrainian troops"), lower case
 * @param governmentHeads nouns that make "&lt;demonym&gt; ..." or "&lt;country&gt;'s ..." a government
 * @param formationHeads  last words of named formations ("47th Mechanized Brigade"), as written
 * @param notNames        words of photo credits CoreNLP tags PERSON ("STRINGER"), as written
 * @param notActorHeads   last words of ORGANIZATION names that name no actor ("Hyde Amendment"), lower case
 * @param services        service branches by their lower-case word, as the actor's name writes them ("navy" →
 *                        "Navy")
 * @param titleWords      words of titles and roles ("Defence Minister"), lower case without the full stop
 * @param honorifics      honorifics ("Mr", "Dr"), lower case without the full stop
 */
public record ActorWords(Set<String> forceHeads, Set<String> governmentHeads, Set<String> formationHeads,
                         Set<String> notNames, Set<String> notActorHeads, Map<String, String> services,
                         Set<String> titleWords, Set<String> honorifics) {

    /** Parses words.tsv. */
    public static ActorWords load(byte[] tsv) {
        WordLists w = WordLists.parse(tsv, "words.tsv", Set.of("force_head", "government_head", "formation_head",
                "not_name", "not_actor_head", "service", "title_word", "honorific"));
        Map<String, String> services = new HashMap<>();
        for (String service : w.list("service")) {
            services.put(service.toLowerCase(Locale.ROOT), service);
        }
        return new ActorWords(w.set("force_head"), w.set("government_head"), w.set("formation_head"),
                w.set("not_name"), w.set("not_actor_head"), Map.copyOf(services), w.set("title_word"),
                w.set("honorific"));
    }
}
