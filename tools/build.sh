#!/usr/bin/env bash
# Release build into dist/. wasm-opt 132 comes from node_modules/.bin (never Debian's 108).
set -euo pipefail
cd "$(dirname "$0")/.."
printf '\033[1m==> %s\033[0m\n' "Building the release into dist/ (trunk build --release)"
PATH="$PWD/node_modules/.bin:$PATH" trunk build --release
