#!/bin/sh
# Installs Debian's Chromium for the dashboard Mini App tests (test/support/browser.ts drives it
# with playwright-core). Nothing is downloaded at test time. Idempotent.
set -eu
if [ -x /usr/bin/chromium ]; then
  echo "Chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
