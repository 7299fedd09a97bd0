#!/usr/bin/env bash
# Every check the project has, in order: set-up, format, lints, native tests, browser tests
# (wasm-bindgen-test in headless Chromium), release build, size budget, end-to-end tests
# (Playwright driving Debian's Chromium against dist/ on a plain static server).
# Every layer runs even when an earlier one fails; the last line sums them all.
set -uo pipefail
cd "$(dirname "$0")/.."

bold() { printf '\033[1m%s\033[0m\n' "$*"; }
LOGS=target/test-logs
mkdir -p "$LOGS"

bold "==> Set-up (installs only what is missing)"
if ! bash tools/setup.sh; then
  echo "Set-up failed: see the messages above."
  echo "TOTAL: 0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
broken=()

# run_layer NAME COUNTER COMMAND...: runs a command, keeps its log, adds its counts.
# COUNTER is how to read counts from the log: cargo, node, or none (a check that counts as one).
run_layer() {
  local name=$1 counter=$2
  shift 2
  bold "==> $name"
  "$@" 2>&1 | tee "$LOGS/$name.log"
  local rc=${PIPESTATUS[0]} p=0 f=0
  case "$counter" in
    cargo)
      p=$(grep -E '^test result:' "$LOGS/$name.log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s+=$1} END {print s+0}')
      f=$(grep -E '^test result:' "$LOGS/$name.log" | sed -E 's/.* ([0-9]+) failed.*/\1/' | awk '{s+=$1} END {print s+0}')
      ;;
    node)
      p=$(grep -E '^# pass [0-9]+' "$LOGS/$name.log" | awk '{s+=$3} END {print s+0}')
      f=$(grep -E '^# fail [0-9]+' "$LOGS/$name.log" | awk '{s+=$3} END {print s+0}')
      ;;
    none)
      if [ "$rc" -eq 0 ]; then p=1; else f=1; fi
      ;;
  esac
  p=${p:-0}
  f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$rc" -eq 0 ] || broken+=("$name")
  bold "--- $name: $p passed, $f failed"
}

export CARGO_TERM_COLOR=never
run_layer format none cargo fmt --all -- --check
run_layer clippy-native none cargo clippy --workspace --all-targets --locked -- -D warnings
run_layer clippy-wasm none cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --locked -- -D warnings
run_layer native-tests cargo cargo test --workspace --locked
# The independent readers (Python's openpyxl and jsonschema) read what the core writes. They are
# #[ignore]d in a plain `cargo test` so the core needs no Python; here they run, and fail loudly
# when a reader is missing.
run_layer independent-readers cargo cargo test -p thc-core --test core_exchange --locked -- --ignored
run_layer browser-tests cargo env CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test web --locked
run_layer release-build none bash tools/build.sh
run_layer size-budget node node --test --test-reporter=tap tests/budget/
run_layer end-to-end node node --test --test-concurrency=1 --test-reporter=tap tests/e2e/

echo
if [ ${#broken[@]} -gt 0 ]; then
  bold "Failed layers: ${broken[*]} (logs in $LOGS/)"
fi
echo "TOTAL: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ]
