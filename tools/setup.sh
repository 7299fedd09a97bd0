#!/usr/bin/env bash
# Installs everything the app and its tests need, pinned, skipping what is already present.
# The first run on a fresh machine takes 25-30 minutes (Trunk and wasm-bindgen-cli are compiled
# from source on 2 cores); later runs take a second.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"   # must equal the wasm-bindgen crate pin in Cargo.toml

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: Chromium + driver for browser tests, poppler for PDF checks, a CJK font.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# A CJK font, so screenshots and printed PDFs show Chinese as a director's PC does (not as boxes).
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

# Python readers used by tests as independent checks (openpyxl for .xlsx, jsonschema for the
# published file format).
if ! python3 -c 'import openpyxl, jsonschema' >/dev/null 2>&1; then
  say "Installing Python test readers (tests/python-requirements.txt)"
  python3 -m pip install --quiet --disable-pip-version-check -r tests/python-requirements.txt
fi

# Rust toolchain and wasm target, as pinned in rust-toolchain.toml.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk ${TRUNK_VERSION}"; then
  say "Building Trunk ${TRUNK_VERSION} from source (about 16 minutes on 2 cores)"
  cargo install trunk --version "=${TRUNK_VERSION}" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen ${WASM_BINDGEN_VERSION}"; then
  say "Building wasm-bindgen-cli ${WASM_BINDGEN_VERSION} from source (about 10 minutes)"
  # --locked fails on this registry mirror (a locked dependency version is missing).
  cargo install wasm-bindgen-cli --version "=${WASM_BINDGEN_VERSION}" --force
fi

# npm: wasm-opt 132 (Debian's 108 breaks the module), Playwright core (drives Debian's Chromium;
# it never downloads a browser), axe-core for accessibility scans.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm tooling (npm ci)"
  npm ci --no-audit --no-fund
fi
