// @ts-check
/**
 * Measurement helpers of the benchmark (`npm run bench`): timed child
 * processes with their peak resident set size, medians, file checks, machine
 * facts and the table printer. No dependencies beyond Node.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import { pipeline } from 'node:stream/promises';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */

/** How often `/proc/<pid>/status` is read while a process runs. */
export const RSS_SAMPLE_MS = 10;

/**
 * Children started by the benchmark, so an interrupted run can stop them (by pid).
 * @type {Set<ChildProcess>}
 */
export const liveChildren = new Set();

/**
 * Tracks a child until it closes.
 * @param {ChildProcess} child
 */
export function track(child) {
  liveChildren.add(child);
  child.once('close', () => liveChildren.delete(child));
}

/**
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? NaN) + upper) / 2;
}

/** Clock ticks per second of /proc/<pid>/stat CPU times. */
const CLOCK_TICKS = (() => {
  const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(result.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/**
 * @typedef {object} ProcessUsage
 * @property {number | null} peakRss bytes: the kernel's high-water mark (VmHWM); null when /proc could not be read
 * @property {number | null} cpuMs user + system CPU time of all the process's threads (last sample)
 */

/**
 * Watches a running process through /proc: its peak resident set, from the
 * kernel's own high-water mark (`VmHWM` in /proc/<pid>/status), and its CPU
 * time (/proc/<pid>/stat). Both only grow, so sampling them every few
 * milliseconds misses at most what the process adds in its last sampling
 * period before it exits (the files are gone once it is reaped).
 * @param {number | undefined} pid
 * @returns {{ stop(): ProcessUsage }}
 */
export function watchProcess(pid) {
  let peakKiB = -1;
  let cpuTicks = -1;
  const read = () => {
    if (pid === undefined) return;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after "(comm)": state is field 3, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (Number.isFinite(ticks)) cpuTicks = Math.max(cpuTicks, ticks);
    } catch {
      // not started yet, already exited, or no /proc (not Linux)
    }
  };
  read();
  const timer = setInterval(read, RSS_SAMPLE_MS);
  return {
    stop() {
      read();
      clearInterval(timer);
      return {
        peakRss: peakKiB >= 0 ? peakKiB * 1024 : null,
        cpuMs: cpuTicks >= 0 ? (cpuTicks * 1000) / CLOCK_TICKS : null,
      };
    },
  };
}

/** The first child pid of `pid` (Linux /proc), once it exists. */
function firstChildPid(/** @type {number} */ pid) {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? Number(text.split(/\s+/)[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** GNU time (`/usr/bin/time`), which reports a child's ru_maxrss with `-f %M`; null when absent. */
export const GNU_TIME = (() => {
  const candidate = '/usr/bin/time';
  if (!existsSync(candidate)) return null;
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
  return /GNU/i.test(`${probe.stdout}${probe.stderr}`) ? candidate : null;
})();

/**
 * @typedef {object} TimedRun
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {number} startedAt Date.now() just before spawning
 * @property {number} endedAt Date.now() when the process had exited and its pipes closed
 * @property {number} ms wall time
 * @property {string} stdout
 * @property {string} stderr
 * @property {ProcessUsage} usage sampled from /proc (nulls: not measured / unavailable)
 * @property {ProcessUsage | null} gnuTime what GNU time reported (null: not used)
 */

/**
 * @typedef {object} SpawnOptions
 * @property {Record<string, string | undefined>} env the whole environment of the child
 * @property {string} [cwd]
 * @property {boolean} [measure] sample the peak RSS and CPU time from /proc
 * @property {string} [gnuTimeOutput] also run the command under GNU time, writing `%M %U %S` to this file
 * @property {number} [killAfterMs] safety net (default 120 s)
 */

/**
 * Runs a command and measures its wall time (and, on request, its peak RSS and CPU time).
 * @param {string} command
 * @param {string[]} args
 * @param {SpawnOptions} options
 * @returns {Promise<TimedRun>}
 */
export function timedSpawn(command, args, options) {
  const wrap = options.gnuTimeOutput !== undefined && GNU_TIME !== null;
  const file = wrap ? /** @type {string} */ (GNU_TIME) : command;
  const argv = wrap ? ['-f', '%M %U %S', '-o', /** @type {string} */ (options.gnuTimeOutput), command, ...args] : args;
  const startedAt = Date.now();
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: /** @type {NodeJS.ProcessEnv} */ (options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  /** @type {{ stop(): ProcessUsage } | null} */
  let sampler = null;
  if (options.measure) {
    if (!wrap) sampler = watchProcess(child.pid);
    else {
      // Under GNU time the measured process is its child: find it, then sample it.
      const findChild = setInterval(() => {
        const pid = child.pid === undefined ? undefined : firstChildPid(child.pid);
        if (pid === undefined) return;
        clearInterval(findChild);
        sampler = watchProcess(pid);
      }, 1);
      child.once('exit', () => clearInterval(findChild));
    }
  }
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (/** @type {Buffer} */ chunk) => (stdout += chunk.toString()));
  child.stderr?.on('data', (/** @type {Buffer} */ chunk) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(killer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      const endedAt = Date.now();
      clearTimeout(killer);
      const usage = /** @type {{ stop(): ProcessUsage } | null} */ (sampler)?.stop() ?? { peakRss: null, cpuMs: null };
      /** @type {ProcessUsage | null} */
      let gnuTime = null;
      if (wrap) {
        try {
          const text = readFileSync(/** @type {string} */ (options.gnuTimeOutput), 'utf8').trim();
          const [kib, user, system] = (text.split('\n').pop() ?? '').split(/\s+/).map(Number);
          if (
            kib !== undefined &&
            user !== undefined &&
            system !== undefined &&
            [kib, user, system].every(Number.isFinite)
          ) {
            gnuTime = { peakRss: kib * 1024, cpuMs: (user + system) * 1000 };
          }
        } catch {
          gnuTime = null;
        }
      }
      resolve({ code, signal, startedAt, endedAt, ms: endedAt - startedAt, stdout, stderr, usage, gnuTime });
    });
  });
}

/**
 * sha256 (hex) of a file, streamed.
 * @param {string} file
 */
export async function sha256File(file) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), hash);
  return hash.digest('hex');
}

