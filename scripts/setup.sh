#!/usr/bin/env bash
# Installs the system libraries Nazorg links against, when they are missing (Debian/Ubuntu).
set -euo pipefail
need=()
for pkg in libsodium-dev libsqlite3-dev pkg-config curl; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "installing: ${need[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
