#!/usr/bin/env bash
# Installs a pinned moto[server] into a project-local venv and runs moto_server on loopback.
#   moto-server.sh install         create/refresh the venv (idempotent; prints nothing when already installed)
#   moto-server.sh run PORT        install if needed, then exec moto_server -H 127.0.0.1 -p PORT
# Environment: MOTO_VENV (default: <live>/target/moto-venv), PYTHON (default: python3).
set -euo pipefail
MOTO_VERSION="5.2.5"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MOTO_VENV:-$HERE/target/moto-venv}"
PY="${PYTHON:-python3}"

install() {
  local stamp="$VENV/.moto-$MOTO_VERSION"
  if [[ -x "$VENV/bin/moto_server" && -f "$stamp" ]]; then return 0; fi
  echo "moto-server.sh: installing moto[server]==$MOTO_VERSION into $VENV" >&2
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install --disable-pip-version-check -q "moto[server]==$MOTO_VERSION" >&2
  touch "$stamp"
}

case "${1:-}" in
  install) install ;;
  run)
    port="${2:?usage: moto-server.sh run PORT}"
    install
    exec "$VENV/bin/moto_server" -H 127.0.0.1 -p "$port"
    ;;
  *) echo "usage: moto-server.sh install | run PORT" >&2; exit 2 ;;
esac
