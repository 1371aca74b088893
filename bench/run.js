// @ts-check
/**
 * `npm run bench`: the action next to what users would write instead, in one
 * run, on the loopback Armox emulator (bench/README.md explains every row).
 *
 *   1. start-up   bundled action in dry-run  vs  a bare `node -e 'await fetch(GET /apps)'`
 *   2. whole job  action with download-dir   vs  bench/curl-baseline.sh (curl + jq + sleep)
 *   3. downloads  action with job-id (3 × 300 MiB, peak RSS)  vs  `curl --parallel`
 *   4. polling    requests, gaps between polls, detection delay, a 429 with Retry-After
 *   5. batch      20 items in one step vs one run: wall time, API requests
 *   6. large      1000 items (max-concurrency 100): CPU per item, GITHUB_OUTPUT and GITHUB_STATE sizes
 *
 * Rows 2b and 3b repeat 2 and 3 with the storage origin behind a relay that
 * paces each connection to 50 MB/s, like a real network (information only).
 *
 * The benchmark reports; it never fails because a goal is missed. It exits
 * non-zero only when it could not measure (a tool is missing, a run broke).
 * Everything talks to 127.0.0.1 only; scratch files live in one folder under
 * .bench/ that is removed at the end, and the emulator is stopped.
 *
 * Option (for development): --only startup,job,downloads,polling,batch,large
 */
import { mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedFileSha256, startEmulator } from '../emulator/armox-emulator.js';
import { startAction } from '../scripts/action-runner.js';
import {
  formatBytes,
  formatMB,
  formatMs,
  formatRatio,
  GNU_TIME,
  liveChildren,
  machineFacts,
  markdownTable,
  median,
  RSS_SAMPLE_MS,
  timedSpawn,
  track,
  verifyFiles,
  versionOf,
  watchProcess,
} from './measure.js';
import { startThrottledRelay } from './throttle.js';

/** @typedef {import('../emulator/armox-emulator.js').ArmoxEmulator} ArmoxEmulator */
/** @typedef {import('../emulator/armox-emulator.js').AppDefinition} AppDefinition */
/** @typedef {import('../emulator/armox-emulator.js').RecordedRequest} RecordedRequest */
/** @typedef {import('../emulator/armox-emulator.js').JobRecord} JobRecord */
/** @typedef {import('../emulator/armox-emulator.js').Fault} Fault */
/** @typedef {import('../scripts/action-runner.js').ActionRun} ActionRun */
/** @typedef {import('./measure.js').ProcessUsage} ProcessUsage */
/** @typedef {'action' | 'curl'} Contender */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CURL_SCRIPT = path.join(ROOT, 'bench/curl-baseline.sh');
const MiB = 2 ** 20;

const STARTUP_RUNS = 7;
const JOB_RUNS = 3;
const DOWNLOAD_RUNS = 3;
const POLL_INTERVAL_MS = 1000;
const JOB_MS = 3000;
/** Polling case: the job turns terminal half an interval before poll POLLS. */
const POLLS = 5;
const POLL_JOB_MS = (POLLS - 0.5) * POLL_INTERVAL_MS;
const RETRY_AFTER_S = 2;
/** Per-connection rate of the paced storage relay (rows 2b, 3b). */
const LINK_BYTES_PER_S = 50e6;

/**
 * GET /account before the first submission and after the step (issue 17: a batch that does not fit
 * the balance submits nothing; the summary shows the balance before and after). Read alongside the
 * contract and the downloads, they add requests but no wait: counted apart from the goals below.
 */
const BALANCE_READS = 2;

const GOALS = {
  /** Dry-run start-up against a bare `node -e 'await fetch(…)'` (issue 19; it was 2×). */
  startupRatio: 0.8,
  /** Whole job: the contract (GET /apps) beyond what the script sends, besides the balance reads. */
  jobExtraRequests: 1,
  /** Whole job: at most the curl script's wall time. */
  jobRatio: 1.0,
  /**
   * Downloads: peak RSS (issue 19; 113 MB before, with hashing on a worker).
   */
  rssBytes: 100e6,
  downloadRatio: 1.2,
  /** Downloads with their SHA-256s: against `curl -Z` then `openssl dgst -sha256` on the same files (issue 19). */
  hashedDownloadRatio: 0.8,
  /** Transfer window (first GET in → last response closed) against curl's (issue 19). */
  windowRatio: 1.5,
};

// ------------------------------------------------------------------ apps

/** @type {import('../emulator/seed.js').AppInput} */
const PROMPT_INPUT = {
  id: '0b5e2a61-7c3d-4f8e-9a10-3d2c1b0a9f01',
  type: 'text',
  label: 'Prompt',
  required: true,
  targetHandle: 'prompt',
};
const PROMPT = 'A lighthouse at dawn, 10 second clip';

/**
 * Three video outputs of `size` bytes. With `relayUrl`, their URLs go through
 * the paced relay (the files stay registered on the emulator's storage).
 * @param {string} stem
 * @param {number} size
 * @param {string} [relayUrl]
 * @returns {import('../emulator/seed.js').AppOutput[]}
 */
function fileOutputs(stem, size, relayUrl) {
  return [1, 2, 3].map((n) => {
    const name = `${stem}-${n}.mp4`;
    const storagePath = `/public/paced/${name}`;
    return {
      nodeId: `c0ffee00-0000-4000-8000-0000000${String(n).padStart(5, '0')}`,
      key: 'outputVideo',
      file: { name, size, contentType: 'video/mp4', ...(relayUrl ? { path: storagePath } : {}) },
      ...(relayUrl ? { url: `${relayUrl}${storagePath}` } : {}),
    };
  });
}

/**
 * @param {string} id
 * @param {string} name
 * @param {Partial<AppDefinition>} rest
 * @returns {AppDefinition}
 */
const benchApp = (id, name, rest) => ({ id, name, inputs: [PROMPT_INPUT], cost: 10, ...rest });

// ------------------------------------------------------------------ set-up

const only = (() => {
  const index = process.argv.indexOf('--only');
  const value = index === -1 ? undefined : process.argv[index + 1];
  return value ? new Set(value.split(',')) : null;
})();
/** @param {string} section */
const wanted = (section) => only === null || only.has(section);

for (const tool of ['curl', 'jq', 'bash']) {
  if (versionOf(tool) === null) {
    console.error(`bench: ${tool} is needed (the baseline is a curl + jq script) but could not be run.`);
    process.exit(1);
  }
}

const benchStarted = Date.now();
// Scratch files (downloads included) go to .bench/ in the repository (git-ignored): the
// same disk for every contender, as a runner's workspace, and never a RAM-backed /tmp.
const scratchParent = path.join(ROOT, '.bench');
mkdirSync(scratchParent, { recursive: true });
const freeBytes = (() => {
  const stats = statfsSync(scratchParent);
  return stats.bavail * stats.bsize;
})();
if (freeBytes < 2 * 2 ** 30) {
  console.error(
    `bench: needs 2 GiB free next to ${scratchParent} for the downloads; ${(freeBytes / 2 ** 30).toFixed(1)} GiB free.`,
  );
  process.exit(1);
}
const benchRoot = mkdtempSync(path.join(scratchParent, 'run-'));
// scripts/action-runner.js makes its RUNNER_TEMP folders with os.tmpdir(): point
// it at our folder so they are removed with it.
process.env.TMPDIR = benchRoot;
/** An empty HOME for curl, so a developer's ~/.curlrc (a proxy…) cannot change what it does. */
const curlHome = path.join(benchRoot, 'home');
mkdirSync(curlHome);

