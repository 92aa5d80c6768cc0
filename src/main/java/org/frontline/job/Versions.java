package org.frontline.job;

/** Versions recorded with every run, so that a table row can be traced to the code that made it. */
public final class Versions {
    /** The CoreNLP release the application jar bundles. */
    public static final String CORENLP = "4.5.10";

    private Versions() {
    }

    /** Frontline's version, from the jar's manifest ("dev" when run from classes). */
    public static String app() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
