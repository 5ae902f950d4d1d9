import { z } from 'zod'

// zod 4 probes for eval (new Function) to compile fast object parsers; the renderer's strict
// CSP forbids eval and reports the probe as a violation. Parse without the JIT instead.
z.config({ jitless: true })
