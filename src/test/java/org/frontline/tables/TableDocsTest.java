package org.frontline.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README documents every table and column exactly as the schemas declare them. */
class TableDocsTest {
    private static final String BEGIN = "<!-- tables:begin (generated from Table.java by TableDocs; TableDocsTest checks it) -->\n";
    private static final String END = "<!-- tables:end -->";

    @Test
    void readmeDocumentsEveryTableAndColumnAsDeclared() throws IOException {
        Path home = Path.of(System.getProperty("frontline.home", "."));
        String readme = Files.readString(home.resolve("README.md"), StandardCharsets.UTF_8);
        String expected = TableDocs.markdown();
        // When this fails, paste target/table-docs.md between the markers.
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/table-docs.md"), expected, StandardCharsets.UTF_8);
        assertThat(readme).contains(BEGIN).contains(END);
        String documented = readme.substring(readme.indexOf(BEGIN) + BEGIN.length(), readme.indexOf(END));
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void everyColumnHasADescription() {
        for (Table t : Table.values()) {
            for (var f : t.schema().fields()) {
                assertThat(f.getComment().isDefined()).as(t.tableName() + "." + f.name()).isTrue();
            }
        }
    }
}