const emu = await startEmulator({ credits: 10_000_000 });
const relay = await startThrottledRelay({
  targetPort: Number(new URL(emu.storageUrl).port),
  bytesPerSecond: LINK_BYTES_PER_S,
});

/** Section 2: three 100 MiB files from a job that takes JOB_MS. */
const JOB_APP = benchApp('be9c0001-3f1a-4c5e-8d2b-7a6f5e4d3c01', 'Bench: three 100 MiB clips', {
  outputs: fileOutputs('clip', 100 * MiB),
  plan: { completeAfterMs: JOB_MS },
});
const PACED_JOB_APP = benchApp('be9c0011-3f1a-4c5e-8d2b-7a6f5e4d3c11', 'Bench: three 100 MiB clips, paced', {
  outputs: fileOutputs('clip', 100 * MiB, relay.url),
  plan: { completeAfterMs: JOB_MS },
});
/** Section 3: three 300 MiB files; the job is completed before timing starts. */
const DOWNLOAD_APP = benchApp('be9c0002-3f1a-4c5e-8d2b-7a6f5e4d3c02', 'Bench: three 300 MiB films', {
  outputs: fileOutputs('film', 300 * MiB),
  plan: { outcome: 'never' },
});
const PACED_DOWNLOAD_APP = benchApp('be9c0012-3f1a-4c5e-8d2b-7a6f5e4d3c12', 'Bench: three 300 MiB films, paced', {
  outputs: fileOutputs('film', 300 * MiB, relay.url),
  plan: { outcome: 'never' },
});
/** Section 4: no files. */
const POLL_APP = benchApp('be9c0003-3f1a-4c5e-8d2b-7a6f5e4d3c03', 'Bench: caption only', {
  outputs: [{ nodeId: 'c0ffee00-0000-4000-8000-00000000c001', key: 'outputText', text: 'A caption.' }],
  plan: { completeAfterMs: POLL_JOB_MS },
});
emu.apps.push(JOB_APP, PACED_JOB_APP, DOWNLOAD_APP, PACED_DOWNLOAD_APP, POLL_APP);

