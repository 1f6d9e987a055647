#!/usr/bin/env bash
# Installs shell completion for `nazorg` and `nazorg-server` (commands, subcommands, options and their values)
# for the current user: bash (bash-completion's user directory), zsh and fish. Run after a build; demo.sh and
# test.sh do. Usage: scripts/install-completions.sh [BIN_DIR] (default: the debug build's bin directory).
set -euo pipefail
cd "$(dirname "$0")/.."
bin_dir="${1:-$(swift build --show-bin-path)}"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
config="${XDG_CONFIG_HOME:-$HOME/.config}"
mkdir -p "$data/bash-completion/completions" "$data/zsh/site-functions" "$config/fish/completions"
for tool in nazorg nazorg-server; do
    [ -x "$bin_dir/$tool" ] || continue
    "$bin_dir/$tool" --generate-completion-script bash > "$data/bash-completion/completions/$tool"
    "$bin_dir/$tool" --generate-completion-script zsh > "$data/zsh/site-functions/_$tool"
    "$bin_dir/$tool" --generate-completion-script fish > "$config/fish/completions/$tool.fish"
done
echo "shell-aanvulling geïnstalleerd voor bash ($data/bash-completion/completions), zsh ($data/zsh/site-functions; zet die map in \$fpath) en fish" >&2
