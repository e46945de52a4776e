#!/bin/sh
# Make sure headless Chromium is installed for the status page's browser test
# (test/cluster/status-page-browser.test.ts). Debian's `chromium` package; a no-op when it is
# already there. Prints the browser's path on success; exits non-zero when it cannot be installed
# (no root, no network), and the browser test then skips, saying why.
set -eu

for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: chromium is missing and installing it needs root" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: chromium is missing and there is no apt-get to install it" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium >&2
if [ -x /usr/bin/chromium ]; then
  echo /usr/bin/chromium
  exit 0
fi
echo "ensure-chromium: apt-get finished but /usr/bin/chromium is still missing" >&2
exit 1