let cleanedUp = false;
async function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const child of liveChildren) child.kill('SIGKILL');
  await relay.close();
  await emu.close();
  rmSync(benchRoot, { recursive: true, force: true });
  try {
    rmdirSync(scratchParent); // only when empty: another run may be using it
  } catch {
    // not empty, or already gone
  }
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping.`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** @param {string} message */
const progress = (message) =>
  process.stderr.write(`[bench ${formatMs(Date.now() - benchStarted).padStart(7)}] ${message}\n`);

/** @param {string} prefix */
const freshDir = (prefix) => mkdtempSync(path.join(benchRoot, prefix));

/** @param {number} value */
const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

/** @type {Map<string, string>} */
const shaCache = new Map();

/**
 * The files an app's completed job produces, as they should land in `dir`.
 * @param {AppDefinition} app
 * @param {string} dir
 */
function expectedFiles(app, dir) {
  return (app.outputs ?? []).flatMap(({ file }) => {
    if (!file) return [];
    const key = `${file.name}:${file.size}`;
    let sha256 = shaCache.get(key);
    if (!sha256) shaCache.set(key, (sha256 = expectedFileSha256(file.name, file.size)));
    return [{ path: path.join(dir, file.name), size: file.size, sha256 }];
  });
}

// ------------------------------------------------------------------ requests

/**
 * @param {'api' | 'storage'} origin
 * @param {number} from
 * @param {number} to
 */
function requestsBetween(origin, from, to) {
  return emu.requests.filter((request) => request.origin === origin && request.at >= from && request.at <= to);
}

/** `GET /jobs/:id`, `POST /apps/run`, … @param {RecordedRequest} request */
function callName(request) {
  const route = request.path.replace(/\?.*$/, '').replace(/^\/api\/v1/, '');
  return `${request.method} ${/^\/jobs\/[^/]+$/.test(route) ? '/jobs/:id' : route}`;
}

/** "5 (GET /apps 1, POST /apps/run 1, GET /jobs/:id 3)" @param {RecordedRequest[]} requests */
function describeCalls(requests) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const request of requests) counts.set(callName(request), (counts.get(callName(request)) ?? 0) + 1);
  return `${requests.length} (${[...counts].map(([name, count]) => `${name} ${count}`).join(', ')})`;
}

/**
 * The job created between two instants.
 * @param {number} from
 * @param {number} to
 * @returns {JobRecord | undefined}
 */
function jobCreatedBetween(from, to) {
  return [...emu.jobs.values()].find((job) => job.createdMs >= from && job.createdMs <= to);
}

// ------------------------------------------------------------------ contenders

/**
 * @typedef {object} Outcome
 * @property {number} startedAt
 * @property {number} endedAt
 * @property {number} ms wall time of the process
 * @property {ProcessUsage} usage sampled from /proc (nulls when not measured)
 * @property {ProcessUsage | null} gnuTime GNU time's figures (curl only)
 * @property {string[]} problems empty when the run did what it should
 */

/** The action's inputs that point it at the emulator. */
const apiInputs = () => ({ 'api-key': emu.apiKey, 'api-url': emu.apiUrl });

/** The `::error::` line of a failed step, for the report. @param {ActionRun} run */
function stepError(run) {
  const line = run.stdout.split('\n').find((text) => text.startsWith('::error'));
  return line
    ? line
        .replace(/^::error[^:]*::/, '')
        .replace(/%0A/g, ' ')
        .slice(0, 300)
    : `exit code ${run.code}`;
}

/**
 * Runs dist/index.js the way the runner does (scripts/action-runner.js).
 * @param {Record<string, string>} inputs
 * @param {{ measure?: boolean }} [options] sample peak RSS and CPU time from /proc
 * @returns {Promise<Outcome & { run: ActionRun }>}
 */
async function runAction(inputs, options = {}) {
  const workspace = freshDir('ws-');
  const startedAt = Date.now();
  const { child, done } = startAction({ inputs, workspace, killAfterMs: 120_000 });
  track(child);
  const sampler = options.measure ? watchProcess(child.pid) : null;
  const run = await done;
  const endedAt = Date.now();
  return {
    run,
    startedAt,
    endedAt,
    ms: run.durationMs,
    usage: sampler?.stop() ?? { peakRss: null, cpuMs: null },
    gnuTime: null,
    problems: run.code === 0 ? [] : [stepError(run)],
  };
}

/**
 * Runs bench/curl-baseline.sh against the emulator.
 * @param {AppDefinition} app
 * @param {string} outDir
 * @returns {Promise<Outcome>}
 */
async function runCurlScript(app, outDir) {
  const inputs = JSON.stringify({ [PROMPT_INPUT.id]: PROMPT });
  const result = await timedSpawn('bash', [CURL_SCRIPT, emu.apiUrl, app.id, inputs, outDir], {
    env: {
      PATH: process.env.PATH,
      HOME: curlHome,
      TMPDIR: benchRoot,
      LANG: 'C',
      ARMOX_API_KEY: emu.apiKey,
      POLL_INTERVAL: String(POLL_INTERVAL_MS / 1000),
    },
    cwd: benchRoot,
  });
  const tail = result.stderr.trim().split('\n').slice(-2).join(' ');
  return { ...result, problems: result.code === 0 ? [] : [`exit code ${result.code}: ${tail}`] };
}

// ------------------------------------------------------------------ report

/**
 * @typedef {object} Row
 * @property {string} section
 * @property {string} measure
 * @property {string} action
 * @property {string} baseline
 * @property {string} ratio
 * @property {string} goal
 * @property {'met' | 'NOT MET' | 'info' | 'ok' | 'FAILED'} met
 */

/** @type {Row[]} */
const rows = [];
/** @type {string[]} */
const notes = [];
/** @type {string[]} */
const failures = [];

/** @param {boolean} ok @returns {'met' | 'NOT MET'} */
const metIf = (ok) => (ok ? 'met' : 'NOT MET');

/**
 * A row that compares two times against a ratio goal: `≤ goal× <against>`, met
 * only when the runs behind it did what they should (`ok`).
 * @param {{ section: string, measure: string, action: number, baseline: number, goal: number, against?: string, ok?: boolean }} row
 */
function timeRatioRow({ section, measure, action, baseline, goal, against = '', ok = true }) {
  return {
    section,
    measure,
    action: formatMs(action),
    baseline: formatMs(baseline),
    ratio: formatRatio(action / baseline),
    goal: `≤ ${goal}×${against ? ` ${against}` : ''}`,
    met: ok ? metIf(action / baseline <= goal) : 'NOT MET',
  };
}

/** Alternates who goes first, round after round. @param {number} round @returns {Contender[]} */
const orderOf = (round) => (round % 2 === 0 ? ['action', 'curl'] : ['curl', 'action']);

// ------------------------------------------------------------------ 1. start-up

async function benchStartup() {
  progress(`start-up: ${STARTUP_RUNS} rounds (+1 warm-up) of the action's dry-run and four reference commands`);
  const dryRunInputs = { ...apiInputs(), 'app-id': JOB_APP.id, inputs: `Prompt: ${PROMPT}`, 'dry-run': 'true' };
  const fetchCode =
    'const response = await fetch(process.env.ARMOX_URL, { headers: { Authorization: `Bearer ${process.env.ARMOX_API_KEY}` } });\n' +
    'if (!response.ok) process.exit(1);\n' +
    'const { data } = await response.json();\n' +
    'console.log(`${data.length} apps`);';
  const bareEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ARMOX_URL: `${emu.apiUrl}/apps`,
    ARMOX_API_KEY: emu.apiKey,
  };

  /** @typedef {'action' | 'bare' | 'bareExit' | 'node' | 'load'} Kind */
  /** @type {Kind[]} */
  const kinds = ['action', 'bare', 'bareExit', 'node', 'load'];
  /** @type {Record<Kind, number[]>} */
  const samples = { action: [], bare: [], bareExit: [], node: [], load: [] };
  for (let round = -1; round < STARTUP_RUNS; round++) {
    // Rotate the order so that no command always follows the same one.
    const order = kinds.map((_, i) => /** @type {Kind} */ (kinds[(i + round + 1) % kinds.length]));
    for (const kind of order) {
      let wall;
      if (kind === 'action') {
        const outcome = await runAction(dryRunInputs);
        const requests = requestsBetween('api', outcome.startedAt, outcome.endedAt);
        // GET /apps and the balance (a dry run warns when the runs would not fit it).
        if (outcome.problems.length > 0 || requests.length !== 2) {
          failures.push(
            `start-up: the dry run failed or made ${requests.length} requests: ${outcome.problems.join('; ')}`,
          );
        }
        wall = outcome.ms;
      } else if (kind === 'bare' || kind === 'bareExit') {
        const code = kind === 'bare' ? fetchCode : `${fetchCode}\nprocess.exit(0);`;
        const result = await timedSpawn(process.execPath, ['--input-type=module', '-e', code], { env: bareEnv });
        if (result.code !== 0) failures.push(`start-up: the bare fetch failed: ${result.stderr.trim()}`);
        wall = result.ms;
      } else if (kind === 'node') {
        wall = (await timedSpawn(process.execPath, ['-e', '0'], { env: bareEnv })).ms;
      } else {
        // The bundle with no key: loads, reads the inputs, fails at once (no request).
        wall = (await runAction({ 'api-key': '', 'api-url': emu.apiUrl, 'app-id': '' })).ms;
      }
      if (round >= 0) samples[kind].push(wall);
    }
  }
  const action = median(samples.action);
  const bare = median(samples.bare);
  const bareExit = median(samples.bareExit);
  rows.push(
    timeRatioRow({
      section: '1',
      measure: `Start-up: dry-run (GET /apps + validation) vs bare node fetch, median of ${STARTUP_RUNS}`,
      action,
      baseline: bare,
      goal: GOALS.startupRatio,
    }),
    {
      section: '1',
      measure: '  same, vs the bare fetch ending with process.exit(0)',
      action: formatMs(action),
      baseline: formatMs(bareExit),
      ratio: formatRatio(action / bareExit),
      goal: '—',
      met: 'info',
    },
  );

  const chunks = readdirSync(path.join(ROOT, 'dist'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, bytes: statSync(path.join(ROOT, 'dist', name)).size }))
    .sort((a, b) => (a.name === 'index.js' ? -1 : b.name === 'index.js' ? 1 : a.name.localeCompare(b.name)));
  const total = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  rows.push({
    section: '1',
    measure: `Bundle size: ${chunks.map((chunk) => chunk.name).join(' + ')}`,
    action: `${(total / 1e6).toFixed(2)} MB`,
    baseline: '—',
    ratio: '',
    goal: '—',
    met: 'info',
  });
  /** @param {number[]} values */
  const list = (values) => `[${values.map((value) => Math.round(value)).join(', ')}] ms`;
  const node = median(samples.node);
  const load = median(samples.load);
  notes.push(
    `1. Start-up: wall time from spawn to exit; ${STARTUP_RUNS} rounds after a warm-up round, the order rotated each round.`,
    `   action dry-run: median ${formatMs(action)} ${list(samples.action)}`,
    `   bare fetch (node --input-type=module -e 'await fetch(…/apps)' with the auth header, JSON parsed): median ${formatMs(bare)} ${list(samples.bare)}`,
    `   the same ending with process.exit(0): median ${formatMs(bareExit)} ${list(samples.bareExit)}`,
    `   node -e 0: median ${formatMs(node)}; the bundle alone (no api-key: loads, fails at the input check, sends nothing): median ${formatMs(load)}`,
    `   → loading the bundle costs ~${ms(load - node)} over bare node; GET /apps, validation and the dry-run report ~${ms(action - load)} more.`,
    `   bundle: ${chunks.map((chunk) => `${chunk.name} ${formatBytes(chunk.bytes)}`).join(' + ')} = ${formatBytes(total)}`,
  );
  if (action / bare > GOALS.startupRatio) {
    notes.push(
      `   In the way of ≤ ${GOALS.startupRatio}×: loading the bundle (${ms(load - node)} over node -e 0) is most of it; ` +
        'undici (and octokit) are already loaded on demand, so what remains is compiling the main chunk (bench/README.md, Start-up).',
    );
  }
}

// ------------------------------------------------------------------ 2. whole job

/**
 * @typedef {object} JobRun
 * @property {number} ms
 * @property {RecordedRequest[]} api
 * @property {RecordedRequest[]} storage
 * @property {number} toSubmitMs spawn → POST /apps/run arrives
 * @property {number} endToExitMs job terminal → process exit (detection + downloads + exit)
 * @property {number} endToFilesMs job terminal → first storage request (detection, the poll's answer, set-up)
 * @property {string[]} problems
 */

/**
 * One whole job: submit, wait, download every file, for one contender.
 * @param {Contender} who
 * @param {AppDefinition} app
 * @returns {Promise<JobRun>}
 */
