package org.frontline.extract.regions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.EntityMentions;
import org.frontline.extract.Field;
import org.frontline.extract.Tags;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.gazetteer.Place;

/**
 * Finds the stretches of a CoreNLP sentence that name places: CoreNLP's LOCATION entities, and the places its
 * NER misses or mislabels (in the sample article it finds "Kyiv" and "Kursk" only some of the time, and tags
 * "Sudzha" once as a person) through the gazetteer, matched over the tokens.
 *
 * <p>A gazetteer match outside a LOCATION entity must be a whole proper-noun phrase: its tokens are tagged NNP
 * and the tokens around it are not, so that "Independence Day", "Kyiv Post" or "Paris Hilton" do not yield
 * places; names that are also common words (the gazetteer's stop names: Mobile, Reading, Nice, Split, March)
 * are taken only when NER says LOCATION; a match inside an ORGANIZATION is never a place, inside a PERSON only
 * when a locative preposition or a region word says it is one ("near Sudzha", "Sudzha district").
 */
final class PlaceFinder {
    /** What separates the items of a list of places ("Bohdanivka, Ivanivske and Klishchiivka"): grammar, not vocabulary. */
    private static final Set<String> LIST_SEPARATORS = Set.of(",", "and", "or", "&");

    private final Gazetteer gazetteer;
    private final Predicate<String> isActorName;
    private final PlaceGuards guards;
    private final Set<String> firstTokens = new HashSet<>();

    /**
     * A finder over {@code gazetteer}; {@code isActorName} tells the names of known actors, which are never
     * places ("Kremlin", "Trump"); {@code guards} are the words around a name that decide (conf/gazetteer/guards.tsv).
     * Build one per gazetteer and share it (it is immutable).
     */
    PlaceFinder(Gazetteer gazetteer, Predicate<String> isActorName, PlaceGuards guards) {
        this.gazetteer = gazetteer;
        this.isActorName = isActorName;
        this.guards = guards;
        for (String key : gazetteer.keys()) {
            int space = key.indexOf(' ');
            firstTokens.add(space < 0 ? key : key.substring(0, space));
        }
    }

