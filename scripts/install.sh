# shellcheck shell=bash
# Shared install steps of run.sh and test.sh: Debian/Ubuntu packages, the .venv.
# Sourced (defines functions only); `scripts/install.sh [run|test]` also works on its own.
# Every step checks first and does nothing when its work is already done.

PANTAU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PANTAU_VENV="$PANTAU_ROOT/.venv"
PANTAU_STAMP="$PANTAU_VENV/.pantau-installed"

# What PySide6 6.11's xcb platform plugin and QtCore/Gui/Widgets/Network link against (from
# `ldd` of libqxcb.so and libQt6*.so.6; Qt 6 no longer needs libxcb-xinerama0), and a font.
# "a|b": either satisfies (Ubuntu 24.04 renamed libglib2.0-0 to libglib2.0-0t64).
PANTAU_RUN_PACKAGES=(
    python3 python3-venv python3-pip
    libegl1 libgl1 libfontconfig1 libfreetype6 "libglib2.0-0t64|libglib2.0-0" libdbus-1-3
    libgssapi-krb5-2 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0
    libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
    libxcb-xfixes0 libxcb-xkb1
    fonts-dejavu-core fonts-noto-color-emoji
)
# Tests: dbus-run-session (package dbus) for a private session bus, gnome-keyring as its
# Secret Service, xvfb/xauth for UI tests that want a real X server instead of offscreen.
# The local Bluesky network of tests/e2e (tests/atproto, see tests/bluesky_network.py):
# PostgreSQL for its AppView, and a compiler for better-sqlite3, which builds from source
# (node-gyp also needs python3, already in the run packages). npm: see pantau_atproto.
PANTAU_TEST_PACKAGES=(dbus gnome-keyring xvfb xauth postgresql build-essential)
PANTAU_ATPROTO="$PANTAU_ROOT/tests/atproto"

pantau_say() { printf '[pantau] %s\n' "$*" >&2; }

pantau_die() {
    pantau_say "ERROR: $*"
    exit 1
}

# Prints the packages (or "a|b" groups) of "$@" that dpkg does not list as installed.
pantau_missing_packages() {
    local installed group alt found
    installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' 2>/dev/null |
        awk '$2 == "installed" {sub(/:.*/, "", $1); print $1}')"
    for group in "$@"; do
        found=""
        IFS='|' read -r -a alts <<<"$group"
        for alt in "${alts[@]}"; do
            if grep -qxF -- "$alt" <<<"$installed"; then
                found=1
                break
            fi
        done
        [[ -n "$found" ]] || printf '%s\n' "$group"
    done
}

# The first alternative of "a|b" that apt can install (needs an updated package list).
pantau_pick_alternative() {
    local alt candidate
    IFS='|' read -r -a alts <<<"$1"
    for alt in "${alts[@]}"; do
        candidate="$(apt-cache policy "$alt" 2>/dev/null | awk '/Candidate:/ {print $2}')"
        if [[ -n "$candidate" && "$candidate" != "(none)" ]]; then
            printf '%s\n' "$alt"
            return
        fi
    done
    printf '%s\n' "${alts[0]}" # let apt-get say what is wrong with it
}