async function wholeJob(who, app) {
  /** @type {Outcome} */
  let outcome;
  /** @type {string} */
  let dir;
  if (who === 'action') {
    const result = await runAction({
      ...apiInputs(),
      'app-id': app.id,
      inputs: `Prompt: ${PROMPT}`,
      'poll-interval': `${POLL_INTERVAL_MS / 1000}s`,
      'download-dir': 'out',
    });
    outcome = result;
    dir = path.join(result.run.workspace, 'out');
  } else {
    dir = freshDir('curl-job-');
    outcome = await runCurlScript(app, dir);
  }
  const api = requestsBetween('api', outcome.startedAt, outcome.endedAt);
  const storage = requestsBetween('storage', outcome.startedAt, outcome.endedAt);
  const submit = api.find((request) => callName(request) === 'POST /apps/run');
  const job = jobCreatedBetween(outcome.startedAt, outcome.endedAt);
  const problems = [...outcome.problems, ...(await verifyFiles(expectedFiles(app, dir)))];
  rmSync(who === 'action' ? path.dirname(dir) : dir, { recursive: true, force: true });
  for (const problem of problems) failures.push(`whole job (${who}, ${app.name}): ${problem}`);
  progress(
    `  ${who.padEnd(6)} ${formatMs(outcome.ms)}, API ${describeCalls(api)}, storage ${storage.length}` +
      (problems.length ? `, PROBLEMS: ${problems.join('; ')}` : ''),
  );
  return {
    ms: outcome.ms,
    api,
    storage,
    toSubmitMs: submit ? submit.at - outcome.startedAt : NaN,
    endToExitMs: job ? outcome.endedAt - (job.createdMs + JOB_MS) : NaN,
    endToFilesMs: job && storage[0] ? storage[0].at - (job.createdMs + JOB_MS) : NaN,
    problems,
  };
}

async function benchWholeJob() {
  progress(
    `whole job: ${JOB_RUNS} runs each of the action and curl-baseline.sh (job ${JOB_MS} ms, 3 × 100 MiB, poll 1 s)`,
  );
  /** @type {Record<Contender, JobRun[]>} */
  const runs = { action: [], curl: [] };
  for (let round = 0; round < JOB_RUNS; round++) {
    for (const who of orderOf(round)) runs[who].push(await wholeJob(who, JOB_APP));
  }
  progress(`whole job with storage paced to ${LINK_BYTES_PER_S / 1e6} MB/s per connection: 1 run each`);
  /** @type {Record<Contender, JobRun[]>} */
  const paced = { action: [], curl: [] };
  for (const who of orderOf(0)) paced[who].push(await wholeJob(who, PACED_JOB_APP));

  /** @param {JobRun[]} list */
  const ok = (list) => list.every((run) => run.problems.length === 0);
  /** @param {JobRun[]} list @param {(run: JobRun) => number} pick */
  const med = (list, pick) => median(list.map(pick));
  const action = med(runs.action, (run) => run.ms);
  const curl = med(runs.curl, (run) => run.ms);
  const apiAction = Math.max(...runs.action.map((run) => run.api.length));
  const apiCurl = Math.min(...runs.curl.map((run) => run.api.length));
  const allOk = ok(runs.action) && ok(runs.curl);
  const pacedAction = med(paced.action, (run) => run.ms);
  const pacedCurl = med(paced.curl, (run) => run.ms);
  rows.push(
    timeRatioRow({
      section: '2',
      measure: `Whole job (3 s job, 3 × 100 MiB, poll 1 s): wall time, median of ${JOB_RUNS}`,
      action,
      baseline: curl,
      goal: GOALS.jobRatio,
      against: 'curl script',
      ok: allOk,
    }),
    {
      section: '2',
      measure: 'Whole job: API requests (action: most of any run; script: fewest)',
      action: String(apiAction),
      baseline: String(apiCurl),
      ratio: `${apiAction - apiCurl >= 0 ? '+' : ''}${apiAction - apiCurl}`,
      goal: `≤ script + ${GOALS.jobExtraRequests} + ${BALANCE_READS} balance reads`,
      met: allOk ? metIf(apiAction <= apiCurl + GOALS.jobExtraRequests + BALANCE_READS) : 'NOT MET',
    },
    {
      section: '2',
      measure: 'Whole job: storage requests; files verified (size + sha256)',
      action: `${runs.action[0]?.storage.length ?? 0}; ${ok(runs.action) ? 'all ok' : 'FAILED'}`,
      baseline: `${runs.curl[0]?.storage.length ?? 0}; ${ok(runs.curl) ? 'all ok' : 'FAILED'}`,
      ratio: '',
      goal: 'check',
      met: allOk ? 'ok' : 'FAILED',
    },
    {
      section: '2b',
      measure: `Whole job, storage paced to ${LINK_BYTES_PER_S / 1e6} MB/s per connection: wall time (1 run)`,
      action: formatMs(pacedAction),
      baseline: formatMs(pacedCurl),
      ratio: formatRatio(pacedAction / pacedCurl),
      goal: '—',
      met: ok(paced.action) && ok(paced.curl) ? 'info' : 'FAILED',
    },
  );
  /** @param {JobRun[]} list */
  const times = (list) => list.map((run) => formatMs(run.ms)).join(', ');
  /** @param {JobRun[]} list */
  const phases = (list) =>
    `spawn → submit ${ms(med(list, (run) => run.toSubmitMs))}, job end → first file request ${ms(med(list, (run) => run.endToFilesMs))} → exit ${ms(med(list, (run) => run.endToExitMs))}`;
  notes.push(
    `2. Whole job: a fresh job per run (emulator plan completeAfterMs ${JOB_MS}: the job ends ${JOB_MS} ms after it is submitted), contenders alternating.`,
    `   action (app-id, inputs, poll-interval 1s, download-dir): ${times(runs.action)}; API ${describeCalls(runs.action[0]?.api ?? [])}`,
    `   curl-baseline.sh (submit; sleep 1 + curl + jq loop; curl downloads one after another): ${times(runs.curl)}; API ${describeCalls(runs.curl[0]?.api ?? [])}`,
    `   phases (medians) — action: ${phases(runs.action)}; script: ${phases(runs.curl)}`,
    `   2b, every byte through a relay pacing each connection to ${LINK_BYTES_PER_S / 1e6} MB/s (a real network's per-connection limit): ` +
      `action ${phases(paced.action)}; script ${phases(paced.curl)}`,
  );
}

// ------------------------------------------------------------------ 3. downloads

/**
 * Submits a run of `app` and completes it at once; returns its id and file URLs.
 * @param {AppDefinition} app
 */
async function completedJob(app) {
  const response = await fetch(`${emu.apiUrl}/apps/run`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${emu.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ app_id: app.id, inputs: { [PROMPT_INPUT.id]: PROMPT } }),
  });
  const { id } = /** @type {{ id: string }} */ (await response.json());
  emu.settleJob(id);
  const outputs = emu.jobs.get(id)?.output_data?.node_outputs ?? {};
  const urls = Object.values(outputs).flatMap((node) =>
    Object.values(node).filter(/** @returns {value is string} */ (value) => typeof value === 'string'),
  );
  return { id, urls };
}

/**
 * @typedef {Outcome & { firstRequestMs: number, windowMs: number, hashMs: number }} DownloadRun
 */

/**
 * Downloads a completed job's files: the action with job-id + download-dir,
 * or curl --parallel with the URLs.
 * @param {Contender} who
 * @param {AppDefinition} app
 * @param {{ id: string, urls: string[] }} job
 * @returns {Promise<DownloadRun>}
 */
