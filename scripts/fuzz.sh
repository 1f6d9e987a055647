#!/usr/bin/env bash
# Fuzzes the parsers that read other parties' bytes with libFuzzer, each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 60 s each for change, sync-request, request-auth, bundle
#
# Builds Fuzz/ with --sanitize=fuzzer --sanitize=address (release), starts each target from its seed corpus in
# Fixtures/fuzz/<target>/ (read-only; new coverage goes to .build/fuzz-corpus/<target>/), and stops at the time
# limit. A crash input is written to .build/fuzz-crashes/<target>/; copy it into Fixtures/fuzz/<target>/ (name
# it crash-<what>) and the test suite runs it from then on (Tests/NazorgFuzzingTests). See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(change sync-request request-auth bundle)

# SwiftPM's --sanitize=fuzzer links libFuzzer but does not instrument Swift code for coverage; the -Xswiftc flag
# does (every module in the build, so the fuzzer sees the branches of the parsers it drives).
swift build --package-path Fuzz -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer
bin="Fuzz/.build/release"
status=0
for target in "${targets[@]}"; do
    corpus=".build/fuzz-corpus/$target"
    crashes=".build/fuzz-crashes/$target"
    mkdir -p "$corpus" "$crashes"
    echo "== fuzz-$target: ${seconds} s"
    log=".build/fuzz-$target.log"
    set +e
    # No leak detection: LeakSanitizer does not see Swift's tagged pointers and reports the lazily made fixture
    # keys as leaked at exit; memory growth is still caught by -rss_limit_mb.
    ASAN_OPTIONS=detect_leaks=0 "$bin/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 -detect_leaks=0 \
        -artifact_prefix="$crashes/" "$corpus" "Fixtures/fuzz/$target" > "$log" 2>&1
    result=$?
    set -e
    grep -E "^#[0-9]+.*DONE|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)" "$log"
    if grep -q "no interesting inputs" "$log"; then
        echo "fuzz-$target is not instrumented for coverage" >&2
        status=1
    fi
    if [ $result -ne 0 ] || [ -n "$(ls -A "$crashes")" ]; then
        echo "fuzz-$target found a crash (exit $result): $(ls "$crashes"); log: $log" >&2
        grep -E "Fatal error|ERROR: |SUMMARY" "$log" | head -n 5 >&2
        status=1
    fi
done
exit $status
