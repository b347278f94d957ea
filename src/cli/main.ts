import { buildCli } from './index.js';

await buildCli().parseAsync(process.argv);
