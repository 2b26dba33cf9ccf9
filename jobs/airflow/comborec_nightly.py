"""comborec nightly on Apache Airflow: one spark-submit per stage, then `finalize`.

Each stage is its own task (`comborec run <stage> --date {{ ds }}`), so a failed stage is retried
alone and the Airflow grid shows where a night went wrong. `run STAGE` commits that stage's tables
but never moves LATEST; the last task, `comborec finalize --date {{ ds }}`, checks that every stage
published and that every table it committed has _SUCCESS, writes the day's complete manifest and
its HTML report (merged from the stages' own), and only then moves LATEST. A failed night leaves
the previous LATEST and its folders untouched.

Deployment (environment of the Airflow scheduler and workers):
  COMBOREC_JAR         the shaded jar (default /opt/comborec/comborec.jar)
  COMBOREC_CONF_DIR    folder with cluster.conf, log4j2.properties, jvm-options (default /opt/comborec/conf)
  COMBOREC_SPARK_CONN  Airflow connection holding the master, e.g. yarn or k8s://... (default spark_default)
  COMBOREC_START_DATE  first logical day (default 2026-01-01); catchup runs every day since, in order
The jobs run in cluster deploy mode: cluster.conf and log4j2.properties travel with --files and
are read from the driver's working directory. (In client mode, give --conf an absolute path.)

Exit codes: comborec exits 0 published, 1 failure, 2 usage/config, 3 input contract, 4 data
quality refused, 5 model quality refused. Airflow sees any non-zero code (YARN: the application
FAILED; standalone cluster mode: the hook tracks the driver state) as a failed task. Retries help
with 1 (a lost executor, a flaky store); for 3-5 they repeat the same verdict, so a refused day
needs a person: fix the input and clear the task, or mark it success to skip the day.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# Dependency order; the same names `comborec run --help` lists (a JUnit test parses every task's
# arguments with the CLI and checks these names against the registered stages).
STAGES = ["ingest", "features", "market", "segment", "combos", "model", "recommend", "bundle"]

# Longest plausible duration of each task; a hung task fails instead of blocking the night.
TIMEOUTS = {
    "ingest": timedelta(hours=1),
    "features": timedelta(minutes=45),
    "market": timedelta(minutes=20),
    "segment": timedelta(minutes=45),
    "combos": timedelta(hours=1),
    "model": timedelta(hours=2),
    "recommend": timedelta(hours=1),
    "bundle": timedelta(hours=1),
    "finalize": timedelta(minutes=20),
}

JAR = os.environ.get("COMBOREC_JAR", "/opt/comborec/comborec.jar")
CONF_DIR = os.environ.get("COMBOREC_CONF_DIR", "/opt/comborec/conf")
SPARK_CONN = os.environ.get("COMBOREC_SPARK_CONN", "spark_default")
START = datetime.fromisoformat(os.environ.get("COMBOREC_START_DATE", "2026-01-01")).replace(tzinfo=timezone.utc)


def jvm_options() -> str:
    """Spark's own module flags (conf/jvm-options), for the driver's and the executors' JVMs.

    A standalone Worker starts a cluster-mode driver without them, and KMeans' Kryo serialization
    then fails ("module java.base does not opens java.nio"); explicit everywhere is auditable.
    """
    try:
        with open(os.path.join(CONF_DIR, "jvm-options"), encoding="utf-8") as f:
            return " ".join(line.strip() for line in f if line.strip() and not line.startswith("#"))
    except OSError:
        return ""  # Spark adds them to executors itself, and YARN/K8s drivers get them from the launcher


SPARK_CONF = {
    "spark.executor.extraJavaOptions": jvm_options(),
    # Airflow retries a task; the cluster must not silently re-run a driver inside one attempt.
    "spark.yarn.maxAppAttempts": "1",
    "spark.standalone.submit.waitAppCompletion": "true",
}


def comborec_task(task_id: str, command: list[str], **extra) -> SparkSubmitOperator:
    """One spark-submit of the comborec jar: `<command> --date {{ ds }} --conf cluster.conf`."""
    return SparkSubmitOperator(
        task_id=task_id,
        conn_id=SPARK_CONN,
        deploy_mode="cluster",
        application=JAR,
        java_class="com.comborec.cli.Main",
        name=f"comborec-{task_id}-{{{{ ds }}}}",
        application_args=[*command, "--date", "{{ ds }}", "--conf", "cluster.conf"],
        files=f"{CONF_DIR}/cluster.conf,{CONF_DIR}/log4j2.properties",
        driver_java_options=f"{jvm_options()} -Dlog4j2.configurationFile=log4j2.properties",
        conf=SPARK_CONF,
        execution_timeout=TIMEOUTS[task_id],
        **extra,
    )


default_args = {
    "owner": "comborec",
    # Like `comborec backfill`, which stops at the first failing day: day D's task waits for the
    # same task of D-1, so catchup never publishes past a failed or refused day unnoticed.
    "depends_on_past": True,
    "retries": 2,
    "retry_delay": timedelta(minutes=10),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
}

with DAG(
    dag_id="comborec_nightly",
    description="comborec: ingest, features, market signals, segments, combos, model, recommendations, bundles; then finalize",
    schedule="0 2 * * *",  # 02:00 UTC, when the day's exports have landed; {{ ds }} is that day
    start_date=START,
    catchup=True,  # missed days (or a new start date) run in date order: a backfill
    max_active_runs=1,  # days share the work store (catch-up ingest, volume history, model gate)
    dagrun_timeout=timedelta(hours=8),
    default_args=default_args,
    tags=["comborec", "spark"],
) as dag:
    previous = None
    for stage in STAGES:
        task = comborec_task(stage, ["run", stage])
        if previous is not None:
            previous >> task
        previous = task
    # Downstream readers trust LATEST: alert when it has not moved 4 hours after 02:00 (Airflow 2
    # SLA; on Airflow 3 use a deadline alert instead).
    finalize = comborec_task("finalize", ["finalize"], sla=timedelta(hours=4))
    previous >> finalize
