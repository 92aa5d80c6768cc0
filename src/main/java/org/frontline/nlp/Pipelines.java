package org.frontline.nlp;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.frontline.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoreNLP pipelines of this JVM: each configuration is built once, lazily, and shared by every task thread
 * (a shared pipeline costs no speed and halves the memory, FACTS.md). A pipeline takes seconds and hundreds of
 * MB to build, so it must never be built per record, partition or task.
 *
 * <p>This is a cache keyed by the configuration, not configuration held in a static: the properties still
 * reach each executor with the task.
 */
public final class Pipelines {
    private static final Logger LOG = LoggerFactory.getLogger(Pipelines.class);
    private static final Map<String, StanfordCoreNLP> BY_CONFIG = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();
    private static final Map<String, Cascade> CASCADES = new ConcurrentHashMap<>();

    private Pipelines() {
    }

    /** The pipeline for {@code properties}, built on first use in this JVM; other threads wait for it. */
    public static StanfordCoreNLP get(Properties properties) {
        String key = new TreeMap<>(properties).toString();
        return BY_CONFIG.computeIfAbsent(key, k -> load(properties));
    }

    /**
     * The cascade's annotators for {@code properties} (SUTime, configured by its {@code sutime.*} keys, and the
     * neural dependency parser, by its {@code depparse.*} keys), built on first use in this JVM: only sentences
     * holding a territorial figure go through them.
     */
    public static Cascade cascade(Properties properties) {
        String key = new TreeMap<>(properties).toString();
        return CASCADES.computeIfAbsent(key, k -> {
            long start = System.nanoTime();
            Properties copy = new Properties();
            copy.putAll(properties);
            Cascade c = new Cascade(new edu.stanford.nlp.time.TimeAnnotator("sutime", copy),
                    new edu.stanford.nlp.pipeline.DependencyParseAnnotator(
                            edu.stanford.nlp.util.PropertiesUtils.extractPrefixedProperties(copy, "depparse.", true)));
            LOG.info("Cascade (SUTime, dependency parser) loaded in {} s",
                    String.format("%.1f", (System.nanoTime() - start) / 1e9));
            return c;
        });
    }

    /** The annotators of the cascade, shared by the task threads. */
    public record Cascade(edu.stanford.nlp.pipeline.Annotator time, edu.stanford.nlp.pipeline.Annotator parser) {
    }

    /** How many pipelines this JVM has built (one per configuration is right). */
    public static int loads() {
        return LOADS.get();
    }

    /** How many distinct configurations this JVM has asked for (the sentence cache uses two per profile). */
    public static int configurations() {
        return BY_CONFIG.size();
    }

    private static StanfordCoreNLP load(Properties properties) {
        requireModels(properties);
        long start = System.nanoTime();
        // A copy: CoreNLP rewrites the properties it is given (it folds ssplit into tokenize), which would
        // change the cache key of the caller's object.
        Properties copy = new Properties();
        copy.putAll(properties);
        StanfordCoreNLP pipeline = new StanfordCoreNLP(copy);
        int n = LOADS.incrementAndGet();
        LOG.info("CoreNLP pipeline loaded in {} s (annotators {}; pipeline load #{} in this JVM)",
                String.format("%.1f", (System.nanoTime() - start) / 1e9), describe(properties), n);
        return pipeline;
    }

    /** The annotators, and what sets apart two pipelines of the same annotators (on-demand tagging builds both). */
    private static String describe(Properties properties) {
        String annotators = properties.getProperty("annotators");
        boolean ner = java.util.Arrays.stream(annotators.split(",")).anyMatch(a -> a.strip().equals("ner"));
        return ner && !Boolean.parseBoolean(properties.getProperty("ner.applyNumericClassifiers", "true"))
                ? annotators + " without the numeric classifiers" : annotators;
    }

    /** Fails with an actionable message when the models jar is missing, rather than CoreNLP's deep IOException. */
    static void requireModels(Properties properties) {
        for (String key : new String[] {"pos.model", "ner.model"}) {
            String model = properties.getProperty(key);
            if (model == null || model.contains(",")) {
                continue;
            }
            ClassLoader loader = Pipelines.class.getClassLoader();
            if (loader.getResource(model) == null && !new java.io.File(model).isFile()) {
                throw new UserError("CoreNLP model " + model + " is not on the classpath: pass the models jar to spark-submit"
                        + " with --jars .../stanford-corenlp-4.5.10-models.jar (the jobs/ scripts do this)");
            }
        }
    }
}
