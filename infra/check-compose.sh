#!/usr/bin/env bash
# Validates docker-compose.yml offline (no Docker engine needed): Debian's docker-compose
# parses and checks it. Installs that package when missing.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$INFRA_ROOT/.."
if ! command -v docker-compose >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || die "docker-compose is missing; install Debian's docker-compose package"
  info "installing docker-compose (Debian) to validate docker-compose.yml"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >&2
fi
docker-compose -f docker-compose.yml config -q
info "docker-compose.yml is valid"
