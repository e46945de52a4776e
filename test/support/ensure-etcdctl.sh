#!/bin/sh
# Make sure etcdctl (etcd's command-line client, v3 API) is installed for the etcd API tests
# (test/node/etcd/etcdctl.test.ts, test/cluster/etcd-*.test.ts). Debian's `etcd-client` package;
# a no-op when it is already there. Prints etcdctl's path on success; exits non-zero when it
# cannot be installed (no root, no network), and those tests then skip, saying why.
set -eu

for candidate in "${ETCDCTL:-}" /usr/bin/etcdctl /usr/local/bin/etcdctl; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "$candidate"
    exit 0
  fi
done

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-etcdctl: etcdctl is missing and installing it needs root" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-etcdctl: etcdctl is missing and there is no apt-get to install it" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends etcd-client >&2
if [ -x /usr/bin/etcdctl ]; then
  echo /usr/bin/etcdctl
  exit 0
fi
echo "ensure-etcdctl: apt-get finished but /usr/bin/etcdctl is still missing" >&2
exit 1
