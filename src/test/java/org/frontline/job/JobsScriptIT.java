package org.frontline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.frontline.TestSpark;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.junit.jupiter.api.Test;

/**
 * The jobs/ scripts as a user runs them: spark-submit (the real SparkSubmit from the Maven-resolved Spark jars)
 * with the packaged application jar and the models jar, on the samples in data/.
 */
class JobsScriptIT {
    private final SparkSession spark = TestSpark.session();

    @Test
    void runOnTheSamplesWritesTheTablesAndSqlQueriesThemByName() throws Exception {
        Path wh = TestSpark.tempDir("wh-e2e");
        JobProcess.Result run = exec(null, "jobs/run", "data/", "--warehouse", wh.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("records read", "Top regions", "Top actors", "Territorial figures", "Kursk",
                "Tables under");
        // The report and the BI file, written through jobs/ (DuckDB's driver on the driver's class path only).
        assertThat(run.out()).contains("Report: " + wh.resolve("report.html"), "BI file: " + wh.resolve("frontline.duckdb"));
        assertThat(wh.resolve("report.html")).isNotEmptyFile();
        assertThat(wh.resolve("frontline.duckdb")).isNotEmptyFile();

        Warehouse w = new Warehouse(spark, wh.toString());
        Row runRow = w.read(Table.RUNS).first();
        long read = runRow.getAs("records_read");
        long annotated = runRow.getAs("articles_annotated");
        long duplicates = runRow.getAs("duplicates");
        long quarantined = runRow.getAs("quarantined");
        long otherLanguage = runRow.getAs("other_language");
        long skipped = runRow.getAs("skipped");
        assertThat(annotated + duplicates + otherLanguage + skipped + quarantined).isEqualTo(read);
        assertThat(otherLanguage).as("data/ holds a Polish feed item and a Polish page in the crawl").isEqualTo(2);
        assertThat(skipped).as("data/crawl-2025-05.warc.gz holds five records that are no article").isEqualTo(5);
        assertThat(quarantined).as("data/ holds a dump with one bad record of each kind").isGreaterThanOrEqualTo(5);
        assertThat(w.read(Table.ARTICLES).count()).isEqualTo(annotated);
        assertThat(w.read(Table.REGION_MENTIONS_DAILY).count()).isPositive();
        assertThat(w.read(Table.TERRITORIAL_FIGURES).filter("value_min = 420 AND normalized_unit = 'km2'").count()).isEqualTo(1);
        assertThat(runRow.<scala.collection.Map<String, String>>getAs("versions").get("corenlp").get()).isEqualTo("4.5.10");

        // By name as temporary views, and as external tables of the session's catalog (--create-tables).
        JobProcess.Result sql = exec(null, "jobs/sql", "--warehouse", wh.toString(), "--create-tables",
                "SELECT (SELECT COUNT(*) FROM articles) AS n_articles, (SELECT COUNT(*) FROM frontline.articles) AS n_external");
        assertThat(sql.exit()).as(sql.err()).isZero();
        assertThat(sql.out()).contains("n_articles", "n_external")
                .containsPattern("\\|" + annotated + " *\\|" + annotated + " *\\|");

        JobProcess.Result prompt = exec("SELECT region_name FROM region_mentions WHERE region_name = 'Sudzha' LIMIT 1;\nSELEC nonsense;\nexit;\n",
                "jobs/sql", "--warehouse", wh.toString());
        assertThat(prompt.exit()).as(prompt.err()).isZero();
        assertThat(prompt.out()).contains("frontline>", "Sudzha", "error:");
    }

    @Test
    void aWrongPathStopsWithOneLineThatSaysWhatToDo() throws Exception {
        JobProcess.Result r = exec(null, "jobs/annotate", "no/such/dump.jsonl", "--warehouse", TestSpark.tempDir("wh-x").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("frontline: no input matches 'no/such/dump.jsonl': check the path");
        assertThat(r.err()).doesNotContain("\tat org.frontline");
    }

    @Test
    void aReportOfAnEmptyWarehouseSaysWhatToRunFirst() throws Exception {
        JobProcess.Result r = exec(null, "jobs/report", "--warehouse", TestSpark.tempDir("wh-empty").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).containsPattern("frontline: no articles table in .*: run jobs/run \\(or jobs/annotate\\) first");
    }

    @Test
    void aWrongOptionStopsWithOneLineThatSaysWhatToDo() throws Exception {
        JobProcess.Result r = exec(null, "jobs/annotate", "--no-such-option", "data/");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith("frontline:")).toList())
                .containsExactly("frontline: Unknown option: '--no-such-option' (see jobs/annotate --help)");
    }

    private static JobProcess.Result exec(String stdin, String... command) throws IOException, InterruptedException {
        return JobProcess.run(stdin, command);
    }
}
