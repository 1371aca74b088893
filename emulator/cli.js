#!/usr/bin/env node
// @ts-check
/**
 * Runs the Armox API emulator until SIGINT/SIGTERM.
 *
 *   node emulator/cli.js [--port 8787] [--storage-port 8788] [--host 127.0.0.1]
 *                        [--api-key sk_test_...] [--job-ms 3000] [--credits 100000]
 *                        [--rate-limit 1000] [--quiet]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_API_KEY, modelMode, startEmulator } from './armox-emulator.js';

const USAGE = `Usage: node emulator/cli.js [options]

  --port <n>          API port (default 8787)
  --storage-port <n>  storage (output files) port (default 8788)
  --host <addr>       address to bind (default 127.0.0.1)
  --api-key <key>     accepted API key (default ${DEFAULT_API_KEY})
  --job-ms <ms>       app and async model jobs complete this long after creation
                      (default: on their second poll, GET /jobs/:id or a GET /jobs list)
  --credits <n>       starting credit balance (default 100000)
  --rate-limit <n>    requests per rolling minute (default 1000)
  --quiet             do not log requests
  --help              show this help`;

/**
 * @param {string | undefined} value
 * @param {string} flag
 * @param {number} fallback
 * @returns {number}
 */
function numberOption(value, flag, fallback) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    console.error(`${flag}: "${value}" is not a non-negative integer\n\n${USAGE}`);
    process.exit(2);
  }
  return number;
}

/** Parses the command line; exits with the usage on a bad flag. */
function readFlags() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        'storage-port': { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string' },
        'job-ms': { type: 'string' },
        credits: { type: 'string' },
        'rate-limit': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

const values = readFlags();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const jobMs = values['job-ms'];
const quiet = values.quiet === true;

/** @type {import('./armox-emulator.js').ArmoxEmulator} */
let emulator;
try {
  emulator = await startEmulator({
    host: values.host ?? '127.0.0.1',
    port: numberOption(values.port, '--port', 8787),
    storagePort: numberOption(values['storage-port'], '--storage-port', 8788),
    apiKey: values['api-key'] ?? DEFAULT_API_KEY,
    credits: numberOption(values.credits, '--credits', 100_000),
    rateLimit: { limit: numberOption(values['rate-limit'], '--rate-limit', 1000), windowMs: 60_000 },
    job: jobMs === undefined ? undefined : { completeAfterMs: numberOption(jobMs, '--job-ms', 3000) },
    log: quiet ? undefined : (line) => console.log(`  ${new Date().toISOString().slice(11, 23)} ${line}`),
  });
} catch (error) {
  console.error(`Cannot start the emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const plan = emulator.jobPlan;
const progression =
  plan.completeAfterMs !== undefined
    ? `complete ${plan.completeAfterMs} ms after creation`
    : `complete on poll ${plan.pendingPolls + plan.processingPolls + 1}`;

console.log(`Armox API emulator

  API URL      ${emulator.apiUrl}
  Storage URL  ${emulator.storageUrl}
  API key      ${emulator.apiKey}
  Credits      ${emulator.credits}
  Jobs         ${progression}

Apps:`);
for (const app of emulator.apps) {
  console.log(`  ${app.name}  ${app.id}  (${app.cost ?? 100} credits${app.is_template === false ? ', private' : ''})`);
  for (const input of app.inputs) {
    const kind = `${input.type}${input.allowMultiple ? '[]' : ''}${input.required ? '' : ', optional'}`;
    console.log(`      ${input.id}  ${input.label} (${kind})`);
  }
}
console.log('\nModels:');
for (const model of emulator.models) {
  const answer = modelMode(model) === 'sync' ? '200 at once' : '202, then polled';
  console.log(`  ${model.id}  ${model.name} (${model.modality}, ${model.cost} credits, ${answer})`);
  const inputs = [
    model.inputTypes.includes('text') ? `prompt${model.promptRequired ? '' : ', optional'}` : '',
    model.inputTypes.includes('image') ? 'image_input (URL list)' : '',
  ].filter(Boolean);
  console.log(`      ${inputs.join('; ')}`);
  for (const setting of model.settings) {
    const options = setting.options ? `: ${setting.options.join(' | ')}` : '';
    console.log(
      `      ${setting.key}  ${setting.label} (${setting.inputType}${options}; default ${String(setting.defaultValue)})`,
    );
  }
}
console.log('\nPress Ctrl+C to stop.\n');

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function shutdown(signal) {
  if (stopping) {
    process.exit(1); // second signal: give up waiting
  }
  stopping = true;
  console.log(`\n${signal}: closing the emulator`);
  await emulator.close();
  console.log('Closed.');
  process.exitCode = 0;
}
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
