# Shared by scripts/bench, bench-topn, bench-ingest and bench-als (sourced, not run).
#
# - bench_build: builds target/comborec.jar and Spark's classpath when missing or stale (offline
#   Maven first, online as a fallback), then freezes a copy of the jar and of the compiled test and
#   bench sources (src/bench/java compiles with the tests and never enters the product jar) for this
#   benchmark, so a rebuild during a long run cannot swap classes under it.
# - bench_blas: picks the BLAS netlib loads (BENCH_BLAS=auto|java|openblas, default auto) and says
#   which one in BENCH_BLAS_DESC.
# - bench_java: runs a main class with the frozen jar, embedded local Spark, conf/jvm-options and
#   the BLAS flags, like scripts/comborec-local does.
# - bench_data SCALE: the generated input set of a named scale (generated once, then reused).

bench_here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_ROOT="${BENCH_ROOT:-$bench_here/target/bench}"
BENCH_DRIVER_MEMORY="${BENCH_DRIVER_MEMORY:-8g}"
# The generated days: 60 days, so the 28-day holdout leaves 32 days of training.
BENCH_FROM="${BENCH_FROM:-2025-01-01}"
BENCH_TO="${BENCH_TO:-2025-03-01}"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export COMBOREC_CONF="${COMBOREC_CONF:-$bench_here/conf/bench.conf}"
# Spark runs one task per core; a multi-threaded BLAS inside each task would only oversubscribe.
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"

bench_log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

bench_mvn() {
  # Offline first (everything is normally in ~/.m2), online only if that fails.
  (cd "$bench_here" && mvn -o -B -q "$@" >&2) || (cd "$bench_here" && mvn -B -q "$@" >&2)
}

bench_build() {
  local jar="$bench_here/target/comborec.jar" cp_file="$bench_here/target/spark-classpath.txt"
  local classes="$bench_here/target/test-classes"
  if [ ! -f "$jar" ] || [ ! -d "$classes/com/comborec/bench" ] \
    || [ -n "$(cd "$bench_here" && find src pom.xml -newer "$jar" -print -quit)" ]; then
    bench_log "building $jar and the benchmarks ..."
    bench_mvn -DskipTests -Dspotless.check.skip=true package
  fi
  if [ ! -s "$cp_file" ] || [ "$bench_here/pom.xml" -nt "$cp_file" ]; then
    bench_mvn dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$cp_file"
  fi
  mkdir -p "$BENCH_ROOT"
  BENCH_JAR="$BENCH_ROOT/comborec-$$.jar"
  BENCH_CLASSES_JAR="$BENCH_ROOT/comborec-bench-$$.jar"
  cp "$jar" "$BENCH_JAR"
  jar cf "$BENCH_CLASSES_JAR" -C "$classes" com
  trap 'rm -f "$BENCH_JAR" "$BENCH_CLASSES_JAR"' EXIT
  BENCH_CP="$BENCH_JAR:$BENCH_CLASSES_JAR:$(cat "$cp_file")"
  BENCH_COMMIT="$(cd "$bench_here" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(cd "$bench_here" && git status --porcelain -- src pom.xml 2>/dev/null)" ]; then
    BENCH_COMMIT="$BENCH_COMMIT+dirty"
  fi
}

# Where a BLAS fetched by `scripts/bench --fetch-openblas` lives (Debian packages unpacked, no root).
bench_local_openblas="$bench_here/target/openblas"

bench_blas() {
  local want="${BENCH_BLAS:-auto}" sys=""
  BENCH_BLAS_OPTS=()
  sys="$(ldconfig -p 2>/dev/null | awk '/libblas\.so\.3 .*x86-64/ {print $NF; exit}')"
  local lib="$bench_local_openblas/usr/lib/x86_64-linux-gnu"
  case "$want" in
    java)
      # A path that does not exist makes netlib fall back to its Java (Vector API) BLAS.
      BENCH_BLAS_OPTS=(-Ddev.ludovic.netlib.blas.nativeLibPath=/nonexistent/libblas.so.3
        -Ddev.ludovic.netlib.lapack.nativeLibPath=/nonexistent/liblapack.so.3)
      BENCH_BLAS_DESC="Java (netlib VectorBLAS; native BLAS disabled)"
      return ;;
    auto | openblas) ;;
    *) echo "bench: BENCH_BLAS must be auto, java or openblas, got '$want'" >&2; exit 2 ;;
  esac
  if [ -n "$sys" ]; then
    BENCH_BLAS_DESC="native: system $(readlink -f "$sys") (netlib loads libblas.so.3), OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS"
  elif [ -f "$lib/openblas-pthread/libblas.so.3" ]; then
    export LD_LIBRARY_PATH="$lib/openblas-pthread:$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    BENCH_BLAS_OPTS=(-Ddev.ludovic.netlib.blas.nativeLibPath="$lib/openblas-pthread/libblas.so.3"
      -Ddev.ludovic.netlib.lapack.nativeLibPath="$lib/openblas-pthread/liblapack.so.3")
    BENCH_BLAS_DESC="native: OpenBLAS $(basename "$(readlink -f "$lib/openblas-pthread/libblas.so.3")") (Debian libopenblas0-pthread unpacked under target/openblas), OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS"
  elif [ "$want" = openblas ]; then
    echo "bench: no OpenBLAS: install libopenblas0-pthread, or run scripts/bench --fetch-openblas" >&2
    exit 2
  else
    BENCH_BLAS_DESC="Java (netlib VectorBLAS; no native libblas.so.3 found)"
  fi
}

