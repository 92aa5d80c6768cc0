package org.frontline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a record's cleaned title and text, by Apache OpenNLP's language detector and its published
 * 103-language model ({@code langdetect-183.bin}, loaded once per JVM from the model jar on the classpath).
 *
 * <p>The detector reads character n-grams, so it needs some text: below {@value #MIN_LETTERS} letters, or when
 * its best guess is not clearly ahead of the next (by a factor {@value #MIN_LEAD}: the model spreads its
 * probability over 103 languages, so a clear English text scores about 0.1 against 0.03 for the next), the
 * language is {@link #UNDETERMINED} and the record is annotated as English would be — a short English headline
 * ("Kyiv under fire") must not be lost, and a misread short non-English one costs a few spurious mentions at
 * most. The thresholds were chosen on 20,000 items of rss-2023 against their feed tags, corrected by hand where
 * the tag was wrong (BENCHMARKS.md, "Languages"): the detector's errors are short English titles, whose leads are
 * under 1.25 where every true Polish item's is above 2.4; results hold flat from 1.1 to 1.5. The first 1,000
 * characters gave the same answer as the whole text on every item.
 */
public final class Languages {

    /** The language code of a record whose language could not be told. */
    public static final String UNDETERMINED = "und";
    /** The languages the shipped CoreNLP models annotate. */
    public static final String ENGLISH = "en";

    static final int MIN_LETTERS = 20;
    static final double MIN_LEAD = 1.25;
    /** The detector's cost grows with the text; the start of an article tells its language. */
    static final int MAX_CHARS = 1_000;

    private static final String MODEL = "/langdetect-183.bin";
    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();
    private static volatile LanguageDetectorModel model;
    /** The detector keeps per-call state in its context generator: one per thread over the shared model. */
    private static final ThreadLocal<LanguageDetectorME> DETECTOR =
            ThreadLocal.withInitial(() -> new LanguageDetectorME(model()));

    private Languages() {
    }

    /**
     * A detected language: an ISO 639-1 code (or the model's ISO 639-3 code when 639-1 has none), and its lead:
     * how many times likelier the model finds it than the runner-up (0 when the text was too short to ask).
     */
    public record Guess(String language, double lead) {

        /** Whether the record may go through the English pipeline: English, or undetermined. */
        public boolean annotatable() {
            return language.equals(ENGLISH) || language.equals(UNDETERMINED);
        }
    }

    /** The language of a title and text (cleaned of markup). */
    public static Guess detect(String title, String text) {
        StringBuilder sample = new StringBuilder(Math.min(MAX_CHARS, title.length() + text.length() + 1));
        sample.append(title, 0, Math.min(title.length(), MAX_CHARS));
        if (sample.length() < MAX_CHARS && !text.isEmpty()) {
            sample.append('\n').append(text, 0, Math.min(text.length(), MAX_CHARS - sample.length()));
        }
        int letters = 0;
        for (int i = 0; i < sample.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(sample.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return new Guess(UNDETERMINED, 0);
        }
        Language[] ranked = DETECTOR.get().predictLanguages(sample);
        Language best = ranked[0];
        double lead = ranked.length < 2 || ranked[1].getConfidence() <= 0 ? Double.MAX_VALUE
                : best.getConfidence() / ranked[1].getConfidence();
        if (lead < MIN_LEAD) {
            return new Guess(UNDETERMINED, lead);
        }
        return new Guess(ISO3_TO_ISO1.getOrDefault(best.getLang(), best.getLang()), lead);
    }

    private static LanguageDetectorModel model() {
        LanguageDetectorModel m = model;
        if (m == null) {
            synchronized (Languages.class) {
                m = model;
                if (m == null) {
                    try (InputStream in = Languages.class.getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("the language model " + MODEL + " is not on the classpath"
                                    + " (org.apache.opennlp:opennlp-models-langdetect)");
                        }
                        m = new LanguageDetectorModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the language model " + MODEL, e);
                    }
                    model = m;
                }
            }
        }
        return m;
    }

    /** ISO 639-2/T codes (what the model predicts: "eng", "pol") to ISO 639-1 ("en", "pl"), from the JDK's tables. */
    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(new Locale(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException e) {
                // a code without a three-letter form
            }
        }
        // Codes of the model that name a macrolanguage's member or differ from 639-2/T.
        map.put("cmn", "zh");
        map.put("pes", "fa");
        map.put("zsm", "ms");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("swh", "sw");
        map.put("uzn", "uz");
        map.put("nob", "nb");
        return Map.copyOf(map);
    }
}
