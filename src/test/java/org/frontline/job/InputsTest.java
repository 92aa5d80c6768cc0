package org.frontline.job;

import org.apache.hadoop.conf.Configuration;
import org.frontline.ingest.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Input resolution on the local file system (Hadoop's, as on a cluster; no Spark). */
class InputsTest {

    @TempDir
    Path dir;

    private void touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    @Test
    void savedPagesAreHtmlAndTheFramesInTheirFilesFolderAreSkipped() throws IOException {
        touch("2022-09-12.html");
        touch("2022-09-12_files/saved_resource.html");
        touch("2022-09-12_files/app.js");
        touch("Briefing.htm");
        touch("Briefing_files/ad/frame.htm");
        touch("archive_files/kept.html"); // no archive.html beside it: not a saved page's folder
        touch("notes.md");

        List<Inputs.InputFile> files = Inputs.resolve(new Configuration(), List.of(dir.toString()), Optional.empty());

        assertThat(files).extracting(f -> dir.toUri().relativize(Path.of(java.net.URI.create(f.path())).toUri()).toString())
                .containsExactly("2022-09-12.html", "Briefing.htm", "archive_files/kept.html");
        assertThat(files).extracting(Inputs.InputFile::format).containsOnly(InputFormat.HTML);
    }
}
