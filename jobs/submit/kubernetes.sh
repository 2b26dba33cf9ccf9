#!/usr/bin/env bash
# comborec on Kubernetes, cluster deploy mode: the driver and executors run in pods of an image
# that holds the jar at /opt/comborec/comborec.jar (Spark 4.1.0, Java 17). The arguments are
# comborec's, e.g.
#   COMBOREC_IMAGE=registry.example.com/comborec:0.1.0 jobs/submit/kubernetes.sh nightly --date 2011-07-31
# --files are uploaded to spark.kubernetes.file.upload.path and placed in the driver's working
# directory, where "--conf cluster.conf" finds them.
# Exit code: not verified here (no Kubernetes on this machine). spark-submit waits for the driver
# pod (spark.kubernetes.submission.waitAppCompletion); read comborec's code from the driver pod
#   kubectl -n comborec get pod <driver> -o jsonpath='{.status.containerStatuses[0].state.terminated.exitCode}'
# or from the day's manifest (_manifests/dt=D.json, "exit_code").
set -euo pipefail
home="${COMBOREC_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}"
conf="${COMBOREC_CONF_DIR:-$home/conf}"
# Spark's module flags (conf/jvm-options) for the driver and the executors, stated explicitly.
jvm_options="$(grep -v '^#' "$conf/jvm-options" | tr '\n' ' ')"

exec "${SPARK_SUBMIT:-spark-submit}" \
  --class com.comborec.cli.Main \
  --master "k8s://${COMBOREC_K8S_API:-https://kubernetes.default.svc:443}" \
  --deploy-mode cluster \
  --name comborec \
  --driver-memory 4g \
  --executor-memory 8g \
  --conf spark.executor.instances="${COMBOREC_EXECUTORS:-8}" \
  --conf spark.executor.cores=4 \
  --conf spark.kubernetes.namespace=comborec \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=comborec \
  --conf spark.kubernetes.container.image="${COMBOREC_IMAGE:?set COMBOREC_IMAGE to the comborec image}" \
  --conf spark.kubernetes.file.upload.path="${COMBOREC_UPLOAD_PATH:?set COMBOREC_UPLOAD_PATH, e.g. s3a://bucket/spark-uploads}" \
  --conf spark.kubernetes.submission.waitAppCompletion=true \
  --files "$conf/cluster.conf,$conf/log4j2.properties" \
  --driver-java-options "$jvm_options -Dlog4j2.configurationFile=log4j2.properties" \
  --conf "spark.executor.extraJavaOptions=-Dlog4j2.configurationFile=log4j2.properties $jvm_options" \
  local:///opt/comborec/comborec.jar "$@" --conf cluster.conf
