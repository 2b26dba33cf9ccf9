#!/usr/bin/env bash
# comborec on a Spark standalone cluster, cluster deploy mode (the driver runs on a Worker). The
# arguments are comborec's, e.g.
#   jobs/submit/standalone.sh nightly --date 2011-07-31
#   COMBOREC_MASTER=spark://spark-master:7077 jobs/submit/standalone.sh backfill --from 2011-07-01 --to 2011-07-31
# Measured here (scripts/cluster): a standalone driver does NOT find --files in its working
# directory (they reach the executors only), so the driver reads cluster.conf and
# log4j2.properties by absolute path: install comborec at the same path on every node (or on a
# shared mount). --files still ships them to the executors.
# Exit code: SparkSubmit exits 0 for any accepted submission in standalone cluster mode, even when
# the driver FAILED. The default submitter, scripts/spark-submit, recovers the driver's own code
# (0-5) from the driver's state and output; with a stock spark-submit (SPARK_SUBMIT=...), check
# the day's manifest (_manifests/dt=D.json, "exit_code") instead.
set -euo pipefail
home="${COMBOREC_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}"
conf="${COMBOREC_CONF_DIR:-$home/conf}"
jar="${COMBOREC_JAR:-$home/target/comborec.jar}"
# Spark's module flags (conf/jvm-options). The driver needs them here: a Worker starts a cluster-mode
# driver without them (measured: the segment stage's KMeans then fails with "module java.base does
# not opens java.nio"). Spark adds them to executors itself; stating them keeps the line auditable.
jvm_options="$(grep -v '^#' "$conf/jvm-options" | tr '\n' ' ')"

exec "${SPARK_SUBMIT:-$home/scripts/spark-submit}" \
  --class com.comborec.cli.Main \
  --master "${COMBOREC_MASTER:-spark://127.0.0.1:7077}" \
  --deploy-mode cluster \
  --name comborec \
  --driver-memory 1g \
  --executor-memory 2g \
  --conf spark.cores.max="${COMBOREC_MAX_CORES:-2}" \
  --conf spark.standalone.submit.waitAppCompletion=true \
  --conf spark.driver.host="${COMBOREC_DRIVER_HOST:-127.0.0.1}" \
  --conf spark.driver.bindAddress="${COMBOREC_DRIVER_HOST:-127.0.0.1}" \
  --files "$conf/cluster.conf,$conf/log4j2.properties" \
  --driver-java-options "$jvm_options -Dlog4j2.configurationFile=$conf/log4j2.properties" \
  --conf "spark.executor.extraJavaOptions=-Dlog4j2.configurationFile=$conf/log4j2.properties $jvm_options" \
  "$jar" "$@" --conf "$conf/cluster.conf"
