package org.frontline;

import java.nio.file.Path;

import org.frontline.nlp.ArticleAnnotator;
import org.frontline.nlp.NlpProfile;
import org.frontline.nlp.ReferenceFiles;

/**
 * The project's own conf/ as the job reads it (the default profile's reference files): for tests of what is built
 * from the shipped reference data and word lists. Read once per test JVM.
 */
public final class ShippedConf {
    private static ReferenceFiles reference;

    private ShippedConf() {
    }

    /** The project's conf/ folder (tests run in the project; failsafe also passes it as frontline.home). */
    public static Path dir() {
        return Path.of(System.getProperty("frontline.home", "."), "conf").toAbsolutePath().normalize();
    }

    /** The reference files of the default profile. */
    public static synchronized ReferenceFiles reference() {
        if (reference == null) {
            reference = ReferenceFiles.read(dir(), NlpProfile.load(dir(), "default"));
        }
        return reference;
    }

    /** The default profile's annotator with the shipped reference data, as an executor builds it (once per JVM). */
    public static ArticleAnnotator annotator() {
        return ArticleAnnotator.forProfile(NlpProfile.load(dir(), "default"), reference());
    }
}
