#!/usr/bin/env bash
# Submits one Frontline command with spark-submit: $SPARK_HOME/bin/spark-submit when SPARK_HOME is set,
# otherwise the real org.apache.spark.deploy.SparkSubmit from the Spark jars Maven resolved (no Spark
# download). Usage: submit.sh COMMAND [spark-submit options] [command arguments]
#
# spark-submit options (--master, --conf, --executor-memory, --jars, ...) may come anywhere and are passed
# to spark-submit; everything else goes to the command. Every Spark setting of the job is here, each with an
# environment variable to override it.
set -euo pipefail

# shellcheck source=env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
COMMAND=$1; shift

# The job's Spark settings (env overrides in capitals).
MASTER=${MASTER:-local[*]}
DRIVER_MEMORY=${DRIVER_MEMORY:-4g}          # local mode: the driver JVM also runs the tasks
EXECUTOR_MEMORY=${EXECUTOR_MEMORY:-3g}      # default profile: ~1 GB of CoreNLP models per executor JVM
EXECUTOR_CORES=${EXECUTOR_CORES:-2}         # task threads sharing one pipeline per executor
MAX_RECORDS_PER_FILE=${MAX_RECORDS_PER_FILE:-5000000}
LOG_CONFIG="$HOME_DIR/conf/log4j2.properties"

spark_opts=()
app_args=()
user_master=""
user_jars=""
user_driver_cp=""
while [ $# -gt 0 ]; do
  case "$1" in
    --master|--deploy-mode|--conf|-c|--executor-memory|--driver-memory|--executor-cores|--num-executors|\
    --total-executor-cores|--packages|--files|--archives|--properties-file|--driver-java-options|\
    --driver-library-path|--driver-cores|--name|--queue|--repositories|--exclude-packages|\
    --principal|--keytab|--proxy-user|--jars|--driver-class-path)
      [ $# -ge 2 ] || die "$1 needs a value"
      case "$1" in
        --master) user_master=$2 ;;
        --jars) user_jars=$2 ;;
        --driver-class-path) user_driver_cp=$2 ;;
        *) spark_opts+=("$1" "$2") ;;
      esac
      shift 2 ;;
    --master=*) user_master=${1#*=}; shift ;;
    --jars=*) user_jars=${1#*=}; shift ;;
    --driver-class-path=*) user_driver_cp=${1#*=}; shift ;;
    --deploy-mode=*|--conf=*|--executor-memory=*|--driver-memory=*|--executor-cores=*|--num-executors=*|\
    --total-executor-cores=*|--packages=*|--files=*|--properties-file=*|--name=*|--queue=*)
      spark_opts+=("$1"); shift ;;
    --verbose|--supervise) spark_opts+=("$1"); shift ;;
    *) app_args+=("$1"); shift ;;
  esac
done
MASTER=${user_master:-$MASTER}
# Local mode binds to loopback, whatever the machine's host name resolves to.
case "$MASTER" in local*) export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1} ;; esac

# The conf/ folder (profiles, rules) is the project's unless the command is given another.
case " ${app_args[*]-} " in
  *" --config-dir"*) ;;
  *) if [ "$COMMAND" = annotate ] || [ "$COMMAND" = run ]; then app_args+=(--config-dir "$HOME_DIR/conf"); fi ;;
esac

# The models (~470 MB) are never in the application jar. On a cluster they reach the executors with --jars; in
# local mode the tasks run in the driver JVM, so they go on its class path: given to --jars, Spark would copy the
# jar into a temporary folder on every run (seconds of disk I/O, and half a gigabyte left by a run that is killed).
case "$MASTER" in
  local*) models_jars=""; driver_cp="$MODELS_JAR:$DUCKDB_JAR" ;;
  *) models_jars="$MODELS_JAR"; driver_cp="$DUCKDB_JAR" ;;
esac
jars="$models_jars${models_jars:+${user_jars:+,}}$user_jars"
driver_cp="$driver_cp${user_driver_cp:+:$user_driver_cp}"

JAVA_OPTS_COMMON="$JIT_OPTS -Duser.timezone=UTC -Dlog4j2.configurationFile=$LOG_CONFIG"
submit_args=(
  --master "$MASTER"
  --name "frontline $COMMAND"
  --class org.frontline.cli.Main
  # DuckDB's driver (the BI file) on the driver only: executors never need it.
  --driver-class-path "$driver_cp"
  --files "$LOG_CONFIG"
  --driver-memory "$DRIVER_MEMORY"
  --executor-memory "$EXECUTOR_MEMORY"
  --conf "spark.executor.cores=$EXECUTOR_CORES"
  --conf "spark.driver.extraJavaOptions=$JAVA_OPTS_COMMON"
  # On executors the log config arrives with --files, in the working directory.
  --conf "spark.executor.extraJavaOptions=$JIT_OPTS -Duser.timezone=UTC -Dlog4j2.configurationFile=log4j2.properties"
  --conf "spark.sql.session.timeZone=UTC"
  # Spark's generated code in methods HotSpot compiles well (see CODEGEN_CONF in lib/env.sh).
  --conf "$CODEGEN_CONF"
  --conf "spark.sql.files.maxRecordsPerFile=$MAX_RECORDS_PER_FILE"
  --conf "spark.sql.parquet.mergeSchema=false"
  --conf "spark.ui.showConsoleProgress=${SHOW_PROGRESS:-true}"
  # Our tables are wide: without this Spark warns that it truncated a plan's description.
  --conf "spark.sql.debug.maxToStringFields=200"
)

[ -z "$jars" ] || submit_args+=(--jars "$jars")

if [ -n "${SPARK_HOME:-}" ]; then
  exec "$SPARK_HOME/bin/spark-submit" "${submit_args[@]}" ${spark_opts[@]+"${spark_opts[@]}"} \
    "$APP_JAR" "$COMMAND" ${app_args[@]+"${app_args[@]}"}
fi

[ -f "$SPARK_CP_FILE" ] || die "no Spark classpath in target/classpath: build with 'mvn -q -DskipTests package', or set SPARK_HOME"
# What bin/spark-submit would do: the flags it adds on Java 17, the driver's heap, then the same SparkSubmit
# class, with the local-run defaults of conf/spark-defaults.conf.
# shellcheck disable=SC2086
exec "$JAVA" -Xmx"$DRIVER_MEMORY" $MODULE_OPTS $JAVA_OPTS_COMMON ${FRONTLINE_JAVA_OPTS:-} \
  -cp "$(cat "$SPARK_CP_FILE"):$driver_cp" org.apache.spark.deploy.SparkSubmit \
  --properties-file "$HOME_DIR/conf/spark-defaults.conf" \
  "${submit_args[@]}" ${spark_opts[@]+"${spark_opts[@]}"} \
  "$APP_JAR" "$COMMAND" ${app_args[@]+"${app_args[@]}"}
