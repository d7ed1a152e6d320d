#!/usr/bin/env bash
# Developer entry point. `./dev.sh demo` sets up and serves the app with demo data;
# `./dev.sh test` sets up and runs every check CI runs. Both are safe to re-run.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"

install_debian_packages() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
  else
    echo "Please install $* (sudo apt-get install $*) and try again." >&2
    exit 1
  fi
}

ensure_venv() {
  if [ ! -x "$PY" ]; then
    if ! python3 -m venv "$VENV" 2>/dev/null; then
      # Debian ships venv support separately from python3 itself.
      rm -rf "$VENV"
      install_debian_packages python3-venv
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

ensure_assets() {
  # GOV.UK Frontend (and axe-core for the accessibility tests) from the npm registry.
  command -v npm >/dev/null 2>&1 || install_debian_packages nodejs npm
  if [ ! -d node_modules/govuk-frontend ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  "$PY" -m ehcp.web.manage ehcp_assets >/dev/null
}

import_statistics() {
  # The public statistics pages read DfE's releases; the shared copies sit next to the repo.
  local releases=../shared/data/dfe-ehcp-statistics
  if ! compgen -G "$releases/*.zip" >/dev/null; then
    echo "No DfE statistics releases in $releases: the statistics pages will say how to import them."
    return 0
  fi
  "$PY" -m ehcp.web.manage ehcp_statistics "$releases"/*.zip
}

postgres_url() {
  echo "${EHCP_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
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
    ensure_assets
    mkdir -p var
    export EHCP_SECURE_COOKIES=0  # the demo is served over plain http on this machine only
    "$PY" -m ehcp.web.manage migrate --no-input -v0
    "$PY" -m ehcp.web.manage ehcp_demo
    import_statistics
    echo "Serving the demo at http://127.0.0.1:8000 (press Ctrl+C to stop)"
    exec "$PY" -m ehcp.web.manage runserver --insecure --noreload 127.0.0.1:8000
    ;;
  test)
    shift
    ensure_venv
    ensure_assets
    run_checks
    run_tests "$@"
    # The web app's suite again on the local PostgreSQL (pytest-django creates test_test).
    echo "Running the suite again on PostgreSQL"
    DATABASE_URL="$(postgres_url)" "$VENV/bin/pytest" -p no:cacheprovider "$@"
    ;;
  *)
    echo "usage: ./dev.sh demo | ./dev.sh test [pytest options]" >&2
    exit 2
    ;;
esac
