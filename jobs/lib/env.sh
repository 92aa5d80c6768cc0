#!/usr/bin/env bash
# Shared by the jobs/ scripts: where things are, and the JVM flags spark-submit adds on Java 17.

die() { echo "frontline: $*" >&2; exit 2; }

HOME_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP_JAR=${FRONTLINE_JAR:-$(ls "$HOME_DIR"/target/frontline-*.jar 2>/dev/null | grep -v '/original-' | head -n 1 || true)}
[ -n "$APP_JAR" ] && [ -f "$APP_JAR" ] || die "no application jar in $HOME_DIR/target: build it first with 'mvn -q -DskipTests package'"
MODELS_JAR=${CORENLP_MODELS_JAR:-$(cat "$HOME_DIR/target/classpath/models.classpath" 2>/dev/null || true)}
[ -n "$MODELS_JAR" ] && [ -f "$MODELS_JAR" ] || die "CoreNLP models jar not found: build with 'mvn -q -DskipTests package' or set CORENLP_MODELS_JAR"
SPARK_CP_FILE="$HOME_DIR/target/classpath/spark.classpath"
# DuckDB's JDBC driver writes the BI file (jobs/report, and every run keeps it current): on the driver only.
DUCKDB_JAR=${DUCKDB_JAR:-$(cat "$HOME_DIR/target/classpath/duckdb.classpath" 2>/dev/null || true)}
[ -n "$DUCKDB_JAR" ] && [ -f "$DUCKDB_JAR" ] || die "DuckDB's JDBC driver not found: build with 'mvn -q -DskipTests package' or set DUCKDB_JAR"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# The dev tools (src/tools: benchmark, quality, gazetteer builder) are not in the application jar (#10): the build
# compiles them with the tests, and the scripts that run them put this folder on the classpath after the jar.
TOOLS_CLASSES="$HOME_DIR/target/test-classes"
# require_tools CLASS: stop with one line when the tools were not built (-Dmaven.test.skip skips them).
require_tools() {
  [ -f "$TOOLS_CLASSES/${1//.//}.class" ] \
    || die "dev tools not built ($1 not in $TOOLS_CLASSES): build with 'mvn -q -DskipTests package' (not -Dmaven.test.skip)"
}

# Every JVM that runs CoreNLP (driver, executors, dev tools, tests) JIT-compiles huge methods too. HotSpot leaves
# a method over 8,000 bytes of bytecode to the interpreter, and CoreNLP's NER feature extractor
# (NERFeatureFactory.featuresC, 10,369 bytes) and tokenizer (PTBLexer.next) are over it: a JFR profile of the
# annotate stage found 24% of the task threads' time in those two methods, interpreted (BENCHMARKS.md, fifth pass).
JIT_OPTS="-XX:-DontCompileHugeMethods"
# The other side of that flag: Spark's whole-stage code generation can write a method of up to 64 KB of bytecode
# (the serializer of the nested staging rows was one, before the annotate stage ran on interpreted rows:
# AnnotateJob.ANNOTATE_STAGE_SQL), which HotSpot now tries to compile too. C2 spent 2-7 s of a core on it in every
# run, and half the time gave up ("out of nodes"). Spark's own advice for HotSpot: above 8,000 bytes it runs that
# plan without whole-stage code generation. The driver sets it (a SQL setting): spark-submit takes it as --conf,
# the dev tools, which start Spark in-process, as a system property.
CODEGEN_CONF="spark.sql.codegen.hugeMethodLimit=8000"

# What bin/spark-submit adds on Java 17 (org.apache.spark.launcher.JavaModuleOptions), for JVMs we start ourselves.
MODULE_OPTS="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
