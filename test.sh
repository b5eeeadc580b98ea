#!/usr/bin/env bash
# Runs every Vigil test: unit tests, the integration suite against SQLite and again against a throwaway
# PostgreSQL cluster this script starts (and stops), and browser tests in Debian's Chromium with axe-core.
# Installs what it needs (Chromium, PostgreSQL) when missing and run as root. Last line: "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CONFIG="${VIGIL_TEST_CONFIGURATION:-Release}"
RESULTS="$ROOT/.test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
FAILED_STEPS=()
PG_DIR=""

log() { printf '\n==> %s\n' "$*"; }

cleanup() {
  if [[ -n "$PG_DIR" && -f "$PG_DIR/data/postmaster.pid" ]]; then
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [[ -n "$PG_DIR" ]] && rm -rf "$PG_DIR"
}
trap cleanup EXIT

apt_install() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "test.sh: $* is missing; install it (as root: apt-get install -y $*)" >&2
    return 1
  fi
  log "Installing $* from Debian packages"
  if [[ -z "${APT_UPDATED:-}" ]]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- prerequisites --------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is required" >&2; exit 1; }
command -v npm >/dev/null || apt_install nodejs npm || exit 1
[[ -x /usr/bin/chromium ]] || apt_install chromium || exit 1
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [[ -z "$PG_BIN" ]]; then apt_install postgresql && PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; fi

# PostgreSQL refuses to run as root, so the cluster runs as the postgres system user (or ourselves when not root).
as_pg_user() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}
if [[ $(id -u) -eq 0 ]]; then
  PG_USER=postgres
  id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
fi

# --- build -----------------------------------------------------------------------------------------------------
log "Building ($CONFIG)"
if ! dotnet build "$ROOT/Vigil.slnx" -c "$CONFIG" -nologo -v quiet -clp:ErrorsOnly; then
  echo "test.sh: build failed"; echo "0 passed, 1 failed"; exit 1
fi

log "Checking both providers' migrations match the model"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  if ! dotnet ef migrations has-pending-model-changes --no-build --configuration "$CONFIG" \
        --project "src/Vigil.Migrations.$provider" --startup-project "src/Vigil.Migrations.$provider" >"$RESULTS/ef-$provider.log" 2>&1; then
    cat "$RESULTS/ef-$provider.log"; FAILED_STEPS+=("pending model changes ($provider)")
  fi
done

run_tests() { # name project [env...]; TEST_FILTER, when set, selects the tests (dotnet test --filter)
  local name="$1" project="$2"; shift 2
  log "Tests: $name"
  env "$@" dotnet test "$project" -c "$CONFIG" --no-build --nologo ${TEST_FILTER:+--filter "$TEST_FILTER"} \
      --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
      --logger "console;verbosity=minimal" || FAILED_STEPS+=("$name")
}

run_tests unit tests/Vigil.UnitTests
run_tests integration-sqlite tests/Vigil.IntegrationTests VIGIL_TEST_PROVIDER=Sqlite

# --- throwaway PostgreSQL ----------------------------------------------------------------------------------------
log "Starting a throwaway PostgreSQL cluster"
PG_DIR="$(mktemp -d /tmp/vigil-pg.XXXXXX)"
chmod 755 "$PG_DIR"
[[ $(id -u) -eq 0 ]] && chown "$PG_USER" "$PG_DIR"
PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))"
if as_pg_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U vigil --auth=trust -E UTF8 --locale=C.UTF-8 >"$RESULTS/initdb.log" 2>&1 \
   && as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  # Scenario replays always run on a fresh temporary SQLite database (vigil replay), whatever the configured
  # provider, so they are run once, in the SQLite pass; import, which uses the configured database, runs in both.
  TEST_FILTER='FullyQualifiedName!~Vigil.IntegrationTests.ScenarioTests' \
  run_tests integration-postgres tests/Vigil.IntegrationTests VIGIL_TEST_PROVIDER=Postgres \
      "VIGIL_TEST_POSTGRES=Host=127.0.0.1;Port=$PG_PORT;Username=vigil;Password=unused;Pooling=true"
  as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
else
  cat "$RESULTS/initdb.log" "$PG_DIR/server.log" 2>/dev/null
  FAILED_STEPS+=("postgres start")
fi

run_tests browser tests/Vigil.BrowserTests

# --- totals ------------------------------------------------------------------------------------------------------
read -r PASSED FAILED < <(python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is not None:
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed)
PY
)
if [[ ${#FAILED_STEPS[@]} -gt 0 ]]; then
  log "Failed steps: ${FAILED_STEPS[*]}"
  # A step that failed without a failing test (crash, build, pending model changes) still counts as a failure.
  [[ "$FAILED" -eq 0 ]] && FAILED=${#FAILED_STEPS[@]}
fi
echo "$PASSED passed, $FAILED failed"
[[ "$FAILED" -eq 0 && ${#FAILED_STEPS[@]} -eq 0 ]]
