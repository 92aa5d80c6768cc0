package org.frontline.gazetteer;

/**
 * Russian Cyrillic → Latin after BGN/PCGN (1947), simplified as English text writes it: no diacritics, soft
 * and hard signs dropped, ё as "yo" ("Курская область" → "Kurskaya oblast", "Орёл" → "Oryol"). Other
 * characters pass unchanged.
 */
final class Cyrillic {
    private Cyrillic() {
    }

    /** The romanisation of a Russian name. */
    static String toLatin(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char lc = Character.toLowerCase(c);
            String t = latin(lc, prev);
            if (t == null) {
                b.append(c);
            } else if (!t.isEmpty()) {
                b.append(Character.isUpperCase(c) ? Character.toUpperCase(t.charAt(0)) + t.substring(1) : t);
            }
            prev = lc;
        }
        return b.toString();
    }

    private static String latin(char c, char prev) {
        // е, ё at the start of a word and after a vowel, й, ъ or ь are iotated: "ye", "yo".
        boolean iotated = !isCyrillicLetter(prev) || "аеёиоуыэюяйъь".indexOf(prev) >= 0;
        return switch (c) {
            case 'а' -> "a";
            case 'б' -> "b";
            case 'в' -> "v";
            case 'г' -> "g";
            case 'д' -> "d";
            case 'е' -> iotated ? "ye" : "e";
            case 'ё' -> "yo";
            case 'ж' -> "zh";
            case 'з' -> "z";
            case 'и' -> "i";
            case 'й' -> "y";
            case 'к' -> "k";
            case 'л' -> "l";
            case 'м' -> "m";
            case 'н' -> "n";
            case 'о' -> "o";
            case 'п' -> "p";
            case 'р' -> "r";
            case 'с' -> "s";
            case 'т' -> "t";
            case 'у' -> "u";
            case 'ф' -> "f";
            case 'х' -> "kh";
            case 'ц' -> "ts";
            case 'ч' -> "ch";
            case 'ш' -> "sh";
            case 'щ' -> "shch";
            case 'ъ', 'ь' -> "";
            case 'ы' -> "y";
            case 'э' -> "e";
            case 'ю' -> "yu";
            case 'я' -> "ya";
            default -> null;
        };
    }

    private static boolean isCyrillicLetter(char c) {
        return c >= 'а' && c <= 'я' || c == 'ё';
    }
}
