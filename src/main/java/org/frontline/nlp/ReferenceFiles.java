package org.frontline.nlp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.frontline.UserError;
import org.frontline.extract.actors.ActorDirectory;
import org.frontline.extract.actors.ActorWords;
import org.frontline.extract.figures.AttributionLexicon;
import org.frontline.extract.regions.PlaceGuards;
import org.frontline.gazetteer.Gazetteer;

/**
 * The reference data annotation resolves against — the gazetteer (places, curated regions, stop names,
 * demonyms) and the words around a name that decide whether it is a place (conf/gazetteer/guards.tsv), the actor
 * alias table and the side words and actor words beside it (conf/actors/sides.tsv, words.tsv), and the lexicons of
 * figure attribution (conf/figures: verbs, conflicts, outlets, periods, words) — as bytes: read on the driver from
 * {@code conf/} and handed to the executors by one broadcast (a few MB: too big to travel with every task), where
 * each JVM parses them once. Each group's files are fingerprinted together, for runs.versions.
 */
public record ReferenceFiles(byte[] places, byte[] curated, byte[] stopnames, byte[] demonyms, byte[] guardsTsv,
                             byte[] aliases, byte[] sides, byte[] actorWordsTsv, byte[] verbs, byte[] conflicts,
                             byte[] outlets, byte[] periods, byte[] figureWordsTsv, String gazetteerVersion,
                             String aliasesVersion, String attributionVersion)
        implements Serializable {

    /** Reads the files the profile names, relative to {@code confDir}. */
    public static ReferenceFiles read(Path confDir, NlpProfile profile) {
        Path gazetteer = confDir.resolve(profile.gazetteer());
        Path aliases = confDir.resolve(profile.actorAliases());
        byte[] places = read(gazetteer.resolve("places.tsv.gz"));
        byte[] curated = read(gazetteer.resolve("curated.tsv"));
        byte[] stopnames = read(gazetteer.resolve("stopnames.txt"));
        byte[] demonyms = read(gazetteer.resolve("demonyms.tsv"));
        byte[] guards = read(gazetteer.resolve("guards.tsv"));
        byte[] aliasBytes = read(aliases);
        byte[] sides = read(aliases.resolveSibling("sides.tsv"));
        byte[] actorWords = read(aliases.resolveSibling("words.tsv"));
        Path figures = confDir.resolve(profile.attribution());
        byte[] verbs = read(figures.resolve("verbs.tsv"));
        byte[] conflicts = read(figures.resolve("conflicts.tsv"));
        byte[] outlets = read(figures.resolve("outlets.tsv"));
        byte[] periods = read(figures.resolve("periods.tsv"));
        byte[] figureWords = read(figures.resolve("words.tsv"));
        return new ReferenceFiles(places, curated, stopnames, demonyms, guards, aliasBytes, sides, actorWords, verbs,
                conflicts, outlets, periods, figureWords, version(places, curated, stopnames, demonyms, guards),
                version(aliasBytes, sides, actorWords), version(verbs, conflicts, outlets, periods, figureWords));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + " (" + e.getMessage() + "): pass --config-dir with the"
                    + " project's conf/ folder (the gazetteer can be rebuilt with jobs/build-gazetteer)");
        }
    }

    /** All versions: the JVM cache's key. */
    public String version() {
        return gazetteerVersion + "/" + aliasesVersion + "/" + attributionVersion;
    }

    /** Parses the gazetteer. */
    public Gazetteer gazetteer() {
        try {
            return Gazetteer.load(new ByteArrayInputStream(places), new ByteArrayInputStream(curated),
                    new ByteArrayInputStream(stopnames));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the words around a name that decide whether it is a place. */
    public PlaceGuards placeGuards() {
        try {
            return PlaceGuards.load(guardsTsv);
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot read the gazetteer's guard words: " + e.getMessage());
        }
    }

    /** Parses the alias table and the demonyms. */
    public ActorDirectory actors() {
        return ActorDirectory.load(new ByteArrayInputStream(aliases), new ByteArrayInputStream(demonyms),
                new ByteArrayInputStream(sides));
    }

    /** Parses the words actors are read by. */
    public ActorWords actorWords() {
        try {
            return ActorWords.load(actorWordsTsv);
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot read the actor words: " + e.getMessage());
        }
    }

    /** Parses the lexicons of figure attribution. */
    public AttributionLexicon attribution() {
        try {
            return AttributionLexicon.load(verbs, conflicts, outlets, periods, figureWordsTsv);
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot read the figure attribution lexicons: " + e.getMessage());
        }
    }

    /** A short SHA-256 of files: recorded in runs.versions. */
    private static String version(byte[]... files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] f : files) {
                sha.update(f);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
