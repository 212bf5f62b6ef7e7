#!/usr/bin/env bash
# Throughput and memory of `journeymap events stats` on CSV logs: builds the release CLI, then for
# each file prints its size, the wall-clock time, MB/s (file megabytes, 10^6 bytes, per second)
# and the peak resident memory, both read from GNU time (`/usr/bin/time -v`). Extra arguments
# after `--` go to `events stats` (column names, survey columns, ...).
#
#   bench/events_cli.sh bench/data/events-1000000.csv [more.csv ...] [-- --csat csat]
#   (bench/events_generate.py writes the logs)
set -euo pipefail
cd "$(dirname "$0")/.."

files=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  files+=("$1")
  shift
done
[ "${1:-}" = "--" ] && shift
if [ ${#files[@]} -eq 0 ]; then
  echo "usage: bench/events_cli.sh FILE.csv [FILE.csv ...] [-- events-stats options]" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench/events_cli.sh needs GNU time (/usr/bin/time; Debian package \"time\")" >&2
  exit 2
fi

cargo build --quiet --release -p journeymap-cli
BIN=target/release/journeymap
report=$(mktemp)
trap 'rm -f "$report"' EXIT

printf '%-40s %10s %10s %10s %12s\n' file MB seconds MB/s "peak RSS MB"
for f in "${files[@]}"; do
  bytes=$(stat -c %s "$f")
  # The text report goes to /dev/null; rejected rows (stderr) are not part of the measure.
  /usr/bin/time -v -o "$report" "$BIN" events stats "$f" "$@" >/dev/null 2>&1 || {
    echo "journeymap events stats $f failed:" >&2
    "$BIN" events stats "$f" "$@" >/dev/null
    exit 1
  }
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23"
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*): //p' "$report" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")
  awk -v f="$f" -v b="$bytes" -v s="$wall" -v r="$rss_kb" 'BEGIN {
    mb = b / 1e6; rate = (s > 0) ? mb / s : 0
    printf "%-40s %10.1f %10.2f %10.1f %12.1f\n", f, mb, s, rate, r / 1024
  }'
done
