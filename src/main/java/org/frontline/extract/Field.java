package org.frontline.extract;

import java.util.Locale;

/** Which part of an article a mention's offsets point into. */
public enum Field {
    TITLE, TEXT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
