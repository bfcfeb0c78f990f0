#!/usr/bin/env bash
# What `make ci` runs on a clean clone: system packages, the venv, the whole suite on SQLite
# (browser tests included, and required), the suite again on a throwaway PostgreSQL 15 cluster
# (browser tests skipped there: they ran on SQLite), then lint.
#
# Runs as root in CI (no stdin, CI=true, 2 cores, 90 minutes). A developer can run it as a
# normal user when the packages are already installed; the cluster then belongs to that user.
# Every stage runs even after an earlier one failed, so one run shows every problem; the exit
# status is non-zero if any stage failed.
set -Eeuo pipefail
exec </dev/null
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
export PYTHONUNBUFFERED=1
# The development defaults for the suite (the settings keep DEBUG off unless it is on); the
# deployment check below runs with the production environment instead.
export DEBUG=${DEBUG:-1}
PG_BIN=/usr/lib/postgresql/15/bin
PYTHON=.venv/bin/python
# A stage that hangs is stopped long before the CI job's own 90-minute limit.
STAGE_TIMEOUT=${HOPTAC_CI_STAGE_TIMEOUT:-45m}
PYTEST_ARGS=(-ra --durations=15)

START=$SECONDS
FAILED=()
STAGE_PID=""

section() {
    printf '\n==============================================================================\n'
    printf '== %s   (+%ds)\n' "$*" "$((SECONDS - START))"
    printf '==============================================================================\n'
}

# Runs one stage, records its failure and carries on; pytest's 5 (no tests collected) counts.
stage() {
    local name=$1
    shift
    local t0=$SECONDS rc=0
    # In the background so that a signal to this script runs the cleanup at once (bash
    # delays traps until a foreground command ends); cleanup stops the stage too.
    "$@" &
    STAGE_PID=$!
    wait "$STAGE_PID" || rc=$?
    STAGE_PID=""
    if [[ $rc -eq 0 ]]; then
        printf -- '-- %s: passed in %ds\n' "$name" "$((SECONDS - t0))"
    else
        case $rc in
            5) printf -- '-- %s: FAILED: no tests were collected (exit 5)\n' "$name" ;;
            124) printf -- '-- %s: FAILED: timed out after %s\n' "$name" "$STAGE_TIMEOUT" ;;
            *) printf -- '-- %s: FAILED (exit %d) after %ds\n' "$name" "$rc" "$((SECONDS - t0))" ;;
        esac
        FAILED+=("$name")
    fi
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo -n -E "$@"
    else
        echo "ci.sh: need root to run: $*" >&2
        return 1
    fi
}

# ---------------------------------------------------------------------------------------------
section "System packages"
# libreoffice-writer-nogui: the annual report's DOCX is converted to PDF and read back.
# tesseract-ocr, tesseract-ocr-vie: OCR of scanned PDFs (decision 0005).
# nginx-light: deploy/nginx/hoptac.conf is checked with `nginx -t`.
PACKAGES=(postgresql chromium chromium-driver fonts-liberation2 poppler-utils libreoffice-writer-nogui
    tesseract-ocr tesseract-ocr-vie nginx-light)
missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
        missing+=("$pkg")
    fi
done
if [[ ! -x $PG_BIN/initdb ]] && [[ ! " ${missing[*]} " == *" postgresql "* ]]; then
    missing+=(postgresql-15)
fi
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "installing: ${missing[*]}"
    as_root apt-get update -q
    as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    echo "all present: ${PACKAGES[*]}"
fi
[[ -x $PG_BIN/initdb ]] || {
    echo "ci.sh: PostgreSQL 15 server binaries not found in $PG_BIN" >&2
    exit 1
}
[[ -x /usr/bin/chromium ]] || {
    echo "ci.sh: /usr/bin/chromium not found after installing chromium" >&2
    exit 1
}
/usr/bin/chromium --version 2>/dev/null || true
"$PG_BIN/postgres" --version

# ---------------------------------------------------------------------------------------------
section "make setup"
make setup
"$PYTHON" --version

