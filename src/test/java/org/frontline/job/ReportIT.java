package org.frontline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;
import org.frontline.TestSpark;
import org.frontline.report.BiFile;
import org.frontline.report.ReportQueries;
import org.frontline.tables.Table;
import org.frontline.tables.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report and the BI file of the sample run, as a user meets them: the report opened in headless Chromium (the
 * charts drawn, one mark per known row, no console error, article text never run as script), and the DuckDB file
 * opened with DuckDB's JDBC driver as a BI tool would (every table by name, the README's queries, new runs seen).
 */
class ReportIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = TestSpark.home().resolve("target/report-screenshots");

    private static SparkSession spark;
    private static Path wh;
    private static Warehouse warehouse;
    private static ReportJob.Written written;
    /** Runs when the report was written (theBiFileFollowsNewRuns adds one later, in whichever order JUnit runs them). */
    private static long runsInReport;

    @BeforeAll
    static void runTheSamplesAndWriteTheReport() {
        spark = TestSpark.session();
        wh = TestSpark.tempDir("wh-report");
        AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(TestSpark.home().resolve("data").toString()), false));
        AggregateJob.run(spark, wh.toString(), AggregateJob.Options.defaults());
        warehouse = new Warehouse(spark, wh.toString());
        runsInReport = warehouse.read(Table.RUNS).count();
        written = ReportJob.run(spark, warehouse, new ReportJob.Options(ReportJob.defaultReport(warehouse),
                ReportJob.defaultBiFile(warehouse), ReportQueries.Limits.defaults()));
    }

    @Test
    void theBiFileHoldsEveryTableByNameAndAnswersTheReadmeQueries() throws Exception {
        Path bi = written.biFile().orElseThrow();
        assertThat(bi).isEqualTo(wh.resolve(BiFile.FILE_NAME));
        try (Connection c = openReadOnly(bi); Statement st = c.createStatement()) {
            TreeSet<String> views = new TreeSet<>(strings(st, "SELECT view_name FROM duckdb_views() WHERE NOT internal"));
            TreeSet<String> tables = new TreeSet<>();
            for (Table t : Table.values()) {
                tables.add(t.tableName());
            }
            assertThat(views).isEqualTo(tables);
            for (Table t : Table.values()) {
                assertThat(count(st, "SELECT COUNT(*) FROM " + t.tableName())).as(t.tableName())
                        .isEqualTo(warehouse.read(t).count());
            }
            // Typed as declared, described as in DESCRIBE.
            assertThat(strings(st, "SELECT data_type FROM duckdb_columns() WHERE table_name = 'territorial_claims'"
                    + " AND column_name = 'claimants'")).containsExactly("VARCHAR[]");
            assertThat(strings(st, "SELECT comment FROM duckdb_views() WHERE view_name = 'articles'"))
                    .containsExactly(Table.ARTICLES.description());

            Catalog.registerAll(spark, warehouse);
            List<String> queries = readmeQueries();
            assertThat(queries).hasSizeGreaterThanOrEqualTo(3);
            for (String q : queries) {
                assertThat(count(st, "SELECT COUNT(*) FROM (" + q + ")")).as(q).isEqualTo(spark.sql(q).count()).isPositive();
            }
        }
    }

    @Test
    void theBiFileFollowsNewRuns() throws Exception {
        Path more = TestSpark.tempDir("report-more").resolve("more.jsonl");
        Files.writeString(more, AnnotateJobIT.json("more-1", "2025-07-01", "Shelling near Kupiansk",
                "Russian forces shelled Kupiansk in the Kharkiv region on Tuesday, officials said.") + "\n");
        long before;
        try (Connection c = openReadOnly(written.biFile().orElseThrow()); Statement st = c.createStatement()) {
            before = count(st, "SELECT COUNT(*) FROM articles");
        }
        // A BI tool that keeps the file open still reads it while the run replaces it.
        try (Connection open = openReadOnly(written.biFile().orElseThrow())) {
            AnnotateJob.run(spark, AnnotateJobIT.options(wh, List.of(more.toString()), false));
            try (Statement st = open.createStatement()) {
                assertThat(count(st, "SELECT COUNT(*) FROM articles")).isEqualTo(before);
            }
        }
        try (Connection c = openReadOnly(written.biFile().orElseThrow()); Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT COUNT(*) FROM articles")).isEqualTo(before + 1);
            assertThat(count(st, "SELECT COUNT(*) FROM runs")).isEqualTo(warehouse.read(Table.RUNS).count());
        }
    }

    @Test
    void theReportDrawsInChromiumAndRunsNoArticleText() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        String page = Files.readString(written.report());
        assertThat(page).doesNotContain("<script>document.title").doesNotContain("src=\"http").contains("Frontline report");
        Files.createDirectories(SCREENSHOTS);
        ChromeDriver browser = chromium();
        try {
            browser.get(written.report().toUri().toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return !!(window.frontlineReport && window.frontlineReport.ready)")));

            assertThat(browser.executeScript("return window.frontlineReport.errors.join('\\n')")).isEqualTo("");
            long claims = warehouse.read(Table.TERRITORIAL_CLAIMS).count();
            assertThat(claims).isPositive();
            assertThat(marks(browser, "#claims .mark-symbol.role-mark path")).isEqualTo(claims);
            assertThat(marks(browser, "#map .mark-shape.role-mark path")).as("country outlines").isGreaterThan(100);
            long places = spark.sql("SELECT DISTINCT region_name, latitude, longitude FROM region_mentions_monthly"
                    + " WHERE latitude IS NOT NULL").count();
            assertThat(marks(browser, "#map .mark-symbol.role-mark path")).isEqualTo(places);
            assertThat(ariaLabels(browser, "#map .mark-symbol.role-mark path")).anyMatch(l -> l.contains("Sudzha"));
            assertThat(marks(browser, "#regions .mark-rect.role-mark path")).isPositive();
            assertThat(marks(browser, "#actors .mark-rect.role-mark path")).isPositive();
            assertThat(marks(browser, "#pairs .mark-rect.role-mark path")).isPositive();
            assertThat(marks(browser, "#reasons .mark-rect.role-mark path")).isEqualTo(
                    spark.sql("SELECT DISTINCT reason FROM quarantine").count());
            assertThat(browser.findElements(By.cssSelector("#runs tbody tr"))).hasSize((int) runsInReport);

            // The hostile title of the bad-input dump is on screen as text, and ran nowhere.
            assertThat(browser.findElement(By.id("quarantine")).getText()).contains("<script>document.title = 'pwned'</script>");
            assertThat(browser.getTitle()).isEqualTo("Frontline report");
            screenshot(browser, "report.png");

            // Hover: the tooltip shows the claim; click: the articles that report it, as links.
            WebElement mark = browser.findElement(By.cssSelector("#claims .mark-symbol.role-mark path"));
            new Actions(browser).moveToElement(mark).perform();
            wait.until(d -> d.findElement(By.id("vg-tooltip-element")).isDisplayed());
            assertThat(browser.findElement(By.id("vg-tooltip-element")).getText()).contains("reports");
            new Actions(browser).click(mark).perform();
            wait.until(d -> !d.findElements(By.cssSelector("#claim-detail li")).isEmpty());

            // A filter redraws: one quantity, then only its claims.
            new Select(browser.findElement(By.id("quantity"))).selectByValue("area");
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.frontlineReport.ready")));
            assertThat(marks(browser, "#claims .mark-symbol.role-mark path")).isEqualTo(
                    warehouse.read(Table.TERRITORIAL_CLAIMS).filter("quantity = 'area'").count());

            List<String> severe = new ArrayList<>();
            for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    severe.add(e.getMessage());
                }
            }
            assertThat(severe).as("console errors and warnings").isEmpty();
            assertThat(browser.getTitle()).isEqualTo("Frontline report");
        } finally {
            browser.quit();
        }
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1360,3200", "--disable-extensions", "--no-first-run");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** A screenshot of the window (tall enough for the whole report of the samples). */
    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static long marks(ChromeDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).size();
    }

    private static List<String> ariaLabels(ChromeDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> String.valueOf(e.getAttribute("aria-label"))).toList();
    }

    /** The example queries of the README's Tables section ({@code jobs/sql "..."}). */
    static List<String> readmeQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^jobs/sql \"([^\"]+)\"$").matcher(Files.readString(TestSpark.home().resolve("README.md")));
        while (m.find()) {
            queries.add(m.group(1));
        }
        return queries;
    }

    private static Connection openReadOnly(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file, p);
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