/**
 * @typedef {object} ExpectedFile
 * @property {string} path where the contender saved it
 * @property {number} size expected bytes
 * @property {string} sha256 expected digest
 */

/**
 * Checks sizes and digests; returns the problems found (empty: all good).
 * @param {ExpectedFile[]} files
 * @returns {Promise<string[]>}
 */
export async function verifyFiles(files) {
  /** @type {string[]} */
  const problems = [];
  for (const file of files) {
    let size;
    try {
      size = statSync(file.path).size;
    } catch {
      problems.push(`${file.path} is missing`);
      continue;
    }
    if (size !== file.size) {
      problems.push(`${file.path}: ${size} bytes instead of ${file.size}`);
      continue;
    }
    if ((await sha256File(file.path)) !== file.sha256) problems.push(`${file.path}: sha256 differs`);
  }
  return problems;
}

/** First line of a command's `--version`, or null when it cannot run. */
export function versionOf(/** @type {string} */ command, /** @type {string[]} */ args = ['--version']) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return `${result.stdout}${result.stderr}`.split('\n')[0]?.trim() || null;
}

/** Node, OS, CPUs, memory, load and tool versions, as printed above the table. */
export function machineFacts() {
  const cpus = os.cpus();
  const load = os.loadavg().map((value) => value.toFixed(2));
  return {
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    load: load.join(' '),
    curl: versionOf('curl') ?? 'not found',
    jq: versionOf('jq') ?? 'not found',
    bash: versionOf('bash')?.replace(/^GNU bash, version /, 'bash ') ?? 'not found',
    gnuTime: GNU_TIME ? `${GNU_TIME} (${versionOf(GNU_TIME) ?? 'GNU time'})` : 'absent',
  };
}

// ------------------------------------------------------------------ formatting

/** @param {number} ms */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 10_000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : `${Math.round(ms)} ms`;
}

/** Decimal megabytes (10^6 bytes), the unit of the RSS goal. @param {number | null} bytes */
export function formatMB(bytes) {
  return bytes === null ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** @param {number} bytes */
export function formatBytes(bytes) {
  return `${bytes.toLocaleString('en-US')} B (${(bytes / 2 ** 20).toFixed(2)} MiB)`;
}

/** @param {number} ratio */
export function formatRatio(ratio) {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
}

/**
 * A Markdown table whose columns are padded to line up in a terminal too.
 * @param {string[]} header
 * @param {string[][]} rows
 * @returns {string}
 */
export function markdownTable(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  /** @param {string[]} cells */
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
