#!/usr/bin/env bash
# The side-by-side benchmark: Nazorg's workloads W1–W4 (in memory and through the real store) in the same
# run as the peers (Yrs through pycrdt, Loro) and the physical limits (raw SQLite, raw libsodium), then
# a table of ratios. Writes Benchmarks/results/<UTC time>.jsonl and prints the table.
#
#   ./scripts/bench.sh                 # the whole run (about 10 minutes on 2 cores)
#   NAZORG_BENCH_ARGS="--runs 3" ./scripts/bench.sh
#   BENCH_DIR=/path/to/bench ./scripts/bench.sh   # where bench/ is (default ../shared/bench)
#
# Each Nazorg workload runs in its own process, so that each line's peak_rss_bytes is that workload's.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR="${BENCH_DIR:-../shared/bench}"
[ -x "$BENCH_DIR/run-peers.sh" ] || { echo "bench.sh: no run-peers.sh in $BENCH_DIR (set BENCH_DIR)" >&2; exit 2; }
./scripts/setup.sh >&2
swift build -c release --product nazorg-workloads >&2
out="Benchmarks/results/$(date -u +%Y-%m-%dT%H%MZ).jsonl"
mkdir -p Benchmarks/results
extra=""
for peer in nazorg nazorg+sqlite+crypto; do
  for w in 1 2 3 4; do
    extra+="$PWD/.build/release/nazorg-workloads --peers $peer --workloads $w ${NAZORG_BENCH_ARGS:-}; "
  done
done
# SQLite and libsodium are the system's: their versions are in the limit programs' lines of the same run.
export NAZORG_BENCH_VERSION="nazorg $(git rev-parse --short HEAD 2>/dev/null || echo unknown) (release)"
EXTRA_BENCH_CMD="$extra" "$BENCH_DIR/run-peers.sh" | tee "$out"
echo >&2
python3 Benchmarks/compare.py "$out"
echo >&2 "bench.sh: lines in $out"
