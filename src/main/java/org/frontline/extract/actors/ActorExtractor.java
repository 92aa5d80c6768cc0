package org.frontline.extract.actors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.ActorMention;
import org.frontline.extract.AnnotatedDocument;
import org.frontline.extract.AnnotatedField;
import org.frontline.extract.EntityMentions;
import org.frontline.extract.Extractor;
import org.frontline.extract.Field;
import org.frontline.extract.Findings;
import org.frontline.extract.Names;
import org.frontline.extract.RegionMention;
import org.frontline.extract.Tags;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;

/**
 * An article's actors: people, organisations, forces and media, resolved to stable ids.
 *
 * <ul>
 *   <li>Found from CoreNLP's PERSON and ORGANIZATION entities (pronouns excluded, and names the place finder
 *       took for places: "near Sudzha"), from the alias table matched over the tokens ("Russia's defense
 *       ministry", "AFU", "Interfax"), and from force phrases: a demonym or a country's possessive before
 *       forces, troops, army, military, soldiers… ("Ukraine's troops" → Ukrainian forces, UA).</li>
 *   <li>Within an article, a short name refers back to the full one given earlier ("Putin" → Vladimir
 *       Putin, "Smirnov" → Alexei Smirnov); across articles, the alias table maps spellings to one id
 *       (Zelensky/Zelenskyy/Zelenskiy). Other actors get an id from their full canonical name
 *       ({@code person:alexei-smirnov}), stable from run to run.</li>
 *   <li>A title before the name ("President", "Defence Minister") or an apposition after it (", head of
 *       Russia's security council,") becomes the mention's {@code role}; the name is the surface without it.</li>
 * </ul>
 */
public final class ActorExtractor implements Extractor {
    /**
     * Model designators of weapons and vehicles, never actors: "M777", "S-300", "F-16", "Su-25", "T-72", "Kh-101",
     * "MiG-29", "TB2" (letters, an optional hyphen, digits).
     */
    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile("\\p{Lu}[\\p{L}]{0,3}-?\\d{1,4}\\p{Lu}?\\d?");
    private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile("\\d+(st|nd|rd|th)");

    private final ActorDirectory directory;
    private final Gazetteer gazetteer;
    private final ActorWords vocabulary;

    /** {@code words} are the words names and force phrases are read by (conf/actors/words.tsv). */
    public ActorExtractor(ActorDirectory directory, Gazetteer gazetteer, ActorWords words) {
        this.directory = directory;
        this.gazetteer = gazetteer;
        this.vocabulary = words;
    }

    /** A candidate actor in one sentence, before resolution (token positions in the sentence). */
    private record Span(AnnotatedField field, int sentence, int first, int end, String kind, ActorDirectory.Actor known,
                        boolean properName) {
    }

    /**
     * Finds and resolves the actors of the article's fields, with the places found before; records the actors'
     * names of two words or more, for {@link ActorNamePlaces}.
     */
    @Override
    public void extract(AnnotatedDocument document, Findings findings) {
        List<AnnotatedField> fields = document.fields();
        List<RegionMention> places = findings.regions();
        List<Span> spans = new ArrayList<>();
        for (AnnotatedField f : fields) {
            for (int i = 0; i < f.sentences().size(); i++) {
                spans.addAll(find(f, i, places));
            }
        }
        spans.removeIf(s -> !supported(s, fields));
        // Full names first seen in the article, by their last word: what a later "Putin" refers back to.
        Map<String, String> fullNameBySurname = new HashMap<>();
        for (Span s : spans) {
            boolean knownPerson = s.known() != null && s.known().type().equals("person");
            if (s.kind().equals("PERSON") || knownPerson) {
                String text = knownPerson ? s.known().name() : nameText(s);
                String[] words = text.split(" ");
                if (words.length > 1) {
                    fullNameBySurname.putIfAbsent(words[words.length - 1].toLowerCase(Locale.ROOT), text);
                }
            }
        }
        spans.removeIf(s -> isCommonWord(s, fullNameBySurname));
        spans.addAll(surnamesOnTheirOwn(fields, spans, fullNameBySurname, places));
        List<ActorMention> actors = new ArrayList<>();
        for (Span s : spans) {
            actors.add(resolve(s, fullNameBySurname));
        }
        findings.addActors(Acronyms.resolve(actors, fields));
        for (Span s : spans) {
            if (s.properName() && s.end() - s.first() > 1) {
                List<CoreLabel> tokens = s.field().sentences().get(s.sentence()).get(CoreAnnotations.TokensAnnotation.class);
                findings.addActorName(new Findings.NameSpan(s.field().field(), s.sentence(),
                        tokens.get(s.first()).beginPosition(), tokens.get(s.end() - 1).endPosition()));
            }
        }
    }

