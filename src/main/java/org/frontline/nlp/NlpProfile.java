package org.frontline.nlp;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

import org.frontline.UserError;
import org.frontline.extract.RuleSource;

/**
 * A named CoreNLP configuration from {@code conf/profiles/<name>.properties}, with the TokensRegex rule files
 * it lists, read on the driver and shipped to executors as values (never as paths: executors lack the driver's
 * files).
 *
 * <p>Keys starting with {@code frontline.} configure Frontline itself and are not passed to CoreNLP:
 * {@code frontline.rules} lists the rule files, relative to the configuration folder, in load order;
 * {@code frontline.gazetteer} names the gazetteer's folder (default {@code gazetteer}), {@code frontline.actors}
 * the actor alias table (default {@code actors/aliases.tsv}), {@code frontline.figures} the folder of the figure
 * attribution lexicons: verbs, conflicts, outlets, periods, words (default {@code figures}). The place guards
 * (guards.tsv) are read from the gazetteer's folder, the actor words (words.tsv) beside the alias table.
 * {@code frontline.sentenceCache} sizes the sentence cache; {@code frontline.tagOnDemand} tags only the sentences
 * whose tags something reads ({@code SentenceAnnotator} says which tags NER reads; not for fine-grained NER).
 *
 * @param name       profile name ("default")
 * @param corenlp    the properties CoreNLP's pipeline is built from
 * @param rules      TokensRegex rule files in their declared order (definitions first)
 * @param gazetteer  the gazetteer's folder, relative to the configuration folder
 * @param actorAliases the actor alias table, relative to the configuration folder
 * @param sentenceCache how many distinct sentences each JVM remembers the tags of (0: none)
 * @param attribution the figure attribution lexicons' folder, relative to the configuration folder
 * @param tagOnDemand whether part of speech and lemmas run only on the sentences that need them
 */
public record NlpProfile(String name, Properties corenlp, List<RuleSource> rules, String gazetteer,
                         String actorAliases, int sentenceCache, String attribution, boolean tagOnDemand)
        implements Serializable {

    static final String RULES_KEY = "frontline.rules";
    static final String GAZETTEER_KEY = "frontline.gazetteer";
    static final String ALIASES_KEY = "frontline.actors";
    static final String SENTENCE_CACHE_KEY = "frontline.sentenceCache";
    static final String ATTRIBUTION_KEY = "frontline.figures";
    static final String TAG_ON_DEMAND_KEY = "frontline.tagOnDemand";

    /** Reads profile {@code name} from {@code confDir}; a missing profile or rule file is a {@link UserError}. */
    public static NlpProfile load(Path confDir, String name) {
        Path file = confDir.resolve("profiles").resolve(name + ".properties");
        if (!Files.isRegularFile(file)) {
            throw new UserError("no profile '" + name + "' in " + confDir.resolve("profiles")
                    + ": use --profile with one of " + available(confDir) + " or --config-dir to point at a conf/ folder");
        }
        Properties all = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            all.load(in);
        } catch (IOException e) {
            throw new UserError("cannot read profile " + file + ": " + e.getMessage());
        }
        List<String> ruleFiles = new ArrayList<>();
        for (String rel : all.getProperty(RULES_KEY, "").split(",")) {
            if (!rel.isBlank()) {
                ruleFiles.add(rel.trim());
            }
        }
        List<RuleSource> rules;
        try {
            rules = RuleSource.read(confDir, ruleFiles);
        } catch (UncheckedIOException e) {
            throw new UserError("profile " + name + ": " + e.getMessage());
        }
        Properties corenlp = new Properties();
        for (String key : all.stringPropertyNames()) {
            if (!key.startsWith("frontline.")) {
                corenlp.setProperty(key, all.getProperty(key).trim());
            }
        }
        int cache;
        try {
            cache = Integer.parseInt(all.getProperty(SENTENCE_CACHE_KEY, "0").trim());
        } catch (NumberFormatException e) {
            throw new UserError("profile " + name + ": " + SENTENCE_CACHE_KEY + " must be a number of sentences, got '"
                    + all.getProperty(SENTENCE_CACHE_KEY) + "'");
        }
        String onDemand = all.getProperty(TAG_ON_DEMAND_KEY, "false").trim();
        if (!onDemand.equals("true") && !onDemand.equals("false")) {
            throw new UserError("profile " + name + ": " + TAG_ON_DEMAND_KEY + " must be true or false, got '" + onDemand + "'");
        }
        return new NlpProfile(name, corenlp, rules, all.getProperty(GAZETTEER_KEY, "gazetteer").trim(),
                all.getProperty(ALIASES_KEY, "actors/aliases.tsv").trim(), cache,
                all.getProperty(ATTRIBUTION_KEY, "figures").trim(), Boolean.parseBoolean(onDemand));
    }

    /** This profile with another sentence cache size (the benchmark measures with and without). */
    public NlpProfile withSentenceCache(int sentences) {
        return new NlpProfile(name, corenlp, rules, gazetteer, actorAliases, sentences, attribution, tagOnDemand);
    }

    /** This profile with on-demand tagging on or off (the benchmark and the tests compare the two). */
    public NlpProfile withTagOnDemand(boolean onDemand) {
        return new NlpProfile(name, corenlp, rules, gazetteer, actorAliases, sentenceCache, attribution, onDemand);
    }

    private static String available(Path confDir) {
        try (var files = Files.list(confDir.resolve("profiles"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted().toList().toString();
        } catch (IOException e) {
            return "[]";
        }
    }

    private List<String> ruleTexts() {
        return rules.stream().map(RuleSource::text).toList();
    }

    /** A short fingerprint of the CoreNLP properties and rule texts: equal fingerprints annotate identically. */
    public String fingerprint() {
        return sha256(new TreeMap<>(corenlp).toString() + "\u0000" + String.join("\u0000", ruleTexts())
                + "\u0000" + sentenceCache + "\u0000" + tagOnDemand).substring(0, 12);
    }

    /** A short fingerprint of the rule texts alone, recorded in {@code runs.versions}. */
    public String rulesVersion() {
        return sha256(String.join("\u0000", ruleTexts())).substring(0, 12);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
