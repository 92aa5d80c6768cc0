package org.frontline.extract;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            boolean header = true;
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                String list = cells[0].strip();
                if (cells.length < 2 || cells[1].isBlank()) {
                    throw new IllegalArgumentException(file + ":" + n + ": expected a list's name, a tab and a word");
                }
                if (!names.contains(list)) {
                    throw new IllegalArgumentException(file + ":" + n + ": unknown list '" + list + "'; one of "
                            + names.stream().sorted().toList());
                }
                lists.computeIfAbsent(list, k -> new ArrayList<>()).add(cells[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
