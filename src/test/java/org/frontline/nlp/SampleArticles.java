package org.frontline.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.frontline.ingest.Article;
import org.frontline.ingest.DumpReader;
import org.frontline.ingest.IngestOptions;
import org.frontline.ingest.IngestResult;
import org.frontline.ingest.InputFormat;

/** The articles of the sample dumps in {@code data/}, read as the job reads them: what the annotator tests compare on. */
final class SampleArticles {
    static final Path HOME = Path.of(System.getProperty("frontline.home", "."));

    private SampleArticles() {
    }

    static List<Article> read() throws IOException {
        List<Article> articles = new ArrayList<>();
        for (String file : List.of("sample-2024-08-07-kursk.txt", "wire-2024.jsonl", "dump-with-errors.jsonl")) {
            try (InputStream in = Files.newInputStream(HOME.resolve("data").resolve(file))) {
                var results = new DumpReader(IngestOptions.defaults()).read(in, file, InputFormat.fromFileName(file).orElseThrow());
                while (results.hasNext()) {
                    IngestResult r = results.next();
                    if (r instanceof Article a) {
                        articles.add(a);
                    }
                }
            }
        }
        return articles;
    }
}
