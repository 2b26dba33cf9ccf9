#!/usr/bin/env bash
# comborec on YARN, cluster deploy mode. The arguments are comborec's, e.g.
#   jobs/submit/yarn.sh nightly --date 2011-07-31
#   jobs/submit/yarn.sh run model --date 2011-07-31
# --files puts cluster.conf and log4j2.properties into the driver's and executors' working
# directories, where "--conf cluster.conf" and -Dlog4j2.configurationFile=log4j2.properties find them.
# Exit code: spark-submit waits (spark.yarn.submit.waitAppCompletion) and exits non-zero when the
# application FAILED, but YARN keeps only FAILED, not comborec's 1-5: the day's manifest
# (_manifests/dt=D.json, "exit_code") says which.
set -euo pipefail
home="${COMBOREC_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}"
conf="${COMBOREC_CONF_DIR:-$home/conf}"
jar="${COMBOREC_JAR:-$home/target/comborec.jar}"
# Spark's module flags (conf/jvm-options) for the driver and the executors: a standalone Worker starts
# a cluster-mode driver without them (measured); stating them everywhere keeps the line auditable.
jvm_options="$(grep -v '^#' "$conf/jvm-options" | tr '\n' ' ')"

exec "${SPARK_SUBMIT:-spark-submit}" \
  --class com.comborec.cli.Main \
  --master yarn \
  --deploy-mode cluster \
  --name comborec \
  --queue "${COMBOREC_YARN_QUEUE:-default}" \
  --driver-memory 4g \
  --executor-memory 8g \
  --executor-cores 4 \
  --num-executors "${COMBOREC_EXECUTORS:-8}" \
  --files "$conf/cluster.conf,$conf/log4j2.properties" \
  --driver-java-options "$jvm_options -Dlog4j2.configurationFile=log4j2.properties" \
  --conf "spark.executor.extraJavaOptions=-Dlog4j2.configurationFile=log4j2.properties $jvm_options" \
  --conf spark.yarn.maxAppAttempts=1 \
  --conf spark.yarn.submit.waitAppCompletion=true \
  "$jar" "$@" --conf cluster.conf
