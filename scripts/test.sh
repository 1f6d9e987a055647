#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (unit, property and end-to-end tests).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build --product nazorg
swift test