    /**
     * A name CoreNLP found in a title-cased headline stands only if the alias table knows it or the article's
     * text names it too: there capitals make an entity of any phrase ("Grimace Shake Meme", "Israeli Raid").
     * A headline without text keeps its first name (the subject).
     */
    private static boolean supported(Span s, List<AnnotatedField> fields) {
        if (s.field().field() != Field.TITLE || s.known() != null || !(s.kind().equals("PERSON") || s.kind().equals("ORGANIZATION"))
                || !s.field().isTitleCased()) {
            return true;
        }
        String name = nameText(s);
        for (AnnotatedField f : fields) {
            if (f.field() == Field.TEXT && !f.text().isBlank()) {
                return java.util.regex.Pattern.compile("(?<![\\p{L}\\d])" + java.util.regex.Pattern.quote(name) + "(?![\\p{L}\\d])")
                        .matcher(f.text()).find();
            }
        }
        return s.sentence() == 0 && s.first() == 0;
    }

    /**
     * Surnames of people the article names in full, where CoreNLP did not tag them: "Pvt. Travis King … King's
     * attorney said", "Trump campaign" (tagged LOCATION). A capitalised proper noun equal to such a surname,
     * outside every other mention and place, is that person.
     */
    private static List<Span> surnamesOnTheirOwn(List<AnnotatedField> fields, List<Span> spans,
                                                 Map<String, String> fullNameBySurname, List<RegionMention> places) {
        List<Span> more = new ArrayList<>();
        for (AnnotatedField f : fields) {
            for (int i = 0; i < f.sentences().size(); i++) {
                List<CoreLabel> tokens = f.sentences().get(i).get(CoreAnnotations.TokensAnnotation.class);
                List<Span> taken = new ArrayList<>();
                for (Span s : spans) {
                    if (s.field() == f && s.sentence() == i) {
                        taken.add(s);
                    }
                }
                for (int t = 0; t < tokens.size(); t++) {
                    CoreLabel token = tokens.get(t);
                    if (!isCapitalised(token.word()) || !fullNameBySurname.containsKey(token.word().toLowerCase(Locale.ROOT))
                            || !free(taken, t, t + 1)
                            || overlapsPlace(f.field(), token.beginPosition(), token.endPosition(), places)
                            || !Tags.is(token, tag -> tag.startsWith("NNP"))) {
                        continue;
                    }
                    more.add(new Span(f, i, t, t + 1, "PERSON", null, true));
                }
            }
        }
        return more;
    }

