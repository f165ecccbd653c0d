import { z } from 'zod';

// zod compiles object parsers with `new Function` when it can, and probes for that once. Under the
// console's CSP (no 'unsafe-eval') the probe is refused and reported as a CSP violation, which
// would drown real ones. Jitless parsing is plenty fast for a console; imported first in main.tsx.
z.config({ jitless: true });
