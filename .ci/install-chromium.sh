#!/usr/bin/env bash
# Chromium and its WebDriver for the browser test of `paracite serve` (tests/test_serve_browser.py).
# Debian's packages, so nothing is downloaded at test time; the test skips, saying why, without them.
# The lead wires this into .ci/run before the test command: `bash .ci/install-chromium.sh`.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