    private List<Span> find(AnnotatedField f, int sentenceIndex, List<RegionMention> places) {
        CoreMap sentence = f.sentences().get(sentenceIndex);
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        List<Span> found = new ArrayList<>();
        // 1. The alias table, longest match first at each token.
        String[] keys = new String[tokens.size()];
        String[] matched = new String[1];
        for (int i = 0; i < tokens.size(); ) {
            int end = aliasMatch(tokens, i, keys, matched);
            if (end > i) {
                // The actor of the key that matched, not of the words re-keyed: the two differ when tokens were
                // keyed one by one (a possessive skipped, marks split off) where the words would be keyed whole.
                found.add(new Span(f, sentenceIndex, i, end, "ALIAS", directory.byKey(matched[0]).orElseThrow(), true));
                i = end;
            } else {
                i++;
            }
        }
        // 2. Force phrases: "Ukrainian forces", "Russia's troops", "the Russian army".
        for (int i = 0; i < tokens.size(); i++) {
            int[] force = forcePhrase(tokens, i);
            if (force != null && free(found, force[0], force[1])) {
                found.add(new Span(f, sentenceIndex, force[0], force[1], "FORCE", null, false));
            }
        }
        // 2b. Named formations: "the 47th Mechanized Brigade", "Ukraine's 3rd Assault Brigade".
        for (int i = 0; i < tokens.size(); i++) {
            if (!ORDINAL.matcher(tokens.get(i).word()).matches()) {
                continue;
            }
            for (int end = i + 2; end <= Math.min(tokens.size(), i + 6); end++) {
                CoreLabel last = tokens.get(end - 1);
                if (!isCapitalised(last.word())) {
                    break;
                }
                if (vocabulary.formationHeads().contains(last.word()) && free(found, i, end)) {
                    found.add(new Span(f, sentenceIndex, i, end, "FORMATION", null, true));
                    break;
                }
            }
        }
        // 3. CoreNLP's people and organisations not already covered.
        for (EntityMentions.Mention m : EntityMentions.of(sentence, "PERSON", "ORGANIZATION")) {
            int first = m.firstToken();
            int end = m.endToken();
            // "Mr Putin", "Mayor London Breed", "Black sorority Zeta Phi Beta": the name is what follows the
            // title, honorific or description.
            while (first < end - 1 && (vocabulary.honorifics().contains(lowerWord(tokens.get(first)).replace(".", ""))
                    || m.type().equals("PERSON") && vocabulary.titleWords().contains(lowerWord(tokens.get(first)).replace(".", "")))) {
                first++;
            }
            for (int t = first; t < end - 1; t++) {
                if (!isCapitalised(tokens.get(t).word()) && Character.isLetter(tokens.get(t).word().codePointAt(0))
                        && !Set.of("of", "for", "and", "the", "de", "on").contains(tokens.get(t).word())) {
                    first = t + 1;
                }
            }
            if (!isCapitalised(tokens.get(first).word()) || isDocumentName(tokens, first, end)
                    || end - first == 1 && vocabulary.notNames().contains(tokens.get(first).word())) {
                continue; // "bologna", "Hyde Amendment", "Roe v. Wade", a photo credit's "STRINGER": no actor
            }
            if (free(found, first, end) && !overlapsPlace(f.field(), tokens.get(first).beginPosition(),
                    tokens.get(end - 1).endPosition(), places)) {
                // A one-word name may yet be a common word: extract() decides, knowing the article's full names.
                found.add(new Span(f, sentenceIndex, first, end, m.type(), null, true));
            }
        }
        found.sort(Comparator.comparingInt(Span::first));
        return found;
    }

    /**
     * The end of the longest alias starting at token {@code i}, or {@code i}: reads word by word while some
     * alias goes on ({@link ActorDirectory#continues}), each word's key computed once ({@code keys}).
     */
    private int aliasMatch(List<CoreLabel> tokens, int i, String[] keys, String[] matched) {
        if (!Character.isLetterOrDigit(tokens.get(i).word().codePointAt(0))) {
            return i;
        }
        String prefix = key(tokens, keys, i);
        if (prefix.isEmpty()) {
            return i;
        }
        int best = i;
        for (int end = i + 1; end <= tokens.size(); end++) {
            if (end > i + 1) {
                if (isPossessive(tokens.get(end - 1).word())) {
                    continue; // "Russia's defence ministry": the key drops the possessive
                }
                String word = key(tokens, keys, end - 1);
                if (word.isEmpty()) {
                    break;
                }
                prefix = prefix + " " + word;
            }
            if (Character.isLetterOrDigit(tokens.get(end - 1).word().codePointAt(0)) && directory.hasKey(prefix)
                    && acceptAlias(tokens, i, end)) {
                best = end;
                matched[0] = prefix;
            }
            if (!directory.continues(prefix)) {
                break;
            }
        }
        return best;
    }

    private static String key(List<CoreLabel> tokens, String[] keys, int t) {
        if (keys[t] == null) {
            keys[t] = ActorDirectory.key(tokens.get(t).word());
        }
        return keys[t];
    }

