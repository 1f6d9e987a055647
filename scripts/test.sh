#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (unit, property and end-to-end tests).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product nazorg
swift build --product nazorg-server
./scripts/install-completions.sh
swift test
# The server's request authentication under libFuzzer for a bounded time (headers and query parameters; the
# other targets run their corpus and every byte flip of it inside `swift test`). NAZORG_FUZZ_SECONDS=0 skips it.
seconds="${NAZORG_FUZZ_SECONDS:-30}"
if [ "$seconds" -gt 0 ]; then
    ./scripts/fuzz.sh "$seconds" request-auth
fi
