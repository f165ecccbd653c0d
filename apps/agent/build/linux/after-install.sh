#!/bin/bash
# deb/rpm post-install of the Deskside agent. Silent install: put the machine configuration at
# /etc/deskside/agent.json first (the console's Deploy page prints the exact commands), e.g.
#   {"hubUrl": "https://hub.example.com:4800", "enrollToken": "…", "hubFingerprint": "AB:CD:…"}
# This script makes it owner-only and installs the system service, which enrols with it and then
# removes the token from the file. Without the file the service is installed and waits for it.
# DESKSIDE_PREFIX and DESKSIDE_AGENT_BIN exist for the unit test of this script.
set -euo pipefail

prefix="${DESKSIDE_PREFIX:-}"
agent="${DESKSIDE_AGENT_BIN:-/opt/Deskside Agent/resources/agent/bin/deskside-agent}"
config="$prefix/etc/deskside/agent.json"

install -d -m 0755 "$prefix/etc/deskside"
if [ -f "$config" ]; then
  chown root:root "$config" 2>/dev/null || true
  chmod 0600 "$config"
else
  echo "deskside-agent: no $config yet; the service starts once it is there (see the Deploy page)." >&2
fi

"$agent" service install --config "$config"
