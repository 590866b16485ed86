// The one zod every schema uses: zod/mini, because the classic API bundles
// every message locale into Code.js, with zod's own messages (an unknown key,
// a wrong type) in Japanese like ours. Import it as `import * as z from './zod'`:
// a namespace re-exported as a value would pull every locale back in.
import { config } from 'zod/mini';
import { ja } from 'zod/locales';

config(ja());

export * from 'zod/mini';