    /**
     * One word, or lower-case words: only as written with capitals, never a common word ("rada" in running
     * text is not parliament); one word CoreNLP tags LOCATION only if the gazetteer knows no such place
     * ("Trump campaign" yes, "Azov Sea" no).
     */
    private boolean acceptAlias(List<CoreLabel> tokens, int i, int end) {
        if (end - i > 1 && isCapitalised(tokens.get(i).word())) {
            return true;
        }
        return isCapitalised(tokens.get(i).word()) && !("LOCATION".equals(EntityMentions.coarse(tokens.get(i).ner())) && end - i == 1
                && !gazetteer.candidates(tokens.get(i).word()).isEmpty());
    }

    /** [first, end) of a force phrase starting at {@code i}, or null. */
    private int[] forcePhrase(List<CoreLabel> tokens, int i) {
        CoreLabel t = tokens.get(i);
        // "troops of the Russian Federation", "forces of Ukraine"
        if (vocabulary.forceHeads().contains(lowerWord(t)) && i + 2 < tokens.size() && tokens.get(i + 1).word().equals("of")) {
            int c = tokens.get(i + 2).word().equalsIgnoreCase("the") ? i + 3 : i + 2;
            for (int end = Math.min(tokens.size(), c + 3); end > c; end--) {
                if (countryOfName(words(tokens, c, end)).isPresent()) {
                    return new int[] {i, end};
                }
            }
        }
        int next;
        // Capitalisation first: it rules out most tokens before the costlier name lookups (the profile showed them).
        if (isCapitalised(t.word()) && directory.countryOfDemonym(t.word()).isPresent()) {
            next = i + 1;
        } else if (i + 1 < tokens.size() && isPossessive(tokens.get(i + 1).word())
                && countryOfName(t.word()).isPresent()) {
            next = i + 2;
        } else if (i + 1 < tokens.size() && isCapitalised(t.word()) && countryOfName(t.word()).isPresent()
                && vocabulary.forceHeads().contains(lowerWord(tokens.get(i + 1)))) {
            return new int[] {i, i + 2}; // "Ukraine Army", "Russia troops": a country's name as a modifier
        } else {
            return null;
        }
        // At most one modifier in between: "Ukrainian armed forces", "Russian occupation forces".
        for (int end = next + 1; end <= Math.min(tokens.size(), next + 2); end++) {
            String head = lowerWord(tokens.get(end - 1));
            boolean adjective = end < tokens.size() && (head.equals("military") || head.equals("army"))
                    && Tags.is(tokens.get(end), tag -> tag.startsWith("NN"));
            if (adjective) {
                return null; // "Russian military officials", "the Russian special military operation": no force
            }
            if (vocabulary.forceHeads().contains(head) || vocabulary.governmentHeads().contains(head) && end == next + 1) {
                return new int[] {i, end};
            }
        }
        return null;
    }

    /** Names of laws and documents CoreNLP takes for organisations or people: "Hyde Amendment", "Roe v. Wade". */
    private boolean isDocumentName(List<CoreLabel> tokens, int first, int end) {
        for (int t = first; t < end; t++) {
            if (tokens.get(t).word().equals("v.") || tokens.get(t).word().equals("vs.")) {
                return true;
            }
        }
        for (int t = first; t < end; t++) {
            if (MODEL.matcher(tokens.get(t).word()).matches()) {
                return true; // "M777 Howitzer", "F-16": a weapon's model
            }
        }
        return vocabulary.notActorHeads().contains(lowerWord(tokens.get(end - 1))) || end < tokens.size()
                && vocabulary.notActorHeads().contains(lowerWord(tokens.get(end))) && !vocabulary.formationHeads().contains(tokens.get(end).word());
    }