async function download(who, app, job) {
  /** @type {Outcome} */
  let outcome;
  /** @type {string} */
  let dir;
  let hashMs = NaN;
  if (who === 'action') {
    const result = await runAction({ ...apiInputs(), 'job-id': job.id, 'download-dir': 'out' }, { measure: true });
    outcome = result;
    dir = path.join(result.run.workspace, 'out');
  } else {
    dir = freshDir('curl-dl-');
    const files = expectedFiles(app, dir);
    const args = ['-fsS', '--parallel', '--parallel-immediate', '--parallel-max', '3'];
    job.urls.forEach((url, i) => args.push('-o', files[i]?.path ?? path.join(dir, `file-${i}`), url));
    const result = await timedSpawn('curl', args, {
      env: { PATH: process.env.PATH, HOME: curlHome },
      measure: true,
      gnuTimeOutput: path.join(benchRoot, 'gnu-time.txt'),
    });
    outcome = {
      ...result,
      problems: result.code === 0 ? [] : [`curl exit code ${result.code}: ${result.stderr.trim()}`],
    };
    // What a script runs next to produce the same manifest: the fastest hasher on the machine.
    const hashed = await timedSpawn('openssl', ['dgst', '-sha256', ...files.map((file) => file.path)], {
      env: { PATH: process.env.PATH, HOME: curlHome },
    });
    if (hashed.code !== 0) outcome.problems.push(`openssl exit code ${hashed.code}: ${hashed.stderr.trim()}`);
    hashMs = hashed.ms;
  }
  const storage = requestsBetween('storage', outcome.startedAt, outcome.endedAt);
  const firstRequestMs =
    storage.length > 0 ? Math.min(...storage.map((request) => request.at)) - outcome.startedAt : NaN;
  // First GET in → last response closed, as the storage server saw it.
  const windowMs =
    storage.length > 0
      ? Math.max(...storage.map((request) => request.endedAt ?? NaN)) -
        Math.min(...storage.map((request) => request.at))
      : NaN;
  const problems = [...outcome.problems, ...(await verifyFiles(expectedFiles(app, dir)))];
  rmSync(who === 'action' ? path.dirname(dir) : dir, { recursive: true, force: true });
  for (const problem of problems) failures.push(`downloads (${who}, ${app.name}): ${problem}`);
  const usage = outcome.gnuTime ?? outcome.usage;
  progress(
    `  ${who.padEnd(6)} ${formatMs(outcome.ms)}, peak RSS ${formatMB(usage.peakRss)}, CPU ${formatMs(usage.cpuMs ?? NaN)}` +
      `, transfer window ${formatMs(windowMs)}` +
      (Number.isNaN(hashMs) ? '' : `, then openssl dgst ${formatMs(hashMs)}`) +
      (problems.length ? `, PROBLEMS: ${problems.join('; ')}` : ''),
  );
  return { ...outcome, problems, firstRequestMs, windowMs, hashMs };
}

async function benchDownloads() {
  progress(
    `downloads: 1 warm-up + ${DOWNLOAD_RUNS} runs each of the action (job-id + download-dir) and curl --parallel, 3 × 300 MiB`,
  );
  const job = await completedJob(DOWNLOAD_APP);
  /** @type {Record<Contender, DownloadRun[]>} */
  const runs = { action: [], curl: [] };
  for (let round = -1; round < DOWNLOAD_RUNS; round++) {
    for (const who of orderOf(round + 1)) {
      const run = await download(who, DOWNLOAD_APP, job);
      if (round >= 0) runs[who].push(run);
    }
  }
  progress(`downloads with storage paced to ${LINK_BYTES_PER_S / 1e6} MB/s per connection: 1 run each`);
  const pacedJob = await completedJob(PACED_DOWNLOAD_APP);
  /** @type {Record<Contender, DownloadRun[]>} */
  const paced = { action: [], curl: [] };
  for (const who of orderOf(0)) paced[who].push(await download(who, PACED_DOWNLOAD_APP, pacedJob));

  /** @param {DownloadRun[]} list */
  const ok = (list) => list.every((run) => run.problems.length === 0);
  const allOk = ok(runs.action) && ok(runs.curl);
  /** @param {DownloadRun[]} list @param {(run: DownloadRun) => number} pick */
  const med = (list, pick) => median(list.map(pick));
  const action = med(runs.action, (run) => run.ms);
  const curl = med(runs.curl, (run) => run.ms);
  /** @param {(number | null)[]} values */
  const highest = (values) =>
    values.every((value) => value !== null) ? Math.max(.../** @type {number[]} */ (values)) : null;
  const actionRss = highest(runs.action.map((run) => run.usage.peakRss));
  const curlRss = highest(runs.curl.map((run) => run.usage.peakRss));
  const curlGnuRss = GNU_TIME ? highest(runs.curl.map((run) => run.gnuTime?.peakRss ?? null)) : null;
  const actionCpu = med(runs.action, (run) => run.usage.cpuMs ?? NaN);
  const curlCpu = med(runs.curl, (run) => (run.gnuTime ?? run.usage).cpuMs ?? NaN);
  const curlHashed = med(runs.curl, (run) => run.ms + run.hashMs);
  const actionWindow = med(runs.action, (run) => run.windowMs);
  const curlWindow = med(runs.curl, (run) => run.windowMs);
  const pacedAction = med(paced.action, (run) => run.ms);
  const pacedCurl = med(paced.curl, (run) => run.ms);
  rows.push(
    timeRatioRow({
      section: '3',
      measure: `Downloads 3 × 300 MiB: wall time, median of ${DOWNLOAD_RUNS} (action: whole step)`,
      action,
      baseline: curl,
      goal: GOALS.downloadRatio,
      against: 'curl --parallel',
      ok: allOk,
    }),
    timeRatioRow({
      section: '3',
      measure: 'Downloads with their SHA-256s (action: whole step, manifest hashes) vs curl, then openssl dgst -sha256',
      action,
      baseline: curlHashed,
      goal: GOALS.hashedDownloadRatio,
      against: 'curl + openssl dgst',
      ok: allOk,
    }),
    timeRatioRow({
      section: '3',
      measure: 'Downloads: transfer window (first GET in → last response closed, at the server), median',
      action: actionWindow,
      baseline: curlWindow,
      goal: GOALS.windowRatio,
      against: 'curl --parallel',
      ok: allOk,
    }),
    {
      section: '3',
      measure: `Downloads: peak RSS (highest of ${DOWNLOAD_RUNS}); files verified (size + sha256)`,
      action: `${formatMB(actionRss)}; ${ok(runs.action) ? 'ok' : 'FAILED'}`,
      baseline: `${formatMB(curlGnuRss ?? curlRss)}; ${ok(runs.curl) ? 'ok' : 'FAILED'}`,
      ratio: '',
      goal: `≤ ${GOALS.rssBytes / 1e6} MB`,
      met: allOk && actionRss !== null ? metIf(actionRss <= GOALS.rssBytes) : 'NOT MET',
    },
    {
      section: '3',
      measure: 'Downloads: CPU time, user + system (median)',
      action: formatMs(actionCpu),
      baseline: formatMs(curlCpu),
      ratio: formatRatio(actionCpu / curlCpu),
      goal: '—',
      met: 'info',
    },
    {
      section: '3b',
      measure: `Downloads, storage paced to ${LINK_BYTES_PER_S / 1e6} MB/s per connection: wall time (1 run)`,
      action: formatMs(pacedAction),
      baseline: formatMs(pacedCurl),
      ratio: formatRatio(pacedAction / pacedCurl),
      goal: '—',
      met: ok(paced.action) && ok(paced.curl) ? 'info' : 'FAILED',
    },
  );
  /** @param {DownloadRun[]} list */
  const times = (list) => list.map((run) => formatMs(run.ms)).join(', ');
  /** @param {DownloadRun[]} list */
  const phases = (list) =>
    `spawn → first storage request ${ms(med(list, (run) => run.firstRequestMs))}, then ${ms(med(list, (run) => run.ms - run.firstRequestMs))} to exit`;
  const method = GNU_TIME
    ? `curl ran under GNU time (-f '%M %U %S', the kernel's ru_maxrss and CPU times): ${formatMB(curlGnuRss)}; ` +
      `the /proc sampler, watching the same curl processes, read ${formatMB(curlRss)} — a check of the method used for the action`
    : `curl: the same /proc sampler (GNU time is not installed): ${formatMB(curlRss)}`;
  notes.push(
    `3. Downloads of a completed job's three 300 MiB files into a scratch folder under .bench/ (the repository's disk, the same for both; deleted after each run); one warm-up run each, then alternating.`,
    `   action (job-id + download-dir: GET /jobs/:id, then 3 files at once): ${times(runs.action)}; ${phases(runs.action)}`,
    `   curl -fsS --parallel --parallel-immediate --parallel-max 3 -o … (the 3 URLs, nothing else): ${times(runs.curl)}; ${phases(runs.curl)}`,
    `   peak RSS, action: VmHWM (the kernel's high-water mark of the resident set) read from /proc/<pid>/status every ${RSS_SAMPLE_MS} ms until exit, ` +
      'CPU time from /proc/<pid>/stat (the action is started by scripts/action-runner.js exactly as the runner does, so nothing wraps it).',
    `   ${method}. MB = 10^6 bytes.`,
    `   3b, through the relay pacing each connection to ${LINK_BYTES_PER_S / 1e6} MB/s: action ${phases(paced.action)}; curl ${phases(paced.curl)}`,
    `   transfer windows (first GET in → last response closed, at the server): action ${times(runs.action.map((run) => ({ ...run, ms: run.windowMs })))}; ` +
      `curl ${times(runs.curl.map((run) => ({ ...run, ms: run.windowMs })))}; openssl dgst -sha256 after curl: ${times(runs.curl.map((run) => ({ ...run, ms: run.hashMs })))}`,
  );
  if (action / curlHashed > GOALS.hashedDownloadRatio || actionWindow / curlWindow > GOALS.windowRatio) {
    notes.push(
      '   In the way of the time goals: the action hashes on the main thread as the bytes arrive (the fastest of the designs measured, bench/README.md), ' +
        'so its transfer carries the SHA-256 CPU that the script spends after curl; on 2 shared cores the emulator serving the files competes for the same CPU.',
    );
  }
  if (actionRss === null || actionRss > GOALS.rssBytes) {
    notes.push(
      `   In the way of ≤ ${GOALS.rssBytes / 1e6} MB: the transfer itself, not the hashing: without any hashing the action peaked at 101–103 MB too when undici was loaded at start ` +
        '(the bundle at start, then 64 KiB socket buffers awaiting collection); a hashing worker would add its own isolate (+13 MB idle).',
    );
  }
}

