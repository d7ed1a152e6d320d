#!/usr/bin/env bash
# Developer entry point. `./dev.sh demo` sets up and serves the app with demo data;
# `./dev.sh test` sets up and runs every check CI runs. Both are safe to re-run.
#
# As root on Debian, both install what is missing. `test` also needs PostgreSQL and Redis on
# this machine: a server already answering on 127.0.0.1:5432 or 6379 is used as it is; one
# that does not is installed, set up for the test database and started here.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"
POSTGRES_PORT=5432
REDIS_PORT=6379

# --- Debian packages -------------------------------------------------------------------

install_debian_packages() {
  if [ "$(id -u)" != 0 ]; then
    echo "Please install $* (sudo apt-get install $*) and try again." >&2
    exit 1
  fi
  echo "Installing $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

venv_works() {
  # `python3 -m venv --help` succeeds without ensurepip; only making a venv shows it works.
  "$PY" -m pip --version >/dev/null 2>&1 && return 0
  command -v python3 >/dev/null 2>&1 || return 1
  local probe works=0
  probe="$(mktemp -d)"
  python3 -m venv "$probe/venv" >/dev/null 2>&1 || works=1
  rm -rf "$probe"
  return "$works"
}

missing_for_demo() {
  [ -s /etc/ssl/certs/ca-certificates.crt ] || echo ca-certificates
  command -v python3 >/dev/null 2>&1 || echo python3
  venv_works || echo python3-venv
  command -v node >/dev/null 2>&1 || echo nodejs
  command -v npm >/dev/null 2>&1 || echo npm
}

missing_for_test() {
  missing_for_demo
  # Debian's Chromium for the browser tests (Playwright never downloads a browser here).
  [ -x /usr/bin/chromium ] || echo chromium
  command -v chromedriver >/dev/null 2>&1 || echo chromium-driver
  postgres_answers || postgres_installed || echo postgresql
  port_open "$REDIS_PORT" || command -v redis-server >/dev/null 2>&1 || echo redis-server
  # pdftotext, to check that a letter's PDF holds the letter's words.
  command -v pdftotext >/dev/null 2>&1 || echo poppler-utils
}

install_missing() {
  local packages
  mapfile -t packages < <("$@")
  if [ ${#packages[@]} -gt 0 ]; then
    install_debian_packages "${packages[@]}"
  fi
}

# --- Local servers for the tests ------------------------------------------------------

port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

wait_for_port() {
  local tries
  for tries in $(seq 30); do
    port_open "$1" && return 0
    sleep 1
  done
  echo "Nothing answers on 127.0.0.1:$1 after ${tries} seconds." >&2
  return 1
}

postgres_url() {
  echo "${EHCP_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:$POSTGRES_PORT/test}"
}

psql_as_test_role() {
  # On the `postgres` database, which is where Django goes to create its test database.
  local url
  url="$(postgres_url)"
  PGCONNECT_TIMEOUT=3 psql "${url%/*}/postgres" -Atq "$@"
}

postgres_answers() {
  command -v psql >/dev/null 2>&1 && psql_as_test_role -c 'select 1' >/dev/null 2>&1
}

postgres_installed() {
  command -v pg_ctlcluster >/dev/null 2>&1 && compgen -G '/usr/lib/postgresql/*/bin/postgres' \
    >/dev/null
}

postgres_version() {
  # The newest installed server; Debian's package makes its `main` cluster on port 5432.
  find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1
}

trust_local_test_role() {
  local hba="/etc/postgresql/$1/main/pg_hba.conf" marker="# Open EHCP's local test database"
  grep -qF "$marker" "$hba" && return 0
  # pg_hba.conf is read top down, so these lines go first.
  {
    echo "$marker: the postgres role signs in without a password from this machine only."
    echo "host    all    postgres    127.0.0.1/32    trust"
    echo "host    all    postgres    ::1/128         trust"
    cat "$hba"
  } >"$hba.new"
  chown --reference="$hba" "$hba.new"
  chmod --reference="$hba" "$hba.new"
  mv "$hba.new" "$hba"
}

start_postgres() {
  local version="$1"
  [ -d "/etc/postgresql/$version/main" ] || pg_createcluster "$version" main >/dev/null
  trust_local_test_role "$version"
  if port_open "$POSTGRES_PORT"; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  else
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
  fi
  wait_for_port "$POSTGRES_PORT"
}

create_test_database() {
  local name
  name="$(postgres_url)"
  name="${name##*/}"
  name="${name%%\?*}"
  local exists="select 1 from pg_database where datname = '$name'"
  [ -n "$(psql_as_test_role -c "$exists")" ] || psql_as_test_role -c "create database \"$name\""
}

ensure_postgres() {
  # A server that already lets the test role in is left exactly as it is.
  postgres_answers && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL does not let $(postgres_url) in; run this as root to set it up." >&2
    exit 1
  fi
  echo "Setting up the local PostgreSQL server for $(postgres_url)"
  start_postgres "$(postgres_version)"
  postgres_answers || {
    echo "PostgreSQL still does not let $(postgres_url) in." >&2
    exit 1
  }
  create_test_database
}

ensure_redis() {
  port_open "$REDIS_PORT" && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Nothing answers on 127.0.0.1:$REDIS_PORT; start Redis there, or run this as root." >&2
    exit 1
  fi
  echo "Starting Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
    --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for_port "$REDIS_PORT"
}

# --- The project ----------------------------------------------------------------------

ensure_venv() {
  if ! "$PY" -m pip --version >/dev/null 2>&1; then
    rm -rf "$VENV"
    python3 -m venv "$VENV"
  fi
  "$PY" -m pip install -q --upgrade pip
  "$PY" -m pip install -q -e '.[dev]'
}

ensure_assets() {
  # GOV.UK Frontend (and axe-core for the accessibility tests) from the npm registry.
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

run_checks() {
  "$VENV/bin/ruff" check src tests bench
  "$VENV/bin/ruff" format --check src tests bench
  "$VENV/bin/mypy"
  "$VENV/bin/lint-imports"
}

run_tests() {
  # Missing servers, Chromium or axe-core fail the tests that need them instead of skipping.
  export EHCP_REQUIRE_SERVICES=1
  rm -f .coverage
  # pytest exits 5 when it collected nothing; `set -e` makes that a failure. The tests marked
  # `postgres` wait for the second pass (a `-m` of the caller's replaces these).
  "$VENV/bin/pytest" -m "not postgres" --cov=ehcp --cov-report= --cov-fail-under=0 "$@"
  # The tests that use the database again, on the local PostgreSQL (pytest-django creates
  # test_<name>); coverage adds up over both passes.
  echo "Running the database tests again on PostgreSQL"
  local status=0
  DATABASE_URL="$(postgres_url)" "$VENV/bin/pytest" -p no:cacheprovider -m database \
    --cov=ehcp --cov-append --cov-report= --cov-fail-under=0 "$@" || status=$?
  # Pytest options that pick only tests without the database leave this pass nothing to do.
  if [ "$status" != 0 ] && ! { [ "$status" = 5 ] && [ $# -gt 0 ]; }; then
    exit "$status"
  fi
  # Over both passes: the statutory clock at 100% (branches included), and the web app and the
  # statistics at the floor in pyproject.toml (95%).
  "$VENV/bin/coverage" report --include='src/ehcp/rules/*' --fail-under=100 --show-missing \
    --skip-covered
  "$VENV/bin/coverage" report --skip-covered
}

case "${1:-}" in
  demo)
    install_missing missing_for_demo
    ensure_venv
    ensure_assets
    mkdir -p var
    export EHCP_SECURE_COOKIES=0  # the demo is served over plain http on this machine only
    "$PY" -m ehcp.web.manage migrate --no-input -v0
    "$PY" -m ehcp.web.manage ehcp_demo
    import_statistics
    # The background worker (imports, letters, the nightly refresh, the digests) runs beside
    # the web server and stops with it.
    "$PY" -m ehcp.web.manage ehcp_worker &
    worker=$!
    trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
    echo "Serving the demo at http://127.0.0.1:8000 with its worker (press Ctrl+C to stop)"
    "$PY" -m ehcp.web.manage runserver --insecure --noreload 127.0.0.1:8000
    ;;
  test)
    shift
    install_missing missing_for_test
    ensure_postgres
    ensure_redis
    ensure_venv
    ensure_assets
    run_checks
    run_tests "$@"
    ;;
  *)
    echo "usage: ./dev.sh demo | ./dev.sh test [pytest options]" >&2
    exit 2
    ;;
esac
