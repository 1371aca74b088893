// @ts-check
/**
 * `npm run demo`: the action's main job, end to end, on the bundled Armox
 * emulator. It starts the emulator on loopback, runs `dist/index.js` exactly
 * as the GitHub runner would (INPUT_* variables, GITHUB_OUTPUT, the job
 * summary file), and prints the step's log, its outputs, the downloaded files
 * and the job summary.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../emulator/armox-emulator.js';
import { runBundledAction } from './action-runner.js';

const bold = (/** @type {string} */ text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const rule = (/** @type {string} */ title) =>
  console.log(`\n${bold(`── ${title} ${'─'.repeat(Math.max(0, 66 - title.length))}`)}`);

/**
 * Renders workflow commands roughly as the Actions log shows them: groups as
 * headings, warnings and errors labelled, debug lines and masks hidden.
 * @param {string} chunk
 */
function asRunnerShowsIt(chunk) {
  return chunk
    .split(/(?<=\n)/)
    .map((line) => {
      if (/^::(debug|add-mask|endgroup)::/.test(line)) return '';
      return line
        .replace(/^::group::(.*)/, (_, title) => bold(`▸ ${title}`))
        .replace(/^::warning[^:]*::/, 'Warning: ')
        .replace(/^::error[^:]*::/, 'Error: ')
        .replace(/%0A/g, '\n  ');
    })
    .join('');
}

const emulator = await startEmulator({ job: { pendingPolls: 1, processingPolls: 2, outcome: 'completed' } });
try {
  const inputs = {
    'api-key': emulator.apiKey,
    'api-url': emulator.apiUrl,
    'app-name': 'Poster Campaign',
    inputs: ['Prompt: A lighthouse at dawn, risograph poster', 'Style: warm, grainy'].join('\n'),
    'poll-interval': '1s',
    'download-dir': 'generated',
  };
  rule('The workflow step');
  console.log('- uses: armox/armox-app-action@v1');
  console.log('  with:');
  for (const [name, value] of Object.entries(inputs)) {
    const shown = name === 'api-key' ? '${{ secrets.ARMOX_API_KEY }}' : value;
    console.log(`    ${name}: ${shown.includes('\n') ? `|\n      ${shown.split('\n').join('\n      ')}` : shown}`);
  }

  rule('Step log (node dist/index.js, as the runner starts it)');
  const run = await runBundledAction({ inputs, onStdout: (chunk) => process.stdout.write(asRunnerShowsIt(chunk)) });

  rule(`Step outputs (exit code ${run.code})`);
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`${name.padEnd(16)} ${value.length > 160 ? `${value.slice(0, 157)}...` : value}`);
  }

  const downloadDir = path.join(run.workspace, 'generated');
  rule(`Files in ${downloadDir}`);
  try {
    for (const name of readdirSync(downloadDir)) {
      console.log(`${name.padEnd(24)} ${statSync(path.join(downloadDir, name)).size} bytes`);
    }
  } catch {
    console.log('(none)');
  }

  rule('Job summary ($GITHUB_STEP_SUMMARY, markdown)');
  console.log(run.summary.trim());

  rule('What the emulator saw');
  for (const request of emulator.requests)
    console.log(`${request.origin.padEnd(8)} ${request.method.padEnd(5)} ${request.path}`);
  process.exitCode = run.code ?? 1;
} finally {
  await emulator.close();
}
