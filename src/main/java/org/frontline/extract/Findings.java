package org.frontline.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the extractors found in one article so far, in the order they found it: places, actors, the stretches of
 * text that are actors' names, territorial figures, and the cascade's counts. Built per article, filled by the
 * extractors in turn; not shared between threads.
 */
public final class Findings {
    private final List<RegionMention> regions = new ArrayList<>();
    private final List<ActorMention> actors = new ArrayList<>();
    private final List<NameSpan> actorNames = new ArrayList<>();
    private final List<TerritorialFigure> figures = new ArrayList<>();
    private int cascadeSentences;
    private int sutimeSentences;

    /**
     * The stretch of one sentence that is an actor's proper name of two words or more ("Armed Forces of Ukraine"):
     * a place inside it is part of the name.
     */
    public record NameSpan(Field field, int sentenceIndex, int charBegin, int charEnd) {
    }

    /** The places found so far. */
    public List<RegionMention> regions() {
        return Collections.unmodifiableList(regions);
    }

    public void addRegions(List<RegionMention> found) {
        regions.addAll(found);
    }

    /** Drops the places that {@code notAPlace} says are no place mention after all (keeping the others' order). */
    public void removeRegions(Predicate<RegionMention> notAPlace) {
        regions.removeIf(notAPlace);
    }

    /** The actors found so far. */
    public List<ActorMention> actors() {
        return Collections.unmodifiableList(actors);
    }

    public void addActors(List<ActorMention> found) {
        actors.addAll(found);
    }

    /** The actors' names of two words or more found so far. */
    public List<NameSpan> actorNames() {
        return Collections.unmodifiableList(actorNames);
    }

    public void addActorName(NameSpan name) {
        actorNames.add(name);
    }

    /** The territorial figures found so far. */
    public List<TerritorialFigure> figures() {
        return Collections.unmodifiableList(figures);
    }

    public void addFigures(List<TerritorialFigure> found) {
        figures.addAll(found);
    }

    /** Counts a sentence that went through the cascade (the dependency parser), {@code timed}: through SUTime too. */
    public void countCascadeSentence(boolean timed) {
        cascadeSentences++;
        sutimeSentences += timed ? 1 : 0;
    }

    /** Sentences that went through the cascade. */
    public int cascadeSentences() {
        return cascadeSentences;
    }

    /** Sentences of the cascade that went through SUTime. */
    public int sutimeSentences() {
        return sutimeSentences;
    }
}