// ------------------------------------------------------------------ 4. polling

/**
 * @typedef {object} PollRun
 * @property {number} polls GET /jobs/:id requests (a 429'd one included)
 * @property {number[]} gaps ms between consecutive polls (arrivals at the emulator)
 * @property {number} submitToFirstPoll ms
 * @property {number} detectMs job terminal → process exit
 * @property {number} pollLagMs job terminal → the poll that saw it
 * @property {number} afterPollMs that poll → process exit
 * @property {number} after429Ms the 429'd poll → the next poll (NaN without a 429)
 * @property {number} otherMinGap shortest gap other than the one after the 429
 * @property {string[]} problems
 */

/**
 * One polling case for one contender.
 * @param {Contender} who
 * @param {boolean} with429 answer the second poll with 429 + Retry-After
 * @returns {Promise<PollRun>}
 */
async function pollingCase(who, with429) {
  const since = Date.now();
  /** @type {{ fault: Fault, at: number } | null} */
  let queued = null;
  // Queue the 429 once the first poll has arrived, so that it hits the second one.
  const watcher = with429
    ? setInterval(() => {
        if (queued || !emu.findRequests('GET', '/jobs/').some((request) => request.at >= since)) return;
        const fault = emu.fault({
          kind: 'rate-limit',
          method: 'GET',
          path: '/jobs/',
          retryAfter: String(RETRY_AFTER_S),
        });
        queued = { fault, at: Date.now() };
      }, 2)
    : undefined;
  /** @type {Outcome} */
  let outcome;
  if (who === 'action') {
    outcome = await runAction({
      ...apiInputs(),
      'app-id': POLL_APP.id,
      inputs: `Prompt: ${PROMPT}`,
      'poll-interval': `${POLL_INTERVAL_MS / 1000}s`,
    });
  } else {
    outcome = await runCurlScript(POLL_APP, freshDir('curl-poll-'));
  }
  clearInterval(watcher);
  emu.clearFaults();
  const injected = /** @type {{ fault: Fault, at: number } | null} */ (queued);
  const problems = [...outcome.problems];
  if (with429 && injected?.fault.hits !== 1) problems.push('the 429 was not served');

  const api = requestsBetween('api', outcome.startedAt, outcome.endedAt);
  const polls = api
    .filter((request) => callName(request) === 'GET /jobs/:id')
    .map((request) => request.at)
    .sort((a, b) => a - b);
  const submit = api.find((request) => callName(request) === 'POST /apps/run');
  const job = jobCreatedBetween(outcome.startedAt, outcome.endedAt);
  const terminalAt = job ? job.createdMs + POLL_JOB_MS : NaN;
  const detecting = polls.find((at) => at >= terminalAt) ?? NaN;
  const gaps = polls.slice(1).map((at, i) => at - /** @type {number} */ (polls[i]));
  const hit = injected ? polls.findIndex((at) => at >= injected.at) : -1;
  const after429Ms = hit >= 0 && gaps[hit] !== undefined ? /** @type {number} */ (gaps[hit]) : NaN;
  const run = {
    polls: polls.length,
    gaps,
    submitToFirstPoll: submit && polls[0] !== undefined ? polls[0] - submit.at : NaN,
    detectMs: outcome.endedAt - terminalAt,
    pollLagMs: detecting - terminalAt,
    afterPollMs: outcome.endedAt - detecting,
    after429Ms,
    otherMinGap: Math.min(...gaps.filter((_, i) => i !== hit)),
    problems,
  };
  for (const problem of problems) failures.push(`polling (${who}${with429 ? ', 429' : ''}): ${problem}`);
  progress(
    `  ${who.padEnd(6)}${with429 ? ' 429' : '    '} ${run.polls} polls, gaps [${gaps.join(', ')}] ms, job end → exit ${ms(run.detectMs)}`,
  );
  return run;
}

