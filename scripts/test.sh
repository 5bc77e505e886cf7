#!/usr/bin/env bash
# Installs what the tests need, then runs pytest, ruff and mypy in a throwaway session:
# a private D-Bus, an unlocked throwaway GNOME Keyring and a temporary HOME.
# Arguments go to pytest (e.g. ./scripts/test.sh tests/unit -k credentials).
set -euo pipefail
# shellcheck source=scripts/install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

# Inside the session (re-entered below through dbus-run-session).
if [[ "${PANTAU_TEST_SESSION:-}" == 1 ]]; then
    # The keyring password only has to outlive this run; the keyring file dies with HOME.
    password="$(head -c 24 /dev/urandom | base64)"
    printf %s "$password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    unset password
    export PANTAU_KEYRING_TESTS=1 QT_QPA_PLATFORM=offscreen
    # The same locale everywhere: UTF-8 (Qt warns on plain C, as fresh CI machines have), and
    # no developer's own language leaking into the app under test.
    export LANG=C.UTF-8
    unset LC_ALL LANGUAGE
    cd "$PANTAU_ROOT"
    failed=()
    summary=()
    run_tool() {
        local name="$1" start rc=0
        shift
        start=$SECONDS
        printf '\n===== %s =====\n' "$name"
        "$@" || rc=$?
        if ((rc == 0)); then
            summary+=("$(printf '%-7s passed  (%ss)' "$name" $((SECONDS - start)))")
        else
            summary+=("$(printf '%-7s FAILED  (exit %s, %ss)' "$name" "$rc" $((SECONDS - start)))")
            failed+=("$name")
        fi
    }
    run_tool pytest "$PANTAU_VENV/bin/pytest" "$@"
    run_tool ruff "$PANTAU_VENV/bin/ruff" check .
    run_tool mypy "$PANTAU_VENV/bin/mypy"
    printf '\n===== summary =====\n'
    printf '%s\n' "${summary[@]}"
    ((${#failed[@]} == 0))
    exit
fi

pantau_install test

home="$(mktemp -d "${TMPDIR:-/tmp}/pantau-test-home.XXXXXX")"
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/run"
# Nothing in the run may read or write the real profile, keyring or caches.
rc=0
env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
    XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state" \
    XDG_RUNTIME_DIR="$home/run" PANTAU_TEST_SESSION=1 \
    dbus-run-session -- "${BASH_SOURCE[0]}" "$@" || rc=$?
exit "$rc"
