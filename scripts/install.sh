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
PANTAU_TEST_PACKAGES=(dbus gnome-keyring xvfb xauth)

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

# $1 = run | test: everything that kind of use needs, installed if missing.
pantau_install() {
    local kind="${1:-run}"
    case "$kind" in
    run) pantau_apt_install "${PANTAU_RUN_PACKAGES[@]}" ;;
    test) pantau_apt_install "${PANTAU_RUN_PACKAGES[@]}" "${PANTAU_TEST_PACKAGES[@]}" ;;
    *) pantau_die "usage: scripts/install.sh [run|test]" ;;
    esac
    pantau_venv "$kind"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    pantau_install "$@"
fi
