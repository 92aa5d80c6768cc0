package org.frontline.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalised forms of names as written: the display form and a stable id slug. */
public final class Names {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?i:the)\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("(?:'s|’s|'|’)$");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Names() {
    }

    /** The name as a reader would write it alone: whitespace collapsed, no leading "the", no possessive. */
    public static String display(String surface) {
        String s = SPACES.matcher(Normalizer.normalize(surface, Normalizer.Form.NFKC).strip()).replaceAll(" ");
        s = LEADING_ARTICLE.matcher(s).replaceFirst("");
        return POSSESSIVE.matcher(s).replaceFirst("").strip();
    }

    /** A lower-case ASCII slug of the display form ("Zaporizhzhia Oblast" → "zaporizhzhia-oblast"). */
    public static String slug(String surface) {
        String ascii = MARKS.matcher(Normalizer.normalize(display(surface), Normalizer.Form.NFD)).replaceAll("");
        String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