async function benchPolling() {
  progress(
    `polling: the job ends ${POLL_JOB_MS} ms after submission (before poll ${POLLS}); then the same with a 429 + Retry-After: ${RETRY_AFTER_S} on poll 2`,
  );
  const action = await pollingCase('action', false);
  const curl = await pollingCase('curl', false);
  const action429 = await pollingCase('action', true);
  const curl429 = await pollingCase('curl', true);
  const ok = [action, curl, action429, curl429].every((run) => run.problems.length === 0);
  rows.push(
    {
      section: '4',
      measure: `Polling, job ends between polls ${POLLS - 1} and ${POLLS}: GET /jobs/:id requests`,
      action: String(action.polls),
      baseline: String(curl.polls),
      ratio: '',
      goal: `${POLLS} expected`,
      met: 'info',
    },
    {
      section: '4',
      measure: 'Polling: shortest gap between two polls',
      action: ms(action.otherMinGap),
      baseline: ms(curl.otherMinGap),
      ratio: '',
      goal: `≥ interval (${POLL_INTERVAL_MS} ms)`,
      met: ok ? metIf(action.otherMinGap >= POLL_INTERVAL_MS) : 'NOT MET',
    },
    {
      section: '4',
      measure: 'Polling: detection delay (job terminal → step exit)',
      action: ms(action.detectMs),
      baseline: ms(curl.detectMs),
      ratio: '',
      goal: `≤ interval (${POLL_INTERVAL_MS} ms)`,
      met: ok ? metIf(action.detectMs <= POLL_INTERVAL_MS) : 'NOT MET',
    },
    {
      section: '4',
      measure: `Polling, 429 + Retry-After: ${RETRY_AFTER_S} on poll 2: gap to the next poll (other gaps)`,
      action: `${ms(action429.after429Ms)} (≥ ${ms(action429.otherMinGap)})`,
      baseline: `${ms(curl429.after429Ms)} (≥ ${ms(curl429.otherMinGap)})`,
      ratio: '',
      goal: `≥ ${RETRY_AFTER_S * 1000} ms (others ≥ ${POLL_INTERVAL_MS} ms)`,
      met: ok
        ? metIf(action429.after429Ms >= RETRY_AFTER_S * 1000 && action429.otherMinGap >= POLL_INTERVAL_MS)
        : 'NOT MET',
    },
  );
  /** @param {PollRun} run */
  const describe = (run) =>
    `${run.polls} polls; submit → first poll ${ms(run.submitToFirstPoll)}; gaps [${run.gaps.join(', ')}] ms; ` +
    `job end → the poll that saw it ${ms(run.pollLagMs)}, that poll → exit ${ms(run.afterPollMs)}`;
  notes.push(
    `4. Polling with poll-interval 1 s (script: POLL_INTERVAL=1); emulator plan completeAfterMs ${POLL_JOB_MS}: the job turns terminal half an interval before poll ${POLLS}. ` +
      'Times are arrivals at the emulator; the detection delay ends when the process has exited.',
    `   action: ${describe(action)}`,
    `   script: ${describe(curl)}`,
    `   429 on poll 2, action: ${describe(action429)}`,
    `   429 on poll 2, script (curl --retry 3 honours Retry-After): ${describe(curl429)}`,
  );
}

// ------------------------------------------------------------------ 5. batch

const BATCH_ITEMS = 20;
const BATCH_RUNS = 3;
/** A batch's wall time may be at most this many times a single run's. */
const BATCH_WALL_RATIO = 1.2;

/**
 * One step: a single run (`items` 1, `inputs`) or a batch of `items` (`batch`,
 * `max-concurrency` = items), poll 1 s, no downloads: what is measured is the
 * orchestration (submitting, polling), not the transfer.
 * @param {AppDefinition} app
 * @param {number} items
 */
async function batchStep(app, items) {
  const prompts = Array.from({ length: items }, (_, i) => `- Prompt: ${PROMPT}, shot ${i + 1}`).join('\n');
  const result = await runAction({
    ...apiInputs(),
    'app-id': app.id,
    'poll-interval': `${POLL_INTERVAL_MS / 1000}s`,
    ...(items === 1 ? { inputs: `Prompt: ${PROMPT}` } : { batch: prompts, 'max-concurrency': String(items) }),
  });
  const api = requestsBetween('api', result.startedAt, result.endedAt);
  const problems = [...result.problems];
  /** @type {Array<{ status: string | null }>} */
  const results = JSON.parse(result.run.outputs.results ?? '[]');
  const statuses = results.map((item) => item.status);
  if (statuses.length !== items || statuses.some((status) => status !== 'completed')) {
    problems.push(`not every run completed: ${statuses.join(', ') || 'no results'}`);
  }
  for (const problem of problems) failures.push(`batch (${items} item${items === 1 ? '' : 's'}): ${problem}`);
  /** @param {string} name */
  const count = (name) => api.filter((request) => callName(request) === name).length;
  progress(
    `  ${String(items).padStart(2)} item${items === 1 ? ' ' : 's'} ${formatMs(result.ms)}, API ${describeCalls(api)}`,
  );
  return {
    ms: result.ms,
    api,
    submissions: count('POST /apps/run'),
    contract: count('GET /apps'),
    lists: count('GET /jobs'),
    byId: count('GET /jobs/:id'),
    balance: count('GET /account'),
    problems,
  };
}

/** @typedef {Awaited<ReturnType<typeof batchStep>>} BatchRun */

async function benchBatch() {
  const app = benchApp('be9c0005-3f1a-4c5e-8d2b-7a6f5e4d3c05', 'Bench: batch caption', {
    outputs: [{ nodeId: 'c0ffee00-0000-4000-8000-00000000c005', key: 'outputText', text: 'A caption.' }],
    plan: { completeAfterMs: JOB_MS },
  });
  emu.apps.push(app);
  progress(
    `batch: ${BATCH_RUNS} runs each of one run and a batch of ${BATCH_ITEMS} (max-concurrency ${BATCH_ITEMS}, job ${JOB_MS} ms, poll 1 s)`,
  );
  /** @type {{ single: BatchRun[], batch: BatchRun[] }} */
  const runs = { single: [], batch: [] };
  for (let round = 0; round < BATCH_RUNS; round++) {
    const order =
      round % 2 === 0 ? /** @type {const} */ (['single', 'batch']) : /** @type {const} */ (['batch', 'single']);
    for (const which of order) runs[which].push(await batchStep(app, which === 'single' ? 1 : BATCH_ITEMS));
  }
  const ok = [...runs.single, ...runs.batch].every((run) => run.problems.length === 0);
  const single = median(runs.single.map((run) => run.ms));
  const batch = median(runs.batch.map((run) => run.ms));
  // The most requests of any batch run, against what it may make: each submission, the contract, one a poll interval.
  const worst = runs.batch.reduce((a, b) => (b.api.length > a.api.length ? b : a));
  const intervals = Math.ceil(worst.ms / POLL_INTERVAL_MS);
  const allowed = BATCH_ITEMS + 1 + intervals + BALANCE_READS;
  rows.push(
    {
      section: '5',
      measure: `Batch of ${BATCH_ITEMS} (max-concurrency ${BATCH_ITEMS}, ${JOB_MS / 1000} s jobs, poll 1 s) vs one run: wall time, median of ${BATCH_RUNS}`,
      action: formatMs(batch),
      baseline: formatMs(single),
      ratio: formatRatio(batch / single),
      goal: `≤ ${BATCH_WALL_RATIO}× one run`,
      met: ok ? metIf(batch <= BATCH_WALL_RATIO * single) : 'NOT MET',
    },
    {
      section: '5',
      measure: `Batch of ${BATCH_ITEMS}: API requests (most of any run) vs submissions + contract + 1 per poll interval + balance reads`,
      action: `${worst.api.length} (${worst.submissions} + ${worst.contract} + ${worst.lists} GET /jobs + ${worst.byId} GET /jobs/:id + ${worst.balance} GET /account)`,
      baseline: `one run: ${Math.max(...runs.single.map((run) => run.api.length))}`,
      ratio: '',
      goal: `≤ ${BATCH_ITEMS} + 1 + ${intervals} + ${BALANCE_READS} = ${allowed}`,
      met: ok ? metIf(worst.api.length <= allowed && worst.submissions === BATCH_ITEMS) : 'NOT MET',
    },
  );
  /** @param {BatchRun[]} list */
  const times = (list) => list.map((run) => formatMs(run.ms)).join(', ');
  notes.push(
    `5. Batch: the same app (emulator plan completeAfterMs ${JOB_MS}, one text output, no downloads) as one run and as a batch of ${BATCH_ITEMS} items ` +
      `with max-concurrency ${BATCH_ITEMS}, alternating. One run: ${times(runs.single)}; API ${describeCalls(runs.single[0]?.api ?? [])}.`,
    `   Batch: ${times(runs.batch)}; API ${describeCalls(worst.api)}. Polling follows all ${BATCH_ITEMS} jobs with one GET /jobs?limit=100 per interval.`,
  );
}

