package org.frontline.extract;

/**
 * A person, organisation, armed force or media outlet named in an article.
 *
 * @param actorType   person, organization, force or media
 * @param role        the title or role the text gives ("President"), may be null
 * @param countryCode ISO 3166-1 alpha-2 of the actor's affiliation, may be null
 */
public record ActorMention(Field field, int sentenceIndex, int charBegin, int charEnd, String surface,
                           String actorId, String actorName, String actorType, String role,
                           String countryCode) {
}
