#!/bin/sh
# The browser tests drive Debian's Chromium at /usr/bin/chromium. Install it when we can
# (root with apt-get, as on CI); otherwise say exactly how, and fail rather than skip.
set -e
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing it with apt-get for the browser tests."
  DEBIAN_FRONTEND=noninteractive apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium, and it is not installed." >&2
echo "Install it with:  sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
