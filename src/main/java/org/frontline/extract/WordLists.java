package org.frontline.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named word lists of one conf/ file (tab-separated: list, word; a header row; '#' comments): the vocabulary an
 * extractor reads text by, kept beside the other reference data so that a user can extend it without a build.
 * Words are kept as written (a list compared in lower case holds lower-case words).
 */
public final class WordLists {
    private final String file;
    private final Map<String, List<String>> lists;

    private WordLists(String file, Map<String, List<String>> lists) {
        this.file = file;
        this.lists = lists;
    }

    /**
     * Parses {@code bytes}, the file {@code file} (named in errors); every list of {@code names} must be there,
     * and no other.
     */
    public static WordLists parse(byte[] bytes, String file, Set<String> names) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (ConfTsv.Row row : ConfTsv.rows(bytes, file, 1)) {
            String[] cells = row.cells();
            String list = cells[0].strip();
            if (cells.length < 2 || cells[1].isBlank()) {
                throw new IllegalArgumentException(file + ":" + row.line() + ": expected a list's name, a tab and a word");
            }
            if (!names.contains(list)) {
                throw new IllegalArgumentException(file + ":" + row.line() + ": unknown list '" + list + "'; one of "
                        + names.stream().sorted().toList());
            }
            lists.computeIfAbsent(list, k -> new ArrayList<>()).add(cells[1].strip());
        }
        for (String name : names) {
            if (!lists.containsKey(name)) {
                throw new IllegalArgumentException(file + ": no words in list '" + name + "'");
            }
        }
        return new WordLists(file, lists);
    }

    /** The words of list {@code name}, in file order. */
    public List<String> list(String name) {
        List<String> words = lists.get(name);
        if (words == null) {
            throw new IllegalArgumentException(file + ": no list '" + name + "'");
        }
        return List.copyOf(words);
    }

    /** The words of list {@code name}, as a set. */
    public Set<String> set(String name) {
        return Set.copyOf(list(name));
    }
}