    private ActorMention resolve(Span s, Map<String, String> fullNameBySurname) {
        List<CoreLabel> tokens = s.field().sentences().get(s.sentence()).get(CoreAnnotations.TokensAnnotation.class);
        int charBegin = tokens.get(s.first()).beginPosition();
        int charEnd = tokens.get(s.end() - 1).endPosition();
        String surface = s.field().text().substring(charBegin, charEnd);
        String role = role(tokens, s, s.field().text());
        ActorDirectory.Actor actor = switch (s.kind()) {
            case "ALIAS" -> s.known();
            case "FORCE" -> force(tokens, s);
            case "FORMATION" -> formation(tokens, s, surface);
            case "PERSON" -> person(nameText(s), fullNameBySurname);
            default -> directory.byName(surface).orElseGet(() -> fullNameBySurname.containsKey(surface.toLowerCase(Locale.ROOT))
                    || fullNameBySurname.containsValue(surface)
                    // "Blackburn" tagged ORGANIZATION in an article about Marsha Blackburn: the person
                    ? person(surface, fullNameBySurname)
                    : new ActorDirectory.Actor("org:" + Names.slug(surface), Names.display(surface), "organization", null));
        };
        return new ActorMention(s.field().field(), s.sentence(), charBegin, charEnd, surface, actor.id(), actor.name(),
                actor.type(), role, actor.countryCode());
    }

    private ActorDirectory.Actor person(String name, Map<String, String> fullNameBySurname) {
        Optional<ActorDirectory.Actor> known = directory.byName(name);
        if (known.isPresent()) {
            return known.get();
        }
        String full = name;
        if (!name.contains(" ")) {
            full = fullNameBySurname.getOrDefault(name.toLowerCase(Locale.ROOT), name);
            Optional<ActorDirectory.Actor> knownFull = directory.byName(full);
            if (knownFull.isPresent()) {
                return knownFull.get();
            }
        }
        // A middle initial does not make another person: "Christopher A. Wray" and "Christopher Wray" share an id.
        String withoutInitials = full.replaceAll("(?<=\\S) \\p{Lu}\\.(?= \\S)", "");
        return new ActorDirectory.Actor("person:" + Names.slug(withoutInitials), Names.display(full), "person", null);
    }

    private ActorDirectory.Actor force(List<CoreLabel> tokens, Span s) {
        String word = tokens.get(s.first()).word();
        if (vocabulary.forceHeads().contains(lowerWord(tokens.get(s.first()))) && s.end() - s.first() > 2) {
            int c = tokens.get(s.first() + 2).word().equalsIgnoreCase("the") ? s.first() + 3 : s.first() + 2;
            word = words(tokens, c, s.end()); // "troops of the Russian Federation": the country's name
        }
        String name0 = word;
        String country = directory.countryOfDemonym(word).or(() -> countryOfName(name0)).orElseThrow();
        String demonym = directory.demonymOf(country).orElse(word);
        String head = lowerWord(tokens.get(s.end() - 1));
        if (vocabulary.governmentHeads().contains(head)) {
            String government = demonym + " government";
            return directory.byName(government).orElseGet(() ->
                    new ActorDirectory.Actor("org:" + Names.slug(government), government, "organization", country));
        }
        String name = vocabulary.services().containsKey(head) ? demonym + " " + vocabulary.services().get(head) : demonym + " forces";
        return directory.byName(name).orElseGet(() ->
                new ActorDirectory.Actor("force:" + Names.slug(name), name, "force", country));
    }

    /** A named formation, of the country a demonym or possessive before it names ("Ukraine's 47th …"). */
    private ActorDirectory.Actor formation(List<CoreLabel> tokens, Span s, String surface) {
        String country = null;
        if (s.first() > 0) {
            String before = tokens.get(s.first() - 1).word();
            if (isPossessive(before) && s.first() > 1) {
                before = tokens.get(s.first() - 2).word();
                country = countryOfName(before).orElse(null);
            } else {
                country = directory.countryOfDemonym(before).orElse(null);
            }
        }
        String found = country;
        return directory.byName(surface).orElseGet(() ->
                new ActorDirectory.Actor("force:" + Names.slug(surface), surface, "force", found));
    }

    /** The country a name names ("Ukraine" → UA), from the gazetteer. */
    private Optional<String> countryOfName(String word) {
        return gazetteer.candidates(word).stream().filter(p -> p.type().equals(Place.COUNTRY)).findFirst()
                .map(Place::countryCode);
    }

