/** The agent's own version, sent at enrolment, in the handshake and in every inventory document. */
export const AGENT_VERSION = '0.1.0';
