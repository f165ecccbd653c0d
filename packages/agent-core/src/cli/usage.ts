/** The `deskside-agent --help` text: its own module, so printing it loads nothing else. */
export const USAGE = `Usage:
  deskside-agent run --hub URL --enroll-token TOKEN [--hub-fingerprint SHA256] [--state-dir DIR] [--config FILE]
      Run the headless agent. The token is needed only the first time; later runs use the stored
      device credential (--hub and --enroll-token may then be left out). --config: the machine-wide
      JSON an installer wrote ({"hubUrl", "enrollToken", "hubFingerprint"}); flags win over it, and
      the token is removed from the file once the device is enrolled. --ipc PATH: serve the
      logged-in users' trays on this Unix socket or named pipe (what the system service does).
      --hub-fingerprint: the SHA-256 of an https hub's certificate (openssl x509 -in cert.pem
      -noout -fingerprint -sha256); the token is sent only to a hub showing that certificate.
      Without it, https hubs are checked against the system's CAs. Either way the agent then pins
      the hub's certificate for every later connection.
  deskside-agent inventory [--pretty]
      Print this machine's full inventory as JSON on stdout; no hub needed.
  deskside-agent ticket --subject S --description D [--urgency U] [--impact I] [--category C] [--state-dir DIR]
      Queue a ticket in this agent's outbox; the agent sends it (now, or when the hub is back).
      U, I: high | medium | low (default medium, low). C: hardware | software | account | network |
      printer | email | other (default other). Prints the ticket id and "queued".
  deskside-agent configure --config FILE --hub URL [--enroll-token TOKEN] [--hub-fingerprint SHA256]
      Write the machine-wide configuration owner-only (what the installers do with HUB_URL,
      ENROLL_TOKEN, HUB_FINGERPRINT); the token may come from DESKSIDE_ENROLL_TOKEN instead.
  deskside-agent service install|uninstall|status [--state-dir DIR] [--config FILE]
      Install (and start), remove or show the agent as a system service: a systemd unit, a launchd
      daemon or a Windows service. Install and uninstall need root / Administrator. Defaults:
      Linux /etc/deskside/agent.json and /var/lib/deskside-agent; macOS and Windows: see the docs.
      status exits 0 running, 3 installed but stopped, 4 not installed.
  deskside-agent release keygen [--out DIR] | release sign --key FILE --manifest FILE
      For the hub's admin, on their own machine: make the Ed25519 release key pair (the private key
      never goes to the hub), and sign a release manifest to upload; agents trust the public key.
  deskside-agent --help

Environment:
  DESKSIDE_AGENT_MACHINE_ID   replaces the OS machine id (tests, simulators, re-imaged PCs)
  DESKSIDE_HUB_FINGERPRINT    the hub's certificate fingerprint, when --hub-fingerprint is not given
  DESKSIDE_ENROLL_TOKEN       the enrolment token, when --enroll-token is not given (keeps it out of \`ps\`)
`;
