package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldMappingTest {

    @Test
    void defaultMapsEveryLogicalFieldToTheSameName() {
        FieldMapping m = FieldMapping.identity();
        for (String logical : FieldMapping.LOGICAL_FIELDS) {
            assertThat(m.sourceName(logical)).isEqualTo(logical);
        }
        assertThat(FieldMapping.parse(List.of())).isEqualTo(m);
    }

    @Test
    void specRenamesOnlyTheGivenFields() {
        FieldMapping m = FieldMapping.parse(List.of("date=path_date", " TEXT = body "));
        assertThat(m.sourceName("date")).isEqualTo("path_date");
        assertThat(m.sourceName("text")).isEqualTo("body");
        assertThat(m.sourceName("title")).isEqualTo("title");
        assertThat(m.sourceNames()).containsExactlyInAnyOrder("id", "path_date", "title", "body", "url", "source");
    }

    @Test
    void malformedSpecSaysWhatToWrite() {
        for (String bad : List.of("x", "date", "=path_date", "date=", "headline=title")) {
            assertThatThrownBy(() -> FieldMapping.parse(List.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--field expects NAME=SOURCE_FIELD")
                    .hasMessageContaining("id, date, title, text, url, source")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void sameFieldTwiceIsRejected() {
        assertThatThrownBy(() -> FieldMapping.parse(List.of("date=a", "date=b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void unknownLogicalNameIsAnError() {
        assertThatThrownBy(() -> FieldMapping.identity().sourceName("body"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
    }

    @Test
    void optionsSurviveJavaSerialisationAsSparkShipsThem() throws Exception {
        IngestOptions options = IngestOptions.defaults()
                .withFields(FieldMapping.parse(List.of("date=path_date")))
                .withMaxTextChars(1234);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new DumpReader(options));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            DumpReader copy = (DumpReader) in.readObject();
            assertThat(copy.options()).isEqualTo(options);
            assertThat(copy.options().fields().sourceName("date")).isEqualTo("path_date");
        }
    }

    @Test
    void defaultsAreDocumentedValuesAndLimitsMustBePositive() {
        assertThat(IngestOptions.defaults().maxTextChars()).isEqualTo(200_000);
        assertThat(IngestOptions.defaults().fields()).isEqualTo(FieldMapping.identity());
        assertThatThrownBy(() -> IngestOptions.defaults().withMaxTextChars(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxTextChars");
    }
}