# The suite's runs use a throwaway var dir (secret key, SQLite file, media), removed at exit,
# so a developer's var/ is neither read nor changed.
CI_VAR_DIR=$(mktemp -d -t hoptac-ci-var.XXXXXX)
PGDATA=""
PG_STARTED=0
PG_RUN=()
cleanup() {
    local rc=$?
    if [[ -n $STAGE_PID ]]; then
        kill -TERM "$STAGE_PID" 2>/dev/null && wait "$STAGE_PID" 2>/dev/null || true
    fi
    if [[ $PG_STARTED -eq 1 ]]; then
        echo "stopping PostgreSQL"
        "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [[ -n $PGDATA ]] && rm -rf "$PGDATA"
    rm -rf "$CI_VAR_DIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
section "Migrations are up to date"
stage "migrations check" env -u DATABASE_URL HOPTAC_VAR_DIR="$CI_VAR_DIR" \
    .venv/bin/hoptac makemigrations --check --dry-run

# ---------------------------------------------------------------------------------------------
section "Deployment check with the production environment"
stage "check --deploy" env -u DATABASE_URL -u EMAIL_URL HOPTAC_VAR_DIR="$CI_VAR_DIR" DEBUG=0 \
    SECRET_KEY="ci-only-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
    ALLOWED_HOSTS=hoptac.example.gov.vn \
    .venv/bin/hoptac check --deploy --fail-level WARNING

# ---------------------------------------------------------------------------------------------
section "Test suite on SQLite (browser tests required)"
stage "pytest on SQLite" env -u DATABASE_URL HOPTAC_VAR_DIR="$CI_VAR_DIR" HOPTAC_REQUIRE_BROWSER=1 \
    timeout --kill-after=30s "$STAGE_TIMEOUT" "$PYTHON" -m pytest "${PYTEST_ARGS[@]}"

# ---------------------------------------------------------------------------------------------
section "Throwaway PostgreSQL 15 cluster"
start_postgres() {
    PGDATA=$(mktemp -d -t hoptac-ci-pg.XXXXXX) || return 1
    if [[ $(id -u) -eq 0 ]]; then
        # initdb refuses to run as root: the cluster belongs to the postgres user.
        chown postgres:postgres "$PGDATA" || return 1
        PG_RUN=(runuser -u postgres --)
    fi
    chmod 700 "$PGDATA" || return 1
    PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()') || return 1
    local log
    log=$(mktemp -t hoptac-ci-initdb.XXXXXX) || return 1
    if ! "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$log" 2>&1; then
        cat "$log"
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
    PG_STARTED=1
    if ! "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -w -t 60 -l "$PGDATA/server.log" \
        -o "-p $PG_PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start; then
        cat "$PGDATA/server.log"
        return 1
    fi
    local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
    "${psql[@]}" -c 'SELECT version()' || return 1
    if [[ $("${psql[@]}" -c "SELECT 1 FROM pg_collation WHERE collname = 'vi-x-icu'") != 1 ]]; then
        echo "ICU collation vi-x-icu is missing: PostgreSQL was built without ICU?" >&2
        return 1
    fi
    echo "ICU collation vi-x-icu: present"
    "${psql[@]}" -c 'CREATE DATABASE hoptac' || return 1
    echo "PostgreSQL on 127.0.0.1:$PG_PORT, data in $PGDATA"
}
pg_ok=0
if start_postgres; then
    pg_ok=1
else
    FAILED+=("PostgreSQL start")
fi

# ---------------------------------------------------------------------------------------------
section "Test suite on PostgreSQL (browser tests skipped: they ran on SQLite)"
# The extractor's tests (tests/extraction: readers, OCR, rules) and the OCR and hostile-file
# tests of documents never reach the database's engine: they ran on SQLite, and running them
# again here only costs CI time (OCR is seconds a page).
PG_SKIP=(--ignore=tests/extraction --ignore=tests/documents/test_ocr_documents.py
    --ignore=tests/documents/test_hostile_files.py)
if [[ $pg_ok -eq 1 ]]; then
    stage "pytest on PostgreSQL" env HOPTAC_VAR_DIR="$CI_VAR_DIR" \
        DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hoptac" \
        timeout --kill-after=30s "$STAGE_TIMEOUT" "$PYTHON" -m pytest "${PYTEST_ARGS[@]}" -m "not browser" \
        "${PG_SKIP[@]}"
else
    echo "skipped: the cluster did not start"
fi

# ---------------------------------------------------------------------------------------------
section "Smoke test: two gunicorn servers and the job worker on PostgreSQL, over loopback"
if [[ $pg_ok -eq 1 ]]; then
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qtA -c 'CREATE DATABASE hoptac_smoke' &&
        stage "smoke (serve + worker)" env DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/hoptac_smoke" \
            timeout --kill-after=30s 15m "$PYTHON" -m tests.smoke.run ||
        FAILED+=("smoke database")
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null && PG_STARTED=0
else
    echo "skipped: the cluster did not start"
fi

# ---------------------------------------------------------------------------------------------
section "nginx configuration (deploy/nginx/hoptac.conf)"
stage "nginx config" bash deploy/check-nginx.sh

# ---------------------------------------------------------------------------------------------
section "Lint"
stage "make lint" make lint

# ---------------------------------------------------------------------------------------------
section "Summary"
echo "total time: $((SECONDS - START))s"
if [[ ${#FAILED[@]} -gt 0 ]]; then
    printf 'FAILED: %s\n' "${FAILED[@]}"
    exit 1
fi
echo "all stages passed"