// ------------------------------------------------------------------ 6. a thousand items

const LARGE_ITEMS = 1000;
const LARGE_CONCURRENCY = 100;
/** CPU the action may burn per item of a large batch. */
const LARGE_CPU_MS_PER_ITEM = 3;
/** GITHUB_OUTPUT and GITHUB_STATE at most this many times the file of their final values. */
const LARGE_FILE_RATIO = 3;

/** @param {string} name @param {string} value: one `name<<delimiter` entry as @actions/core appends it */
function entryBytes(name, value) {
  return Buffer.byteLength(`${name}<<ghadelimiter_${'0'.repeat(36)}\n${value}\nghadelimiter_${'0'.repeat(36)}\n`);
}

async function benchLargeBatch() {
  const app = benchApp('be9c0006-3f1a-4c5e-8d2b-7a6f5e4d3c06', 'Bench: large batch', {
    outputs: [{ nodeId: 'c0ffee00-0000-4000-8000-00000000c006', key: 'outputText', text: 'A caption.' }],
    plan: { completeAfterMs: JOB_MS },
  });
  emu.apps.push(app);
  emu.rateLimit = { limit: 1_000_000, windowMs: 60_000 };
  progress(`large batch: ${LARGE_ITEMS} items, max-concurrency ${LARGE_CONCURRENCY}, job ${JOB_MS} ms, poll 1 s`);
  const batch = Array.from({ length: LARGE_ITEMS }, (_, i) => `- Prompt: ${PROMPT}, shot ${i + 1}`).join('\n');
  const result = await runAction(
    {
      ...apiInputs(),
      'app-id': app.id,
      'poll-interval': `${POLL_INTERVAL_MS / 1000}s`,
      batch,
      'max-concurrency': String(LARGE_CONCURRENCY),
      timeout: '10m',
    },
    { measure: true },
  );
  const { run } = result;
  if (run.code !== 0) failures.push(`large batch: ${stepError(run)}`);
  const finalOutput = Object.entries(run.outputs).reduce((sum, [name, value]) => sum + entryBytes(name, value), 0);
  const finalState = Object.entries(run.state).reduce((sum, [name, value]) => sum + entryBytes(name, value), 0);
  const utf16 = Object.entries(run.outputs).reduce((sum, [name, value]) => sum + 2 * (name.length + value.length), 0);
  const cpuMs = result.usage.cpuMs;
  const ok = run.code === 0;
  rows.push(
    {
      section: '6',
      measure: `Batch of ${LARGE_ITEMS} (max-concurrency ${LARGE_CONCURRENCY}): CPU per item`,
      action: cpuMs === null ? 'n/a' : `${(cpuMs / LARGE_ITEMS).toFixed(2)} ms (${formatMs(cpuMs)} in all)`,
      baseline: 'was 5.5–6.1 ms',
      ratio: '',
      goal: `≤ ${LARGE_CPU_MS_PER_ITEM} ms`,
      met: ok && cpuMs !== null ? metIf(cpuMs / LARGE_ITEMS <= LARGE_CPU_MS_PER_ITEM) : 'NOT MET',
    },
    fileRow('GITHUB_OUTPUT', run.outputFileBytes, finalOutput, ok),
    fileRow('GITHUB_STATE', run.stateFileBytes, finalState, ok),
    {
      section: '6',
      measure: `Batch of ${LARGE_ITEMS}: all outputs together, as GitHub counts them (UTF-16)`,
      action: `${(utf16 / 1e6).toFixed(2)} MB`,
      baseline: '',
      ratio: '',
      goal: '≤ 1 MB',
      met: ok ? metIf(utf16 <= 1_000_000) : 'NOT MET',
    },
  );
  notes.push(
    `6. Large batch: ${LARGE_ITEMS} items at max-concurrency ${LARGE_CONCURRENCY} (emulator plan completeAfterMs ${JOB_MS}, one text output), ` +
      `one run, wall ${formatMs(result.ms)}. "Final values" is the file as it would be with each name written once, with its last value.`,
  );
}

// ------------------------------------------------------------------ main

let crashed = false;
try {
  const facts = machineFacts();
  progress(
    `emulator on ${emu.apiUrl} (storage ${emu.storageUrl}, paced relay ${relay.url}); scratch folder ${benchRoot}`,
  );
  if (wanted('startup')) await benchStartup();
  if (wanted('job')) await benchWholeJob();
  if (wanted('downloads')) await benchDownloads();
  if (wanted('polling')) await benchPolling();
  if (wanted('batch')) await benchBatch();
  if (wanted('large')) await benchLargeBatch();

  const loadAfter = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log('\n## Armox app action benchmark\n');
  console.log(`Date:     ${new Date(benchStarted).toISOString()} (took ${formatMs(Date.now() - benchStarted)})`);
  console.log(`Machine:  Node ${facts.node}, ${facts.os}, ${facts.cpus}, ${facts.memory} RAM`);
  console.log(
    `Load:     ${facts.load} at start, ${loadAfter} at end (1/5/15-min averages; other work on the machine skews wall times)`,
  );
  console.log(`Tools:    ${facts.curl}`);
  console.log(`          ${facts.jq}, ${facts.bash}, GNU time: ${facts.gnuTime}`);
  console.log('Server:   the Armox emulator on 127.0.0.1 (API + storage origins), inside the benchmark process');
  console.log(
    'Baseline: 1 bare `node -e` fetch; 2, 4 bench/curl-baseline.sh; 3 `curl --parallel`; 5 one run of the action\n',
  );
  console.log(
    markdownTable(
      ['#', 'Measure', 'Action', 'Baseline', 'Ratio', 'Goal', 'Met'],
      rows.map((row) => [row.section, row.measure, row.action, row.baseline, row.ratio, row.goal, row.met]),
    ),
  );
  const goals = rows.filter((row) => row.met === 'met' || row.met === 'NOT MET');
  console.log(`\nGoals met: ${goals.filter((row) => row.met === 'met').length} of ${goals.length}.\n`);
  console.log(notes.join('\n'));
  if (failures.length > 0) {
    console.log(
      `\nRuns that did not do what they should (their figures are not comparable):\n- ${failures.join('\n- ')}`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  crashed = true;
  console.error('bench: could not complete:', error);
} finally {
  await cleanUp();
}
if (crashed) process.exitCode = 1;

/**
 * Row 6: a file the runner reads (GITHUB_OUTPUT, GITHUB_STATE) against the file of its final values.
 * @param {string} name
 * @param {number} bytes
 * @param {number} finalBytes
 * @param {boolean} ok
 */
function fileRow(name, bytes, finalBytes, ok) {
  return {
    section: '6',
    measure: `Batch of ${LARGE_ITEMS}: ${name} vs the file of its final values`,
    action: formatBytes(bytes),
    baseline: formatBytes(finalBytes),
    ratio: formatRatio(bytes / finalBytes),
    goal: `≤ ${LARGE_FILE_RATIO}×`,
    met: ok ? metIf(bytes <= LARGE_FILE_RATIO * finalBytes) : 'NOT MET',
  };
}