# Unpacks Debian's libopenblas0-pthread and libgfortran5 under target/openblas (apt-get download
# needs no root and changes nothing on the machine; other users' processes keep their BLAS).
bench_fetch_openblas() {
  local tmp
  tmp="$(mktemp -d)"
  chmod 755 "$tmp" # apt drops root for the download
  (cd "$tmp" && apt-get download libopenblas0-pthread libgfortran5 >&2)
  rm -rf "$bench_local_openblas"
  mkdir -p "$bench_local_openblas"
  for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$bench_local_openblas"; done
  rm -rf "$tmp"
  bench_log "OpenBLAS unpacked under $bench_local_openblas"
}

# Build, BLAS and the java command line (BENCH_JAVA_CMD) in one go.
bench_setup() {
  bench_build
  bench_blas
  local java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  # shellcheck disable=SC2207
  BENCH_JAVA_CMD=("$java_bin" -Xmx"$BENCH_DRIVER_MEMORY" $(grep -v '^#' "$bench_here/conf/jvm-options")
    "${BENCH_BLAS_OPTS[@]}" -Dlog4j2.configurationFile="$bench_here/conf/log4j2.properties" -cp "$BENCH_CP")
  bench_log "BLAS: $BENCH_BLAS_DESC"
}

bench_java() {
  "${BENCH_JAVA_CMD[@]}" "$@"
}

# events users items of a named scale: 1m, 5m, 20m, or any NNNk / NNNm (users = events / 20,
# items = 10k x (events / 1M)^0.77, i.e. the power law through 1m->10k and 20m->100k items).
bench_scale_sizes() {
  case "$1" in
    1m) echo "1000000 50000 10000" ;;
    5m) echo "5000000 250000 35000" ;;
    20m) echo "20000000 1000000 100000" ;;
    *[0-9]k | *[0-9]m)
      python3 - "$1" <<'EOF'
import sys
s = sys.argv[1]
events = int(float(s[:-1]) * (1000 if s[-1] == "k" else 1000000))
users = max(1000, events // 20)
items = max(500, int(round(10000 * (events / 1e6) ** 0.7686, -2)))
print(events, users, items)
EOF
      ;;
    *) echo "bench: unknown scale '$1' (use 1m, 5m, 20m, or a number with k or m)" >&2; return 2 ;;
  esac
}

# Echoes the input root of a scale, generating it once (reused while its spec.json matches).
bench_data() {
  local scale="$1" events users items dir
  read -r events users items <<<"$(bench_scale_sizes "$scale")"
  dir="$BENCH_ROOT/data/$scale"
  local want="$events $users $items $BENCH_FROM $BENCH_TO"
  if [ -f "$dir/.bench-sizes" ] && [ "$(cat "$dir/.bench-sizes")" = "$want" ]; then
    echo "$dir"
    return
  fi
  bench_log "generating $scale: $events events, $users users, $items items, $BENCH_FROM..$BENCH_TO into $dir"
  mkdir -p "$dir"
  local t0=$SECONDS
  bench_java com.comborec.cli.Main generate --output "$dir" --from "$BENCH_FROM" --to "$BENCH_TO" \
    --events "$events" --users "$users" --items "$items" --seed 42 --overwrite >"$BENCH_ROOT/data/$scale.generate.log" 2>&1 \
    || { echo "bench: generate failed, see $BENCH_ROOT/data/$scale.generate.log" >&2; return 1; }
  echo "$((SECONDS - t0))" >"$dir/.bench-generate-seconds"
  echo "$want" >"$dir/.bench-sizes"
  echo "$dir"
}

bench_machine_json() {
  python3 - "$BENCH_BLAS_DESC" "$BENCH_DRIVER_MEMORY" "$BENCH_COMMIT" <<'EOF'
import json, os, platform, subprocess, sys
def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return ""
mem_kb = int(sh("awk '/MemTotal/ {print $2}' /proc/meminfo") or 0)
print(json.dumps({
    "cores": os.cpu_count(),
    "memory_gib": round(mem_kb / 1024 / 1024, 1),
    "cpu": sh("awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo"),
    "java": sh("java -version 2>&1 | head -2 | tail -1"),
    "blas": sys.argv[1],
    "driver_memory": sys.argv[2],
    "commit": sys.argv[3],
    "kernel": platform.release(),
    "load_average_at_start": os.getloadavg()[0],
}))
EOF
}
