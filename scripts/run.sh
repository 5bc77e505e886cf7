#!/usr/bin/env bash
# Installs what Pantau needs (first run only) and starts it; arguments go to `pantau`.
set -euo pipefail
# shellcheck source=scripts/install.sh
source "$(dirname "${BASH_SOURCE[0]}")/install.sh"

pantau_install run
exec "$PANTAU_VENV/bin/pantau" "$@"
