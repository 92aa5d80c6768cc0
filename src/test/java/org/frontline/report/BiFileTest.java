package org.frontline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.frontline.tables.Table;
import org.junit.jupiter.api.Test;

class BiFileTest {

    @Test
    void everyColumnOfEveryTableHasADuckDbType() {
        for (Table t : Table.values()) {
            List<String> sql = BiFile.viewStatements(new BiFile.TableFiles(t, List.of()), Set.of());
            assertThat(sql.get(0)).startsWith("CREATE OR REPLACE VIEW \"" + t.tableName() + "\" AS SELECT ")
                    .endsWith(" WHERE false");
            assertThat(sql).hasSize(2 + t.schema().fields().length);
        }
        assertThat(BiFile.duckType(Table.RUNS.schema().apply("versions").dataType())).isEqualTo("MAP(VARCHAR, VARCHAR)");
        assertThat(BiFile.duckType(Table.TERRITORIAL_CLAIMS.schema().apply("claimants").dataType())).isEqualTo("VARCHAR[]");
    }

    @Test
    void aColumnNoFileHoldsYetReadsAsNullAndTheRestFromTheFiles() {
        List<String> sql = BiFile.viewStatements(new BiFile.TableFiles(Table.ARTICLES,
                List.of("/w/articles/published_month=2024-07/part-0.parquet")), Set.of("article_id", "published_month"));

        assertThat(sql.get(0))
                .contains("CAST(\"article_id\" AS VARCHAR) AS \"article_id\"")
                .contains("CAST(NULL AS VARCHAR) AS \"language\"")
                .contains("CAST(\"published_month\" AS VARCHAR) AS \"published_month\"")
                .endsWith(" FROM read_parquet(['/w/articles/published_month=2024-07/part-0.parquet'],"
                        + " hive_partitioning = true, union_by_name = true)");
    }

    @Test
    void quotesInPathsAndDescriptionsAreEscaped() {
        assertThat(BiFile.reader(List.of("/w/it's/*.parquet"))).contains("'/w/it''s/*.parquet'");
        assertThat(BiFile.literal("who's")).isEqualTo("'who''s'");
        assertThat(BiFile.ident("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