    /** The place spans of one sentence; offsets point into {@code fieldText}. */
    List<PlaceSpan> find(CoreMap sentence, Field field, int sentenceIndex, String fieldText, boolean titleCased) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        int n = tokens.size();
        String[] entity = new String[n];
        int[] entityStart = new int[n];
        int[] entityEnd = new int[n];
        for (EntityMentions.Mention m : EntityMentions.of(sentence, "LOCATION", "PERSON", "ORGANIZATION", "MISC")) {
            for (int t = m.firstToken(); t < m.endToken(); t++) {
                entity[t] = m.type();
                entityStart[t] = m.firstToken();
                entityEnd[t] = m.endToken();
            }
        }
        // The countries the sentence names: what makes a smaller town CoreNLP took for a person plausible.
        Set<String> countries = new HashSet<>();
        for (EntityMentions.Mention m : EntityMentions.of(sentence, "LOCATION")) {
            gazetteer.candidates(m.text()).stream().filter(p -> p.type().equals(Place.COUNTRY))
                    .forEach(p -> countries.add(p.countryCode()));
        }
        List<PlaceSpan> spans = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if ("LOCATION".equals(entity[i])) {
                int end = entityEnd[i];
                if (!facilityFollows(tokens, end) && !partOfOrganizationName(tokens, i, end)
                        && !(end - i == 1 && guards.compassWords().contains(lower(tokens.get(i))))
                        && !(gazetteer.isStopname(text(tokens, i, end)) && insideLongerName(tokens, i, end))) {
                    spans.addAll(location(tokens, entity, i, end, field, sentenceIndex, fieldText));
                }
                i = end;
                continue;
            }
            if (entity[i] != null && entityStart[i] == i && isNamedRegion(tokens, i, entityEnd[i])) {
                // "Luhansk Oblasts", "Pokrovsk raion", "Kharkiv Region": CoreNLP tags them ORGANIZATION or PERSON
                // at times; a name the gazetteer knows with a word of level after it is the region, whatever the tag.
                spans.add(span(tokens, i, entityEnd[i], field, sentenceIndex, fieldText, false, false));
                i = entityEnd[i];
                continue;
            }
            if ("ORGANIZATION".equals(entity[i]) && entityStart[i] == i && isPlaceTaggedOrganization(tokens, i, entityEnd[i])) {
                // "Mariupol residents", "Kharkiv officials": CoreNLP tags the place as an organisation.
                spans.add(span(tokens, i, entityEnd[i], field, sentenceIndex, fieldText, false, false));
                i = entityEnd[i];
                continue;
            }
            int end = dictionaryMatch(tokens, i);
            if (end > i && acceptMatch(tokens, entity, entityStart, entityEnd, i, end, titleCased, countries)) {
                spans.add(span(tokens, i, end, field, sentenceIndex, fieldText, false, titleCased));
                i = end;
                continue;
            }
            if (end == i && entity[i] == null && !titleCased) {
                List<PlaceSpan> parts = hyphenated(tokens.get(i), field, sentenceIndex, fieldText);
                if (!parts.isEmpty() && isProperNoun(tokens.get(i))) {
                    spans.addAll(parts);
                }
            }
            i++;
        }
        spans.addAll(placesInLists(tokens, entity, entityStart, entityEnd, spans, field, sentenceIndex, fieldText));
        spans.sort(java.util.Comparator.comparingInt(PlaceSpan::charBegin));
        return withPluralRegionWords(spans, tokens, fieldText);
    }

    /**
     * Names CoreNLP tagged PERSON or ORGANIZATION that the gazetteer knows and the sentence lists among places
     * ("shelling hit Chasiv Yar, Bohdanivka and Ivanivske"), or puts after a settlement noun ("the village of
     * Robotyne"): read as places. A list grows from the places already found, so one place CoreNLP recognised
     * carries the others; a name beside a person's ("Biden, Harris and Jackson") or a known actor's stays a name.
     */
    private List<PlaceSpan> placesInLists(List<CoreLabel> tokens, String[] entity, int[] entityStart, int[] entityEnd,
                                          List<PlaceSpan> found, Field field, int sentenceIndex, String fieldText) {
        List<PlaceSpan> added = new ArrayList<>();
        List<int[]> placeTokens = new ArrayList<>();
        for (PlaceSpan p : found) {
            placeTokens.add(new int[] {tokenIndexAfter(tokens, p.charBegin() - 1 < 0 ? 0 : p.charBegin()),
                    tokenIndexAfter(tokens, p.charEnd())});
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < tokens.size(); i++) {
                if (!("PERSON".equals(entity[i]) || "ORGANIZATION".equals(entity[i])) || entityStart[i] != i) {
                    continue;
                }
                int end = entityEnd[i];
                int b = i;
                if (placeTokens.stream().anyMatch(t -> t[0] < end && b < t[1])) {
                    continue;
                }
                String name = text(tokens, i, end);
                String key = Gazetteer.key(name);
                if (gazetteer.isStopname(key) || isActorName.test(name) || isAcronymOrShortWord(tokens, i, end, key)
                        || facilityFollows(tokens, end) || partOfOrganizationName(tokens, i, end)) {
                    continue;
                }
                boolean settlementBefore = settlementBefore(tokens, i);
                int before = listNeighbour(tokens, i - 1, -1);
                int after = listNeighbour(tokens, end, 1);
                boolean placeBefore = before >= 0 && covered(placeTokens, before);
                boolean placeAfter = after >= 0 && covered(placeTokens, after);
                boolean personBeside = before >= 0 && "PERSON".equals(entity[before]) && !placeBefore
                        || after >= 0 && "PERSON".equals(entity[after]) && !placeAfter;
                // A name the gazetteer knows, beside one place of the list; one it lacks (a village under 500
                // people), between two places or after a settlement noun.
                boolean known = dictionaryMatch(tokens, i, end) == end;
                boolean listed = known ? placeBefore || placeAfter : placeBefore && placeAfter;
                if ((listed || settlementBefore && (known || end - i <= 2)) && !personBeside) {
                    added.add(span(tokens, i, end, field, sentenceIndex, fieldText, false, false));
                    placeTokens.add(new int[] {i, end});
                    grew = true;
                }
            }
        }
        return added;
    }

    /**
     * The token of the next item of a list from {@code t} in direction {@code step} (over "," "and" "or"), or -1
     * when no list separator stands there.
     */
    private int listNeighbour(List<CoreLabel> tokens, int t, int step) {
        int k = t;
        boolean separated = false;
        while (k >= 0 && k < tokens.size() && LIST_SEPARATORS.contains(lower(tokens.get(k)))) {
            separated = true;
            k += step;
        }
        return separated && k >= 0 && k < tokens.size() ? k : -1;
    }

    private static boolean covered(List<int[]> ranges, int t) {
        return ranges.stream().anyMatch(r -> r[0] <= t && t < r[1]);
    }

    /**
     * An entity that is a name the gazetteer knows followed by a word of level: "Luhansk Oblasts", "Pokrovsk
     * raion", "Kursk Region" (not a known actor's name, not part of an organisation's).
     */
    private boolean isNamedRegion(List<CoreLabel> tokens, int begin, int end) {
        if (end - begin < 2 || !levelWord(lower(tokens.get(end - 1))) || isActorName.test(text(tokens, begin, end))
                || partOfOrganizationName(tokens, begin, end)) {
            return false;
        }
        return dictionaryMatch(tokens, begin, end - 1) == end - 1;
    }

    private boolean levelWord(String word) {
        return guards.regionWords().contains(word) || guards.regionWordsPlural().contains(word) || guards.districtWords().contains(word)
                || guards.districtWordsPlural().contains(word);
    }

    /**
     * A LOCATION entity: the place itself when the gazetteer knows it; else the gazetteer's places inside it
     * ("Russian Irkutsk", "China-Venezuela", "Los Angeles Mayor Karen Bass"); else the entity unresolved, unless
     * it is a known actor's name (CoreNLP tags "Trump" or "Kremlin" LOCATION at times).
     */
    private List<PlaceSpan> location(List<CoreLabel> tokens, String[] entity, int begin, int end, Field field,
                                     int sentenceIndex, String fieldText) {
        PlaceSpan whole = span(tokens, begin, end, field, sentenceIndex, fieldText, true, false);
        if (!gazetteer.candidates(whole.name()).isEmpty()) {
            return List.of(whole);
        }
        List<PlaceSpan> inside = new ArrayList<>();
        for (int i = begin; i < end; ) {
            int matchEnd = dictionaryMatch(tokens, i, end);
            String key = matchEnd > i ? Gazetteer.key(text(tokens, i, matchEnd)) : "";
            if (matchEnd > i && !gazetteer.isStopname(key) && !isAcronymOrShortWord(tokens, i, matchEnd, key)) {
                inside.add(span(tokens, i, matchEnd, field, sentenceIndex, fieldText, true, false));
                i = matchEnd;
            } else {
                i++;
            }
        }
        if (inside.isEmpty() && end - begin == 1) {
            inside.addAll(hyphenated(tokens.get(begin), field, sentenceIndex, fieldText));
        }
        if (!inside.isEmpty()) {
            return inside;
        }
        // A one-word name the gazetteer lacks is a place only where the sentence says so ("near Klishchiivka",
        // "the village of Ivanivske", "Pokrovsk raion"): CoreNLP's LOCATION alone also lands on brands, outlets and
        // products ("Wired", "Mac", "Linux"), and the village the gazetteer lacks is named with such a cue.
        boolean listed = listHasPlace(tokens, begin - 1, -1) || listHasPlace(tokens, end, 1);
        boolean cue = end - begin > 1 || listed || settlementBefore(tokens, begin) || regionWordAt(tokens, end)
                || begin > 0 && guards.locatives().contains(lower(tokens.get(begin - 1))) && !guards.weakLocatives().contains(lower(tokens.get(begin - 1)));
        return isActorName.test(whole.surface()) || !cue ? List.of() : List.of(whole);
    }

    /**
     * Whether the list a name stands in ("Bohdanivka, Ivanivske and Klishchiivka") holds a place the gazetteer
     * knows, reading from token {@code t} in direction {@code step} over separators and capitalised items.
     */
    private boolean listHasPlace(List<CoreLabel> tokens, int t, int step) {
        boolean separated = false;
        for (int k = t; k >= 0 && k < tokens.size() && Math.abs(k - t) < 16; k += step) {
            String word = tokens.get(k).word();
            if (LIST_SEPARATORS.contains(word)) {
                separated = true;
            } else if (!isCapitalised(word)) {
                return false;
            } else if (separated && dictionaryMatch(tokens, k) > k && !gazetteer.isStopname(Gazetteer.key(word))) {
                return true;
            }
        }
        return false;
    }

    private boolean settlementBefore(List<CoreLabel> tokens, int i) {
        return i > 0 && guards.settlementWords().contains(lower(tokens.get(i - 1)))
                || i > 1 && tokens.get(i - 1).word().equals("of") && guards.settlementWords().contains(lower(tokens.get(i - 2)));
    }

    /**
     * The places joined in one hyphenated token ("US-Mexico border", "Israel-Gaza", "Russia-Ukraine war"),
     * which the tokenizer keeps whole; a hyphenated place name ("Kamianets-Podilskyi") is matched whole before.
     */
    private List<PlaceSpan> hyphenated(CoreLabel token, Field field, int sentenceIndex, String fieldText) {
        String word = token.word();
        if (word.indexOf('-') < 0 && word.indexOf('\u2013') < 0) {
            return List.of();
        }
        List<PlaceSpan> parts = new ArrayList<>();
        int offset = 0;
        for (String part : word.split("[-\u2013]")) {
            int begin = token.beginPosition() + offset;
            offset += part.length() + 1;
            String key = Gazetteer.key(part);
            if (isCapitalised(part) && !key.isEmpty() && !isActorName.test(part) && gazetteer.candidatesForKey(key).isEmpty()) {
                return List.of(); // "Kara-Murza", "Rimsky-Korsakov": a capitalised part that is no place makes a name
            }
            if (!isCapitalised(part) || key.isEmpty() || gazetteer.isStopname(key) || isActorName.test(part)
                    || gazetteer.candidatesForKey(key).isEmpty()
                    || !fieldText.startsWith(part, begin)) {
                continue;
            }
            parts.add(new PlaceSpan(field, sentenceIndex, begin, begin + part.length(), part, part, false, false, false, false));
        }
        return parts;
    }

    /**
     * A name CoreNLP may take for a person's although it names a country, a first-level region, a city of
     * 100,000 or more ("besieged Mariupol"), or a town of 10,000 or more in a country the sentence names
     * ("Artemivsk, which Ukraine calls Bakhmut"): read as the place unless the article names a person so
     * (see {@link RegionExtractor}) or it is a known actor's name ("Austin" the secretary).
     */
    private boolean isLargePlace(String key, Set<String> sentenceCountries) {
        for (Place p : gazetteer.candidatesForKey(key)) {
            long population = p.population() == null ? 0 : p.population();
            if (!p.type().equals(Place.CITY) || population >= 100_000
                    || population >= 10_000 && sentenceCountries.contains(p.countryCode())) {
                return true;
            }
        }
        return false;
    }

    /** An ORGANIZATION entity that is just the name of a sizeable place, and no known actor's. */
    private boolean isPlaceTaggedOrganization(List<CoreLabel> tokens, int begin, int end) {
        String name = text(tokens, begin, end);
        if (isActorName.test(name) || dictionaryMatch(tokens, begin, end) != end || partOfOrganizationName(tokens, begin, end)
                || isAcronymOrShortWord(tokens, begin, end, Gazetteer.key(name))) {
            return false;
        }
        // A city's name CoreNLP tags ORGANIZATION is the city where it modifies what follows ("Mariupol residents",
        // "the Serpukhov mobilized personnel"), names an office ("Milwaukee Mayor …") or follows a locative;
        // otherwise the name is as likely a company or team named after it ("Delta, for instance, will have…").
        CoreLabel next = end < tokens.size() ? tokens.get(end) : null;
        boolean modifies = next != null && Character.isLowerCase(next.word().codePointAt(0)) && isModifiedWord(next);
        boolean cityCue = modifies || next != null && guards.officeWords().contains(lower(next))
                || locativeBefore(tokens, begin) && !guards.weakLocatives().contains(lower(tokens.get(begin - 1)));
        for (Place p : gazetteer.candidates(name)) {
            if (!p.type().equals(Place.CITY) || cityCue && p.population() != null && p.population() >= 50_000) {
                return true;
            }
        }
        return false;
    }

    /**
     * One-word names CoreNLP tagged PERSON that the article names as places elsewhere ("Sudzha is the last
     * trans-shipping point", where "the border town of Sudzha" came before): the article is consistent.
     */
    List<PlaceSpan> personTaggedPlaces(CoreMap sentence, Field field, int sentenceIndex, String fieldText,
                                       Set<String> placeKeys) {
        List<PlaceSpan> spans = new ArrayList<>();
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        for (EntityMentions.Mention m : EntityMentions.of(sentence, "PERSON")) {
            if (m.endToken() - m.firstToken() == 1 && placeKeys.contains(Gazetteer.key(m.text()))
                    && !isActorName.test(m.text())) {
                spans.add(span(tokens, m.firstToken(), m.endToken(), field, sentenceIndex, fieldText, false, false));
            }
        }
        return spans;
    }

    /** The end of the longest gazetteer name starting at token {@code i}, or {@code i} when none does. */
    private int dictionaryMatch(List<CoreLabel> tokens, int i) {
        return dictionaryMatch(tokens, i, tokens.size());
    }

    /**
     * As {@link #dictionaryMatch(List, int)}, with the name ending at {@code limit} at the latest. Reads word by
     * word while some name goes on ({@link Gazetteer#continues}): a few map lookups per capitalised word.
     */
    private int dictionaryMatch(List<CoreLabel> tokens, int i, int limit) {
        CoreLabel first = tokens.get(i);
        if (!isCapitalised(first.word())) {
            return i;
        }
        String prefix = Gazetteer.key(first.word());
        if (prefix.isEmpty() || !firstTokens.contains(prefix)) {
            return i;
        }
        int best = i;
        for (int end = i + 1; end <= limit; end++) {
            if (end > i + 1) {
                String word = Gazetteer.key(tokens.get(end - 1).word());
                if (word.isEmpty()) {
                    break; // punctuation: "Mariupol:" is Mariupol
                }
                prefix = prefix + " " + word;
            }
            if (Character.isLetterOrDigit(tokens.get(end - 1).word().codePointAt(0))
                    && !gazetteer.candidatesForKey(prefix).isEmpty()) {
                best = end;
            }
            if (!gazetteer.continues(prefix)) {
                break;
            }
        }
        return best;
    }

    private boolean acceptMatch(List<CoreLabel> tokens, String[] entity, int[] entityStart, int[] entityEnd,
                                int begin, int end, boolean titleCased, Set<String> countries) {
        String key = Gazetteer.key(text(tokens, begin, end));
        if (gazetteer.isStopname(key) || facilityFollows(tokens, end) || isActorName.test(text(tokens, begin, end))
                || partOfOrganizationName(tokens, begin, end)) {
            return false;
        }
        if (isAcronymOrShortWord(tokens, begin, end, key)) {
            return false;
        }
        boolean country = gazetteer.candidatesForKey(key).stream().anyMatch(p -> p.type().equals(Place.COUNTRY));
        for (int t = begin; t < end; t++) {
            if ("ORGANIZATION".equals(entity[t]) || "LOCATION".equals(entity[t])) {
                return false;
            }
            if ("MISC".equals(entity[t]) && country) {
                continue; // "US-made", "UK-based": a country inside a MISC expression is still the country
            }
            if (entity[t] != null && (entityStart[t] < begin || entityEnd[t] > end)) {
                return false; // part of a longer person or MISC name ("Paris Hilton")
            }
        }
        if ("PERSON".equals(entity[begin]) && !(locativeBefore(tokens, begin) || regionWordAt(tokens, end)
                || (isLargePlace(key, countries) && !besidePerson(tokens, entity, begin, end)))) {
            return false;
        }
        // The tags last: they may tag the sentence (on-demand tagging). A proper noun, not beside another one;
        // capitals say nothing of the neighbours in "Russian Forces Capture Village Near Pokrovsk" (needsSupport).
        List<Tags.Question> tags = new ArrayList<>();
        tags.add(new Tags.Question(tokens.get(begin), PlaceFinder::isProperNounTag, true));
        if (!titleCased && begin > 0 && isCapitalised(tokens.get(begin - 1).word())) {
            tags.add(new Tags.Question(tokens.get(begin - 1), PlaceFinder::isProperNounTag, false));
        }
        if (!titleCased && end < tokens.size() && isCapitalised(tokens.get(end).word()) && !regionWordAt(tokens, end)) {
            tags.add(new Tags.Question(tokens.get(end), PlaceFinder::isProperNounTag, false));
        }
        return Tags.all(tags);
    }

    private PlaceSpan span(List<CoreLabel> tokens, int begin, int end, Field field, int sentenceIndex,
                                  String fieldText, boolean fromNer, boolean needsSupport) {
        boolean firstLevel = false;
        boolean district = false;
        int nameEnd = end;
        // "Donetsk Region", "Luhansk Oblasts", "Pokrovsk raion" as one entity: look up the name without the word.
        if (end - begin > 1 && levelWord(lower(tokens.get(end - 1)))) {
            district = isDistrictWord(lower(tokens.get(end - 1)));
            firstLevel = !district;
            nameEnd = end - 1;
        } else if (end < tokens.size() && levelWord(lower(tokens.get(end)))) {
            district = isDistrictWord(lower(tokens.get(end)));
            firstLevel = !district;
            end = end + 1;
        }
        int charBegin = tokens.get(begin).beginPosition();
        int charEnd = tokens.get(end - 1).endPosition();
        String name = fieldText.substring(charBegin, tokens.get(nameEnd - 1).endPosition());
        return new PlaceSpan(field, sentenceIndex, charBegin, charEnd, fieldText.substring(charBegin, charEnd), name,
                firstLevel, district, fromNer, needsSupport);
    }

    private boolean isDistrictWord(String word) {
        return guards.districtWords().contains(word) || guards.districtWordsPlural().contains(word);
    }

    /** "Kharkiv and Donetsk regions", "the Bakhmut and Pokrovsk districts": the names before are regions too. */
    private List<PlaceSpan> withPluralRegionWords(List<PlaceSpan> spans, List<CoreLabel> tokens, String text) {
        List<PlaceSpan> out = new ArrayList<>(spans);
        for (int k = out.size() - 1; k >= 0; k--) {
            PlaceSpan s = out.get(k);
            int after = tokenIndexAfter(tokens, s.charEnd());
            int last = after - 1;
            String plural = after < tokens.size() && isPlural(lower(tokens.get(after))) ? lower(tokens.get(after))
                    : last >= 0 && isPlural(lower(tokens.get(last))) && !s.name().equals(s.surface()) ? lower(tokens.get(last)) : null;
            if (plural == null) {
                continue;
            }
            boolean district = guards.districtWordsPlural().contains(plural);
            // This one, and the places listed before it ("Kharkiv, Sumy and Donetsk regions").
            out.set(k, s.asLevel(district));
            for (int j = k - 1; j >= 0; j--) {
                String between = text.substring(out.get(j).charEnd(), out.get(j + 1).charBegin()).strip();
                // "between Izyum and Donetsk and Luhansk Oblasts": a town with no region of its name ends the list.
                if (!(between.equals(",") || between.equals("and") || between.equals(", and"))
                        || !district && !namesFirstLevelRegion(out.get(j).name())) {
                    break;
                }
                out.set(j, out.get(j).asLevel(district));
            }
        }
        return out;
    }

    /** Whether a first-level region bears this name, alone or with "oblast/region/province" ("Kherson", "Kursk"). */
    private boolean namesFirstLevelRegion(String name) {
        for (String suffix : List.of("", " oblast", " region", " province")) {
            if (gazetteer.candidates(name + suffix).stream().anyMatch(p -> p.type().equals(Place.ADMIN1))) {
                return true;
            }
        }
        // "Kursk" names Kursk Oblast through its seat: the region of a capital of the same name.
        return gazetteer.candidates(name).stream().anyMatch(p -> p.featureCode() != null && p.featureCode().equals("PPLA"));
    }

    private boolean isPlural(String word) {
        return guards.regionWordsPlural().contains(word) || guards.districtWordsPlural().contains(word);
    }

    private static int tokenIndexAfter(List<CoreLabel> tokens, int charEnd) {
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.get(t).beginPosition() >= charEnd) {
                return t;
            }
        }
        return tokens.size();
    }

    /**
     * One word of three letters or fewer, or an all-capitals word of four or fewer ("Al", "Tai", "EST", "WOLA"):
     * a first name, an acronym or a time zone far more often than a place, unless it names a country or a
     * curated region ("US", "UK", "DPR").
     */
    private boolean isAcronymOrShortWord(List<CoreLabel> tokens, int begin, int end, String key) {
        String word = tokens.get(begin).word();
        boolean shortWord = word.length() <= 3 || word.length() <= 4 && word.equals(word.toUpperCase(Locale.ROOT));
        return end - begin == 1 && shortWord && gazetteer.candidatesForKey(key).stream()
                .noneMatch(p -> p.type().equals(Place.COUNTRY) || p.id().startsWith("other:"));
    }

    /** "Columbus Division of Police", "University of Auckland": the place belongs to an organisation's name. */
    private boolean partOfOrganizationName(List<CoreLabel> tokens, int begin, int end) {
        boolean headAfter = end < tokens.size() && guards.organizationHeads().contains(tokens.get(end).word());
        boolean headBefore = begin >= 2 && tokens.get(begin - 1).word().equals("of")
                && guards.organizationHeads().contains(tokens.get(begin - 2).word());
        return headAfter || headBefore;
    }

    /** A capitalised proper noun right before or after: the name is part of a longer one ("US Army South"). */
    private static boolean insideLongerName(List<CoreLabel> tokens, int begin, int end) {
        List<Tags.Question> noProperNounBeside = new ArrayList<>();
        if (begin > 0 && isCapitalised(tokens.get(begin - 1).word())) {
            noProperNounBeside.add(new Tags.Question(tokens.get(begin - 1), PlaceFinder::isProperNounTag, false));
        }
        if (end < tokens.size() && isCapitalised(tokens.get(end).word())) {
            noProperNounBeside.add(new Tags.Question(tokens.get(end), PlaceFinder::isProperNounTag, false));
        }
        return !Tags.all(noProperNounBeside);
    }

    /** "Luke and Carolina": a name coordinated with a person's is a person's. */
    private static boolean besidePerson(List<CoreLabel> tokens, String[] entity, int begin, int end) {
        int before = begin - 1;
        while (before >= 0 && (tokens.get(before).word().equals(",") || tokens.get(before).word().equals("and"))) {
            before--;
        }
        int after = end;
        while (after < tokens.size() && (tokens.get(after).word().equals(",") || tokens.get(after).word().equals("and"))) {
            after++;
        }
        return (before >= 0 && before < begin - 1 && "PERSON".equals(entity[before]))
                || (after < tokens.size() && after > end && "PERSON".equals(entity[after]));
    }

    private boolean regionWordAt(List<CoreLabel> tokens, int t) {
        return t < tokens.size() && levelWord(lower(tokens.get(t)));
    }

    private boolean facilityFollows(List<CoreLabel> tokens, int t) {
        return t < tokens.size() && guards.facilityWords().contains(lower(tokens.get(t)));
    }

    private boolean locativeBefore(List<CoreLabel> tokens, int t) {
        return t > 0 && guards.locatives().contains(lower(tokens.get(t - 1)));
    }

    private static boolean isProperNoun(CoreLabel token) {
        return Tags.is(token, PlaceFinder::isProperNounTag);
    }

    private static boolean isProperNounTag(String tag) {
        return tag.startsWith("NNP");
    }

    /** A noun, adjective or participle: what a city's name modifies ("Mariupol residents"). */
    private static boolean isModifiedWord(CoreLabel token) {
        return Tags.is(token, tag -> tag.startsWith("NN") || tag.startsWith("JJ") || tag.equals("VBN") || tag.equals("VBG"));
    }

    private static boolean isCapitalised(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    private static String lower(CoreLabel token) {
        return token.word().toLowerCase(Locale.ROOT);
    }

    private static String text(List<CoreLabel> tokens, int begin, int end) {
        StringBuilder s = new StringBuilder();
        for (int t = begin; t < end; t++) {
            if (t > begin) {
                s.append(' ');
            }
            s.append(tokens.get(t).word());
        }
        return s.toString();
    }
}
