#!/usr/bin/env bash
# comborec's nightly job from cron: yesterday's day (UTC) unless a day is given, never two at a
# time (flock), one log file per day, and comborec's exit code passed through unchanged:
#   0 published, 1 failure, 2 usage/config, 3 input contract, 4 data quality, 5 model quality.
#   jobs/cron/comborec-nightly.sh [YYYY-MM-DD]
# Environment (all optional):
#   COMBOREC_HOME       install folder (default: the folder this script is in, two levels up)
#   COMBOREC_SUBMIT     the submit line to run; it gets "nightly --date D" appended
#                       (default: jobs/submit/standalone.sh; see jobs/submit/ for YARN and Kubernetes)
#   COMBOREC_LOG_DIR    one file per day: comborec-nightly-D.log (default: $COMBOREC_HOME/logs)
#   COMBOREC_LOCK       lock file (default: /tmp/comborec-nightly.lock)
#   COMBOREC_LOCK_WAIT  seconds to wait for a running night to finish (default 0: give up at once, exit 1)
set -euo pipefail
home="${COMBOREC_HOME:-$(cd "$(dirname "$0")/../.." && pwd)}"
day="${1:-$(date -u -d yesterday +%F)}"
if ! [[ "$day" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || ! date -u -d "$day" +%F >/dev/null 2>&1; then
  echo "comborec-nightly: expected a day as YYYY-MM-DD, got '$day'" >&2
  exit 2
fi
log_dir="${COMBOREC_LOG_DIR:-$home/logs}"
lock="${COMBOREC_LOCK:-/tmp/comborec-nightly.lock}"
read -r -a submit <<<"${COMBOREC_SUBMIT:-$home/jobs/submit/standalone.sh}"
mkdir -p "$log_dir"
log="$log_dir/comborec-nightly-$day.log"

exec 9>>"$lock"
if ! flock -w "${COMBOREC_LOCK_WAIT:-0}" 9; then
  echo "comborec-nightly: another run holds $lock; not starting $day (see $log_dir)" >&2
  exit 1
fi

echo "=== $(date -u +%FT%TZ) comborec nightly --date $day (pid $$, host $(hostname))" >>"$log"
set +e
"${submit[@]}" nightly --date "$day" >>"$log" 2>&1
rc=$?
set -e
echo "=== $(date -u +%FT%TZ) exit $rc" >>"$log"
if [ "$rc" != 0 ]; then
  # cron mails stderr: the verdict and where to look.
  echo "comborec-nightly: $day ended with exit $rc; log $log" >&2
  grep -E '^comborec: ' "$log" | tail -n 3 >&2 || true
fi
exit "$rc"
