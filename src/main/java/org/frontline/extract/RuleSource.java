package org.frontline.extract;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one TokensRegex rule file and the name it is reported under. Read on the driver and
 * shipped to executors as a value, so that nothing there depends on a file path.
 *
 * @param name the file name, used in parse errors ("figures.rules")
 * @param text the rules
 */
public record RuleSource(String name, String text) implements Serializable {

    /** Reads the named rule files of a folder, in the given (declared) order. */
    public static List<RuleSource> read(Path folder, List<String> fileNames) {
        List<RuleSource> sources = new ArrayList<>(fileNames.size());
        for (String fileName : fileNames) {
            Path file = folder.resolve(fileName);
            try {
                sources.add(new RuleSource(fileName, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule file " + file + " (conf/rules of the project)", e);
            }
        }
        return List.copyOf(sources);
    }
}
