#!/usr/bin/env bash
# Installs what Nazorg builds and tests with when it is missing (Debian/Ubuntu): the system libraries, and the
# external FHIR validator the tests use, and the headless browser and PDF tools that check pages.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for pkg in libsodium-dev libsqlite3-dev pkg-config curl chromium poppler-utils; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "installing: ${need[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The external FHIR validators the tests use, from PyPI, in a virtual environment under .build/: fhir.resources
# (the R4B models), pyfhircheck (cardinality, datatypes, required value sets, narratives, FHIRPath invariants) and
# fhirkit-rs (FHIR R4 4.0.1 itself, generated from the official specification: unknown elements, cardinality,
# primitive formats).
if ! [ -x .build/fhir-venv/bin/python3 ] || ! .build/fhir-venv/bin/python3 -c "import fhir.resources, pyfhircheck, fhirkit" >/dev/null 2>&1; then
    if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" >/dev/null 2>&1; then
        sudo_cmd=""
        [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
    fi
    echo "installing the FHIR validators (fhir.resources, pyfhircheck, fhirkit-rs) into .build/fhir-venv" >&2
    mkdir -p .build
    python3 -m venv .build/fhir-venv
    .build/fhir-venv/bin/pip install -q "fhir.resources==8.3.0" "pyfhircheck==0.2.0" "fhirkit-rs==0.1.0"
fi
