// The one zod every schema uses: zod/mini, because the classic API bundles
// every message locale into Code.js, with zod's own messages (an unknown key,
// a wrong type) in Japanese like ours.
import * as z from 'zod/mini';
import { ja } from 'zod/locales';

z.config(ja());

export { z };
