#!/usr/bin/env bash
# Installs exactly the Debian 12 packages Sitrep needs to build, run and test.
# Skips what is already present; uses sudo when not run as root; never asks questions.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev libgl-dev
  # run: SQLite and PostgreSQL drivers, the offscreen/xcb platforms, a font to draw with
  libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins fonts-dejavu-core
  # tests: PDF text extraction, a display for the window when asked
  poppler-utils xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
