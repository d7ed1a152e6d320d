#!/usr/bin/env bash
# Developer entry point. `./dev.sh demo` sets up and serves the app with demo data;
# `./dev.sh test` sets up and runs every check CI runs. Both are safe to re-run.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"

ensure_venv() {
  if [ ! -x "$PY" ]; then
    if ! python3 -m venv "$VENV" 2>/dev/null; then
      # Debian ships venv support separately from python3 itself.
      rm -rf "$VENV"
      if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      else
        echo "Please install python3-venv (sudo apt-get install python3-venv) and try again." >&2
        exit 1
      fi
      python3 -m venv "$VENV"
    fi
  fi
  "$PY" -m pip install -q --upgrade pip
  "$PY" -m pip install -q -e '.[dev]'
}

run_checks() {
  "$VENV/bin/ruff" check src tests bench
  "$VENV/bin/ruff" format --check src tests bench
  "$VENV/bin/mypy"
  "$VENV/bin/lint-imports"
}

run_tests() {
  # pytest exits 5 when it collected nothing; `set -e` makes that a failure.
  "$VENV/bin/pytest" --cov=ehcp --cov-report=term:skip-covered "$@"
  "$VENV/bin/coverage" report --include='src/ehcp/rules/*' --fail-under=100 --show-missing \
    --skip-covered
}

case "${1:-}" in
  demo)
    ensure_venv
    "$VENV/bin/ehcp" clock --received 2024-01-08 --today 2024-03-01
    ;;
  test)
    shift
    ensure_venv
    run_checks
    run_tests "$@"
    ;;
  *)
    echo "usage: ./dev.sh demo | ./dev.sh test [pytest options]" >&2
    exit 2
    ;;
esac
