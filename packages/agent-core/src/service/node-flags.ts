/**
 * Node flags of the agent service's command line (systemd unit, launchd plist, Windows service).
 * The service idles between 30 s heartbeats, so memory matters more than peak speed:
 * `--lite-mode` skips V8's optimizing compilers and their code (~10 MB less RSS) and a 1 MB young
 * generation keeps the heap tight. (Lite mode has no WebAssembly; saying so keeps V8 from warning.) `npm run bench:agent` measures the agent with these flags.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--lite-mode', '--no-expose-wasm', '--max-semi-space-size=1'];

/**
 * Environment of the service process. glibc gives every thread that allocates its own malloc
 * arena and keeps them after the inventory worker exits; two arenas hold the idle RSS down.
 */
export const SERVICE_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