    /** The title before the name ("President") or the apposition after it (", head of the council,"). */
    private String role(List<CoreLabel> tokens, Span s, String text) {
        if (!s.kind().equals("PERSON") && !(s.known() != null && s.known().type().equals("person"))) {
            return null;
        }
        int first = s.first();
        while (first > 0 && vocabulary.titleWords().contains(lowerWord(tokens.get(first - 1)).replace(".", ""))) {
            first--;
        }
        while (first < s.first() && vocabulary.honorifics().contains(lowerWord(tokens.get(first)).replace(".", ""))) {
            first++;
        }
        if (first < s.first()) {
            return text.substring(tokens.get(first).beginPosition(), tokens.get(s.first() - 1).endPosition());
        }
        int after = s.end();
        if (after + 1 < tokens.size() && tokens.get(after).word().equals(",")) {
            int start = after + 1;
            if (start < tokens.size() && Set.of("the", "a", "an").contains(lowerWord(tokens.get(start)))) {
                start++;
            }
            int end = start;
            while (end < tokens.size() && !Set.of(",", ".", ";", ":", "''", "``", "-LRB-", "(").contains(tokens.get(end).word())) {
                end++;
            }
            if (end > start && end < tokens.size() && tokens.get(end).word().equals(",") && end - start <= 8
                    && vocabulary.titleWords().contains(lowerWord(tokens.get(start)))) {
                String role = text.substring(tokens.get(start).beginPosition(), tokens.get(end - 1).endPosition());
                return role.length() > 60 ? role.substring(0, 60).strip() : role;
            }
        }
        return null;
    }

    /** The possessive token "'s" (or "’s"), without compiling a regular expression per token. */
    private static boolean isPossessive(String word) {
        return word.equals("'s") || word.equals("\u2019s");
    }

    private static boolean free(List<Span> found, int first, int end) {
        for (Span s : found) {
            if (s.first() < end && first < s.end()) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlapsPlace(Field field, int begin, int end, List<RegionMention> places) {
        for (RegionMention p : places) {
            if (p.field() == field && p.charBegin() < end && begin < p.charEnd()) {
                return true;
            }
        }
        return false;
    }

    private static String nameText(Span s) {
        List<CoreLabel> tokens = s.field().sentences().get(s.sentence()).get(CoreAnnotations.TokensAnnotation.class);
        return words(tokens, s.first(), s.end());
    }

    private static String words(List<CoreLabel> tokens, int begin, int end) {
        StringBuilder b = new StringBuilder();
        for (int t = begin; t < end; t++) {
            if (t > begin && tokens.get(t).beginPosition() > tokens.get(t - 1).endPosition()) {
                b.append(' ');
            }
            b.append(tokens.get(t).word());
        }
        return b.toString();
    }

    /**
     * A one-word name of CoreNLP's that the tagger reads as no proper noun ("Best", "Tech" opening a sentence;
     * "Somatic") is a common word NER took for a name by its capital, unless the alias table knows it, or it is the
     * surname of a person the article names in full ("Jason Crow … Crow said"): the name refers back, as
     * {@link #resolve} reads it, whatever the tagger makes of a surname it never saw. The tag is read last: it may
     * tag the sentence (on-demand tagging).
     */
    private boolean isCommonWord(Span s, Map<String, String> fullNameBySurname) {
        // Only CoreNLP's names: the alias table's, force phrases and formations have kinds of their own.
        if (s.end() - s.first() != 1 || !(s.kind().equals("PERSON") || s.kind().equals("ORGANIZATION"))) {
            return false;
        }
        List<CoreLabel> tokens = s.field().sentences().get(s.sentence()).get(CoreAnnotations.TokensAnnotation.class);
        CoreLabel token = tokens.get(s.first());
        return !fullNameBySurname.containsKey(lowerWord(token)) && directory.byName(token.word()).isEmpty()
                && Tags.is(token, tag -> !tag.startsWith("NNP"));
    }

    private static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    private static String lowerWord(CoreLabel t) {
        return t.word().toLowerCase(Locale.ROOT);
    }
}
