#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` (prepare) or `npm run build`.
import('../dist/src/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('portcullis: not built yet; run `npm install` or `npm run build` first');
    process.exit(1);
  }
  throw err;
});
