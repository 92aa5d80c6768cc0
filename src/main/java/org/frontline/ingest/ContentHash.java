package org.frontline.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The de-duplication key of an article: SHA-256 of its cleaned title and text, whitespace-insensitive. */
public final class ContentHash {

    private ContentHash() {
    }

    /** Lowercase hex SHA-256 of {@code title + "\n" + text}, each with whitespace runs collapsed to one space and trimmed. */
    public static String of(String cleanedTitle, String cleanedText) {
        String canonical = collapse(cleanedTitle) + "\n" + collapse(cleanedText);
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Collapses every whitespace run (including Unicode spaces such as NBSP) to one space and trims. */
    public static String collapse(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc), so this cannot happen.
            throw new IllegalStateException(e);
        }
    }
}