pantau_apt_install() {
    local missing=() to_install=() group sudo=()
    if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
        pantau_say "Not a Debian/Ubuntu system: skipping system packages. Make sure the" \
            "equivalents of these are installed: $*"
        return 0
    fi
    mapfile -t missing < <(pantau_missing_packages "$@")
    ((${#missing[@]})) || return 0
    if ((EUID != 0)); then
        command -v sudo >/dev/null ||
            pantau_die "Missing packages ${missing[*]}; run as root or install sudo."
        sudo=(sudo)
    fi
    pantau_say "Installing system packages: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    for group in "${missing[@]}"; do
        to_install+=("$(pantau_pick_alternative "$group")")
    done
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${to_install[@]}" >/dev/null
}

# Prints the first python >= 3.11 with a working venv module.
pantau_find_python() {
    local candidate
    for candidate in python3 python3.14 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null &&
            "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' \
                2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

pantau_python() {
    local python
    if python="$(pantau_find_python)"; then
        printf '%s\n' "$python"
        return 0
    fi
    # Ubuntu 22.04's python3 is 3.10; its universe has 3.11 beside it.
    pantau_apt_install python3.11 python3.11-venv
    pantau_find_python || pantau_die "Pantau needs Python 3.11 or newer (with venv and ensurepip)."
}

pantau_lock_hash() {
    (cd "$PANTAU_ROOT" && cat requirements.lock requirements-dev.lock pyproject.toml) |
        sha256sum | cut -d' ' -f1
}

# $1 = run | test. The venv is rebuilt only if it is missing or broken; pip runs only when
# the lock files or pyproject.toml changed since the stamp was written.
pantau_venv() {
    local kind="$1" lock hash python stamp=""
    hash="$(pantau_lock_hash)"
    if [[ -x "$PANTAU_VENV/bin/python" ]] &&
        "$PANTAU_VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        [[ -f "$PANTAU_STAMP" ]] && stamp="$(cat "$PANTAU_STAMP")"
    else
        python="$(pantau_python)"
        pantau_say "Creating $PANTAU_VENV with $python"
        rm -rf "$PANTAU_VENV"
        "$python" -m venv "$PANTAU_VENV"
    fi
    # A dev install contains everything a run install does.
    if [[ "$stamp" == "$hash dev" || ("$kind" == run && "$stamp" == "$hash run") ]]; then
        return 0
    fi
    if [[ "$kind" == test ]]; then kind=dev; fi
    lock="requirements.lock"
    [[ "$kind" == dev ]] && lock="requirements-dev.lock"
    pantau_say "Installing Python packages from $lock"
    pantau_quietly "$PANTAU_VENV/bin/python" -m pip install -r "$PANTAU_ROOT/$lock"
    pantau_quietly "$PANTAU_VENV/bin/python" -m pip install --no-deps -e "$PANTAU_ROOT"
    printf '%s %s\n' "$hash" "$kind" >"$PANTAU_STAMP"
}

# Runs "$@" and shows its output only if it fails (pip's build backend chatters on success).
pantau_quietly() {
    local output
    if ! output="$(PIP_DISABLE_PIP_VERSION_CHECK=1 "$@" 2>&1)"; then
        printf '%s\n' "$output" >&2
        pantau_die "Failed: $*"
    fi
}

# Node's name for this machine's CPU, as in the npm package node-linux-<cpu>.
pantau_node_cpu() {
    case "$(uname -m)" in
    x86_64 | amd64) printf 'x64\n' ;;
    aarch64 | arm64) printf 'arm64\n' ;;
    *) pantau_die "No Node 22 from npm for $(uname -m): the Bluesky test network needs it." ;;
    esac
}

# $1 = stamp file, $2 = hash: tests/atproto is installed from the current lock file.
pantau_atproto_installed() {
    [[ -f "$1" && "$(cat "$1")" == "$2" && -x "$PANTAU_ATPROTO/node_modules/node/bin/node" ]]
}

# tests/atproto: `npm ci` from its lock file, with the Node 22 the lock file pins (npm
# package `node`; dev-env needs Node >= 22, older Nodes silently get an old dev-env) and the
# npm of package.json's "packageManager". Both are first fetched into tests/atproto/.node,
# outside node_modules: better-sqlite3 compiles against that Node's headers (npm rewrites
# node_modules meanwhile), with that npm's own node-gyp (Debian's patched node-gyp links
# addons to Debian's libnode, which crashes them in another Node). The system's npm
# (Debian's, installed if missing) only fetches these two. Skipped while package.json and
# the lock file are unchanged since the stamp in node_modules was written.
pantau_atproto() {
    local dir="$PANTAU_ATPROTO" node_home="$PANTAU_ATPROTO/.node" stamp hash node npm tmp lock=""
    stamp="$dir/node_modules/.pantau-installed"
    hash="$( (cat "$dir/package.json" "$dir/package-lock.json" && uname -m) |
        sha256sum | cut -d' ' -f1)"
    pantau_atproto_installed "$stamp" "$hash" && return 0
    # One install at a time: test runs in the same checkout may start together.
    if command -v flock >/dev/null; then
        exec {lock}>"$dir/.install.lock"
        flock "$lock"
        if pantau_atproto_installed "$stamp" "$hash"; then
            exec {lock}>&-
            return 0
        fi
    fi
    read -r node npm < <("$PANTAU_VENV/bin/python" - "$dir" <<'PY'
import json, sys
from pathlib import Path
here = Path(sys.argv[1])
lock = json.loads((here / "package-lock.json").read_text(encoding="utf-8"))
package = json.loads((here / "package.json").read_text(encoding="utf-8"))
print(lock["packages"]["node_modules/node"]["version"], package["packageManager"].split("@")[1])
PY
    )
    [[ -n "$node" && -n "$npm" ]] || pantau_die "No Node or npm version pinned in $dir."
    if [[ "$("$node_home/bin/node" --version 2>/dev/null)" != "v$node" ||
        "$("$node_home/bin/node" "$node_home/bin/npm" --version 2>/dev/null)" != "$npm" ]]; then
        command -v npm >/dev/null || pantau_apt_install nodejs npm
        pantau_say "Fetching Node $node and npm $npm for the Bluesky test network"
        tmp="$(mktemp -d)"
        (cd "$tmp" && pantau_quietly npm pack "node-linux-$(pantau_node_cpu)@$node" "npm@$npm") ||
            pantau_die "Could not fetch Node $node and npm $npm from the npm registry."
        rm -rf "$node_home"
        mkdir -p "$node_home/lib/node_modules/npm"
        tar -xzf "$tmp"/node-linux-*.tgz -C "$node_home" --strip-components=1
        tar -xzf "$tmp/npm-$npm.tgz" -C "$node_home/lib/node_modules/npm" --strip-components=1
        ln -s ../lib/node_modules/npm/bin/npm-cli.js "$node_home/bin/npm"
        ln -s ../lib/node_modules/npm/bin/npx-cli.js "$node_home/bin/npx"
        rm -rf "$tmp"
        [[ "$("$node_home/bin/node" --version)" == "v$node" ]] ||
            pantau_die "$node_home/bin/node is not Node $node."
    fi
    pantau_say "Installing the Bluesky test network in tests/atproto (a few minutes)"
    (cd "$dir" && pantau_quietly env PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" \
        npm ci --no-audit --no-fund) || pantau_die "npm ci failed in $dir."
    printf '%s\n' "$hash" >"$stamp"
    if [[ -n "$lock" ]]; then exec {lock}>&-; fi
}

# $1 = run | test: everything that kind of use needs, installed if missing.
pantau_install() {
    local kind="${1:-run}"
    case "$kind" in
    run) pantau_apt_install "${PANTAU_RUN_PACKAGES[@]}" ;;
    test) pantau_apt_install "${PANTAU_RUN_PACKAGES[@]}" "${PANTAU_TEST_PACKAGES[@]}" ;;
    *) pantau_die "usage: scripts/install.sh [run|test]" ;;
    esac
    pantau_venv "$kind"
    if [[ "$kind" == test ]]; then pantau_atproto; fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    pantau_install "$@"
fi
