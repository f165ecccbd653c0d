#!/bin/bash
# deb/rpm post-removal: the service goes; /etc/deskside and /var/lib/deskside-agent (the device's
# credential) stay, so a reinstall is the same device. `apt purge` users remove them by hand.
set -uo pipefail
agent="${DESKSIDE_AGENT_BIN:-/opt/Deskside Agent/resources/agent/bin/deskside-agent}"
if [ -x "$agent" ]; then "$agent" service uninstall || true; fi
