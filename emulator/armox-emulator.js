// @ts-check
/**
 * Armox API emulator: two real `node:http` servers on loopback.
 *
 * - The API origin (`apiUrl`, `.../api/v1`) behaves like the Armox public API
 *   described in docs/armox-api.md: auth, rate limits, apps, models, runs,
 *   jobs and the job list, cancel, account.
 * - The storage origin (`storageUrl`) is a second origin, like the S3 bucket
 *   of the real API, that streams job output files of any size without
 *   buffering them.
 *
 * Both record every request (`requests`) before anything else happens and
 * accept queued faults (`fault(rule)`): error statuses, 429s, resets, hangs,
 * truncated or huge bodies, delays, HTML proxy pages, raw malformed bodies.
 * `close()` destroys every socket, hung ones included, so tests never hang.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BLOCK_SIZE, blockRange, fileBlock } from './file-bytes.js';
import { modelMode, SEEDED_APPS, SEEDED_MODELS } from './seed.js';

export * from './seed.js';
export { expectedFileBytes, expectedFileSha256 } from './file-bytes.js';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:http').Server} Server */
/** @typedef {import('node:net').Socket} Socket */
/** @typedef {import('./seed.js').AppDefinition} AppDefinition */
/** @typedef {import('./seed.js').AppOutput} AppOutput */
/** @typedef {import('./seed.js').ModelDefinition} ModelDefinition */
/** @typedef {import('./seed.js').ModelOutput} ModelOutput */
/** @typedef {import('./seed.js').JobPlan} JobPlan */
/** @typedef {import('./seed.js').JobStatus} JobStatus */
/** @typedef {import('./seed.js').JobOutcome} JobOutcome */

/** @typedef {'api' | 'storage'} Origin */

/**
 * A job plan with its defaults filled in.
 * @typedef {object} ResolvedJobPlan
 * @property {number} pendingPolls
 * @property {number} processingPolls
 * @property {JobOutcome} outcome
 * @property {string} [errorMessage]
 * @property {number} [completeAfterMs]
 */

/**
 * A completed job's `output_data`: app jobs nest their outputs
 * (`{ app_id, app_name, node_outputs }`), model jobs are flat (`{ outputImage: url }`).
 * @typedef {{ app_id?: string, app_name?: string, node_outputs?: Record<string, Record<string, unknown>> } & Record<string, unknown>} JobOutputData
 */

/**
 * A stored job. The API fields keep the API's snake_case names; tests may
 * read and mutate them (a terminal `status` set by a test is left alone).
 * @typedef {object} JobRecord
 * @property {string} id
 * @property {'app' | 'model'} run_type
 * @property {string | null} app_id null for model jobs
 * @property {string | null} app_name null for model jobs
 * @property {string | null} model_id null for app jobs
 * @property {JobStatus} status
 * @property {Record<string, unknown>} input_data as sent: `{ app_id, inputs }` (apps), `{ input }` (models)
 * @property {JobOutputData | null} output_data
 * @property {string | null} error_message
 * @property {number} credits_charged
 * @property {string} created_at
 * @property {string | null} completed_at
 * @property {string | null} cancelled_at
 * @property {string | null} webhook_url
 * @property {AppDefinition} [app] the app that was run (app jobs)
 * @property {ModelDefinition} [model] the model that was run (model jobs)
 * @property {(AppOutput | ModelOutput)[]} outputs what the job reports once completed
 * @property {ResolvedJobPlan} plan captured at creation
 * @property {number} polls how many polls (`GET /jobs/:id`, or a `GET /jobs` list showing it) advanced this job
 * @property {number} createdMs
 * @property {boolean} refunded
 */

/**
 * What a new job runs: one of `app` / `model`, its input_data as sent, its
 * charge and the outputs it reports once completed.
 * @typedef {object} JobSource
 * @property {AppDefinition} [app]
 * @property {ModelDefinition} [model]
 * @property {Record<string, unknown>} inputData
 * @property {number} cost
 * @property {(AppOutput | ModelOutput)[]} outputs
 */

/**
 * A past job for `seedJob`: exactly one of `appId` / `modelId`.
 * @typedef {object} SeedJobOptions
 * @property {string} [appId]
 * @property {string} [modelId]
 * @property {Record<string, unknown>} [inputs] app jobs: input_data.inputs as sent (default {})
 * @property {Record<string, unknown>} [input] model jobs: input_data.input as sent (default {})
 * @property {'completed' | 'failed' | 'cancelled'} [status] default completed
 * @property {number | string} createdAt ms since the epoch, or an ISO date
 * @property {number} [creditsCharged] default: the app's or model's cost
 * @property {(AppOutput | ModelOutput)[]} [outputs] completed jobs: default the app's or model's outputs
 * @property {string} [errorMessage] failed / cancelled jobs
 * @property {number} [durationMs] completed_at − created_at (default 30 s, never after now)
 */

/**
 * @typedef {object} RecordedRequest
 * @property {Origin} origin
 * @property {string} method
 * @property {string} path path and query, as received
 * @property {import('node:http').IncomingHttpHeaders} headers lower-cased, as received
 * @property {string} body utf8 body (API requests; '' for storage)
 * @property {number} at Date.now() on arrival
 * @property {number} [endedAt] Date.now() when the response closed
 */

/**
 * A file the storage origin serves. Without `body`, its content is
 * `expectedFileBytes(seed, size)`.
 * @typedef {object} StorageFile
 * @property {number} [size] bytes (ignored when `body` is given)
 * @property {string} [contentType] default application/octet-stream
 * @property {string} [seed] name the bytes derive from; default: the decoded last path segment
 * @property {string | Buffer} [body] explicit content (small files)
 * @property {Record<string, string>} [headers] extra response headers
 */

/**
 * @typedef {'status' | 'rate-limit' | 'reset' | 'hang' | 'hang-body' | 'truncate' | 'delay' | 'html' | 'body' | 'huge'} FaultKind
 */

/**
 * A fault to inject into matching requests (kinds and parameters: emulator/README.md).
 * @typedef {object} FaultRule
 * @property {FaultKind} kind
 * @property {Origin} [origin] default 'api'
 * @property {string} [method] any method when absent
 * @property {string | RegExp} [path] string: prefix of path+query (API paths not starting with /api get /api/v1 prepended); RegExp: tested against path+query
 * @property {number} [times] how many requests it applies to (default 1; Infinity allowed)
 * @property {number} [status] status / html / body kinds
 * @property {string} [body] status / body / html kinds
 * @property {Record<string, string>} [headers] status / body / html kinds: merged over the defaults
 * @property {string | null} [retryAfter] rate-limit: Retry-After value, null omits it (default '1')
 * @property {boolean} [afterHandling] process the request for real first (job created, credits charged), then misbehave
 * @property {number} [ms] delay: milliseconds before handling (default 1000)
 * @property {Promise<void>} [until] delay: handle once this settles instead (or at `ms`, or at close)
 * @property {number} [bytes] huge: body size (default 50 MiB)
 * @property {boolean} [chunked] huge: omit Content-Length (chunked encoding)
 * @property {number} [fraction] truncate / hang-body: share of the body sent (default 0.5)
 */

/** @typedef {FaultRule & { remaining: number, hits: number }} Fault */

/**
 * @typedef {object} EmulatorOptions
 * @property {string} [host] default 127.0.0.1
 * @property {number} [port] API port, 0 = random (default)
 * @property {number} [storagePort] storage port, 0 = random (default)
 * @property {string} [apiKey] default 'sk_test_emulator'
 * @property {number} [credits] starting balance, default 100000
 * @property {{ limit: number, windowMs: number }} [rateLimit] default 1000 per 60000 ms
 * @property {JobPlan} [job] default plan of new jobs
 * @property {AppDefinition[]} [apps] replaces the seeded apps
 * @property {ModelDefinition[]} [models] replaces the seeded models
 * @property {boolean} [storageRejectsAuthorization] like S3: 400 when a storage request carries Authorization (default true)
 * @property {(line: string) => void} [log] called once per finished request
 * @property {() => number} [now] the clock that ages jobs (completeAfterMs) and the rate-limit window;
 *   default Date.now. Tests pass one they move by hand. Requests are still stamped with the real time.
 */

/**
 * One response, ready to send (or to mangle by a fault).
 * @typedef {object} Reply
 * @property {number} status
 * @property {Record<string, string | number>} headers
 * @property {number} length body bytes
 * @property {Buffer} [body] the whole body, for small replies
 * @property {(start: number, end: number) => Iterable<Buffer>} chunks body bytes [start, end)
 * @property {boolean} [head] answer to HEAD: headers only
 */

export const DEFAULT_API_KEY = 'sk_test_emulator';
export const API_PREFIX = '/api/v1';
export const DEFAULT_FAILURE_MESSAGE = 'Model provider error: generation failed';

/** @type {Readonly<ResolvedJobPlan>} */
export const DEFAULT_JOB_PLAN = Object.freeze({ pendingPolls: 0, processingPolls: 1, outcome: 'completed' });

export const FAULT_KINDS = Object.freeze(
  /** @type {FaultKind[]} */ ([
    'status',
    'rate-limit',
    'reset',
    'hang',
    'hang-body',
    'truncate',
    'delay',
    'html',
    'body',
    'huge',
  ]),
);

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

/** @typedef {'shown' | 'omitted' | 'zero' | 'zero-until-finished' | 'omitted-until-finished'} ChargeShown */
const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_TIMER_MS = 2 ** 31 - 1;
const DEFAULT_HUGE_BYTES = 50 * 1024 * 1024;
const PADDING = Buffer.alloc(BLOCK_SIZE, 'x');
const INTERNAL_APP_FIELDS = new Set(['cost', 'outputs', 'plan', 'active']);
const INTERNAL_MODEL_FIELDS = new Set(['mode', 'outputs', 'plan', 'active', 'settings']);
const PROXY_ERROR_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';

/**
 * Starts both servers and resolves once they listen.
 * @param {EmulatorOptions} [options]
 * @returns {Promise<ArmoxEmulator>}
 */
export async function startEmulator(options = {}) {
  const emulator = new ArmoxEmulator(options);
  await emulator.listen(options.port ?? 0, options.storagePort ?? 0);
  return emulator;
}

export class ArmoxEmulator {
  /** @type {string} e.g. http://127.0.0.1:PORT/api/v1 (set once listening) */
  apiUrl = '';
  /** @type {string} e.g. http://127.0.0.1:PORT2 (set once listening) */
  storageUrl = '';
  /** @type {string} */
  apiKey;
  /** @type {AppDefinition[]} mutable: tests may push apps */
  apps;
  /** @type {ModelDefinition[]} mutable: tests may push models */
  models;
  /** @type {Map<string, JobRecord>} */
  jobs = new Map();
  /** @type {RecordedRequest[]} every request, in arrival order */
  requests = [];
  /** @type {number} current balance (mutable) */
  credits;
  /**
   * How `credits_charged` is shown (mutable): `runAnswer` in the answer to a run,
   * `job` in `GET /jobs/:id` and `GET /jobs`. `'shown'` (default), `'omitted'`
   * (no field), `'zero'`, or `'zero-until-finished'` / `'omitted-until-finished'`
   * (the real charge once the job is terminal). The balance is charged either way.
   * @type {{ runAnswer: ChargeShown, job: ChargeShown }}
   */
  chargeShown = { runAnswer: 'shown', job: 'shown' };
  /** @type {ResolvedJobPlan} plan of jobs created from now on (mutable) */
  jobPlan;
  /** @type {{ limit: number, windowMs: number }} (mutable) */
  rateLimit;
  /** @type {Map<string, StorageFile>} storage path (as in the URL) → file */
  storageFiles = new Map();
  /** @type {Fault[]} queued faults, checked in order */
  faults = [];
  /** @type {Error[]} unexpected errors inside the emulator (should stay empty) */
  errors = [];
  /** @type {boolean} */
  storageRejectsAuthorization;
  /** @type {number} peak number of jobs pending or processing at once, since start or `resetStats()` */
  maxUnfinished = 0;

  #host;
  #log;
  /** @type {() => number} */
  #now;
  #startedAt = new Date();
  /** @type {Server} */
  #apiServer;
  /** @type {Server} */
  #storageServer;
  /** @type {Set<Socket>} */
  #sockets = new Set();
  /** @type {Set<() => void>} wake-ups of pending `delay` faults */
  #sleepers = new Set();
  /** @type {Map<string, number[]>} per API key: times of admitted requests in the window */
  #rateHits = new Map();
  /** @type {{ remaining: number, resetInSeconds: number } | null} */
  #rateOverride = null;
  /** @type {Promise<void> | null} */
  #closing = null;
  #closed = false;

  /** @param {EmulatorOptions} [options] */
  constructor(options = {}) {
    this.#host = options.host ?? '127.0.0.1';
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
    this.apiKey = options.apiKey ?? DEFAULT_API_KEY;
    // Each emulator gets its own copy, so tests can mutate apps freely.
    this.apps = options.apps ?? structuredClone(/** @type {AppDefinition[]} */ (SEEDED_APPS));
    this.models = options.models ?? structuredClone(/** @type {ModelDefinition[]} */ (SEEDED_MODELS));
    this.credits = options.credits ?? 100_000;
    this.jobPlan = { ...DEFAULT_JOB_PLAN, ...options.job };
    this.rateLimit = { limit: 1000, windowMs: 60_000, ...options.rateLimit };
    this.storageRejectsAuthorization = options.storageRejectsAuthorization ?? true;
    this.#apiServer = createServer((req, res) => this.#onApiRequest(req, res));
    // Long hostile file names make long request lines: allow them on storage.
    this.#storageServer = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => this.#onStorageRequest(req, res));
    for (const server of [this.#apiServer, this.#storageServer]) {
      server.on('connection', (socket) => {
        this.#sockets.add(socket);
        socket.once('close', () => this.#sockets.delete(socket));
      });
    }
  }

  // ---------------------------------------------------------------- test API

  /**
   * Replaces the default plan of jobs created from now on (missing fields take defaults).
   * @param {JobPlan} plan
   */
  setJobPlan(plan) {
    this.jobPlan = { ...DEFAULT_JOB_PLAN, ...plan };
  }

  /**
   * Queues a fault; the first matching rule with `remaining > 0` applies.
   * Kinds: status, rate-limit, reset, hang, hang-body, truncate, delay, html,
   * body, huge (see FaultRule). Returns the stored rule, whose `remaining`
   * and `hits` show whether it fired.
   * @param {FaultRule} rule
   * @returns {Fault}
   */
  fault(rule) {
    if (!FAULT_KINDS.includes(rule.kind)) throw new TypeError(`Unknown fault kind: ${String(rule.kind)}`);
    /** @type {Fault} */
    const fault = { ...rule, remaining: rule.times ?? 1, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  /** Removes every queued fault. */
  clearFaults() {
    this.faults.length = 0;
  }

  /**
   * Makes the next successful API response report `X-RateLimit-Remaining:
   * remaining` and a reset `resetInSeconds` from now, without a 429.
   * @param {number} remaining
   * @param {number} [resetInSeconds]
   */
  setRateLimitRemaining(remaining, resetInSeconds = 1) {
    this.#rateOverride = { remaining, resetInSeconds };
  }

  /**
   * Recorded requests matching a method (null/undefined/'*' = any) and a path
   * (prefix string or RegExp, same rules as fault paths).
   * @param {string | null | undefined} method
   * @param {string | RegExp | null | undefined} path
   * @param {Origin} [origin]
   * @returns {RecordedRequest[]}
   */
  findRequests(method, path, origin = 'api') {
    return this.requests.filter(
      (request) =>
        request.origin === origin && methodMatches(method, request.method) && pathMatches(path, request.path, origin),
    );
  }

  /**
   * How many recorded requests match (see `findRequests`).
   * @param {string | null | undefined} method
   * @param {string | RegExp | null | undefined} path
   * @param {Origin} [origin]
   */
  requestCount(method, path, origin = 'api') {
    return this.findRequests(method, path, origin).length;
  }

  /**
   * Ends a job now (as if its plan reached `outcome`): builds outputs,
   * refunds failed/cancelled jobs. Throws for an unknown or finished job.
   * @param {string} id
   * @param {Exclude<JobOutcome, 'never'>} [outcome]
   * @param {string} [errorMessage]
   */
  settleJob(id, outcome = 'completed', errorMessage) {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`No job ${id}`);
    if (TERMINAL.has(job.status)) throw new Error(`Job ${id} is already ${job.status}`);
    this.#finish(job, outcome, errorMessage);
  }

  /**
   * How many jobs are pending or processing now (time-based jobs are brought
   * up to date first).
   * @returns {number}
   */
  unfinishedCount() {
    let count = 0;
    for (const job of this.jobs.values()) {
      this.#advance(job, false);
      if (!TERMINAL.has(job.status)) count += 1;
    }
    return count;
  }

  /** Restarts `maxUnfinished` from the number of jobs unfinished now. */
  resetStats() {
    this.maxUnfinished = this.unfinishedCount();
  }

  /**
   * Adds a finished job from the past, as if it had run then: it shows in
   * `GET /jobs` (ordered by `createdAt`) and `GET /jobs/:id`, and a completed
   * one's output files are served by storage. Does not touch the balance.
   * @param {SeedJobOptions} options
   * @returns {JobRecord}
   */
  seedJob(options) {
    const source = this.#seedSource(options);
    const createdMs = typeof options.createdAt === 'string' ? Date.parse(options.createdAt) : options.createdAt;
    if (!Number.isFinite(createdMs))
      throw new TypeError(`seedJob: createdAt ${String(options.createdAt)} is not a time`);
    const status = options.status ?? 'completed';
    if (!TERMINAL.has(status)) throw new TypeError(`seedJob: status must be completed, failed or cancelled`);
    if (options.creditsCharged !== undefined) source.cost = options.creditsCharged;
    const job = this.#newJob(source, { createdMs: /** @type {number} */ (createdMs) });
    job.refunded = status !== 'completed'; // it was never charged to this balance: nothing to give back
    const completedMs = Math.min(this.#now(), job.createdMs + (options.durationMs ?? 30_000));
    this.#finish(job, /** @type {Exclude<JobOutcome, 'never'>} */ (status), options.errorMessage, completedMs);
    return job;
  }

  /**
   * Makes a storage file answer 404 (GET and HEAD) from now on.
   * @param {string} url the file's URL (or its path on the storage origin)
   * @returns {boolean} whether a file was removed
   */
  removeStorageFile(url) {
    const path = url.startsWith('/') ? url : splitTarget(new URL(url).pathname)[0];
    const found = this.#findStorageFile(path);
    return found ? this.storageFiles.delete(found.key) : false;
  }

  /**
   * Closes both servers and destroys every open socket (hung ones too).
   * @returns {Promise<void>}
   */
  close() {
    if (!this.#closing) {
      this.#closed = true;
      for (const wake of [...this.#sleepers]) wake();
      const servers = [this.#apiServer, this.#storageServer];
      this.#closing = Promise.all(
        servers.map((server) => new Promise((resolve) => server.close(() => resolve(undefined)))),
      ).then(() => undefined);
      for (const server of servers) server.closeAllConnections();
      for (const socket of this.#sockets) socket.destroy();
    }
    return this.#closing;
  }

  /**
   * Starts listening (called by `startEmulator`).
   * @param {number} port
   * @param {number} storagePort
   */
  async listen(port, storagePort) {
    const apiPort = await listenOn(this.#apiServer, port, this.#host);
    try {
      const filesPort = await listenOn(this.#storageServer, storagePort, this.#host);
      const host = this.#host.includes(':') ? `[${this.#host}]` : this.#host;
      this.apiUrl = `http://${host}:${apiPort}${API_PREFIX}`;
      this.storageUrl = `http://${host}:${filesPort}`;
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  // ------------------------------------------------------- request pipeline

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  #onApiRequest(req, res) {
    const record = this.#record('api', req, res);
    readBody(req)
      .then(async (body) => {
        if (!body) return; // the client went away mid-body
        record.body = body.text;
        await this.#respond('api', req, res, () => this.#handleApi(req, body));
      })
      .catch((error) => this.#internalError(res, error));
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  #onStorageRequest(req, res) {
    this.#record('storage', req, res);
    req.resume(); // storage ignores request bodies
    this.#respond('storage', req, res, () => this.#handleStorage(req)).catch((error) =>
      this.#internalError(res, error),
    );
  }

  /**
   * Records the request on arrival (before any fault) and logs it when done.
   * @param {Origin} origin
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @returns {RecordedRequest}
   */
  #record(origin, req, res) {
    /** @type {RecordedRequest} */
    const record = {
      origin,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: { ...req.headers },
      body: '',
      at: Date.now(),
    };
    this.requests.push(record);
    res.once('close', () => {
      record.endedAt = Date.now();
    });
    const log = this.#log;
    if (log) {
      res.once('close', () => {
        const outcome = res.headersSent ? String(res.statusCode) : 'no response';
        const partial = res.headersSent && !res.writableFinished ? ' (incomplete)' : '';
        const path = record.path.length > 120 ? `${record.path.slice(0, 117)}...` : record.path;
        log(`${origin} ${record.method} ${path} -> ${outcome}${partial} ${Date.now() - record.at} ms`);
      });
    }
    return record;
  }

  /**
   * Answers with `handle()`'s reply, unless a queued fault says otherwise.
   * @param {Origin} origin
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {() => Reply} handle processes the request (side effects included)
   */
  async #respond(origin, req, res, handle) {
    const rule = this.#takeFault(origin, req.method ?? 'GET', req.url ?? '/');
    if (!rule) return this.#send(res, handle());

    if (rule.kind === 'delay') {
      // The request is processed after the delay even if the client gave up,
      // as a slow real server would.
      const slept = this.#sleep(rule.ms ?? (rule.until ? Infinity : 1000));
      await (rule.until ? Promise.race([rule.until, slept]) : slept);
      if (!this.#closed) await this.#send(res, handle());
      return;
    }

    // truncate and hang-body mangle the real reply; other kinds only process
    // the request when asked to (the "it went through, but..." cases).
    const real = rule.kind === 'truncate' || rule.kind === 'hang-body' || rule.afterHandling ? handle() : null;
    switch (rule.kind) {
      case 'status':
        return this.#send(
          res,
          bufferReply(rule.status ?? 500, Buffer.from(rule.body ?? '{"error":"Injected failure"}'), {
            'content-type': JSON_TYPE,
            ...rule.headers,
          }),
        );
      case 'rate-limit': {
        const retryAfter = rule.retryAfter === undefined ? '1' : rule.retryAfter;
        return this.#send(
          res,
          errorReply(429, 'Rate limit exceeded', retryAfter === null ? {} : { 'retry-after': retryAfter }),
        );
      }
      case 'html':
        return this.#send(
          res,
          bufferReply(rule.status ?? 502, Buffer.from(rule.body ?? PROXY_ERROR_PAGE), {
            'content-type': 'text/html',
            ...rule.headers,
          }),
        );
      case 'body':
        return this.#send(
          res,
          bufferReply(rule.status ?? 200, Buffer.from(rule.body ?? ''), { 'content-type': JSON_TYPE, ...rule.headers }),
        );
      case 'huge':
        return this.#send(res, hugeReply(rule.bytes ?? DEFAULT_HUGE_BYTES, rule.chunked ?? false));
      case 'reset':
        // RST, not FIN: what a crashed proxy or a dropped connection looks like.
        req.socket.resetAndDestroy();
        return;
      case 'hang':
        return; // keep the socket open; close() destroys it
      case 'hang-body':
      case 'truncate': {
        if (!real) return;
        const sentAll = await this.#sendPart(res, real, rule.fraction ?? 0.5);
        if (rule.kind === 'truncate' || !sentAll) req.socket.destroy();
        return;
      }
    }
  }

  /**
   * Finds the first matching fault with uses left and consumes one use.
   * @param {Origin} origin
   * @param {string} method
   * @param {string} path
   * @returns {Fault | null}
   */
  #takeFault(origin, method, path) {
    for (const fault of this.faults) {
      if (fault.remaining <= 0) continue;
      if ((fault.origin ?? 'api') !== origin) continue;
      if (!methodMatches(fault.method, method)) continue;
      if (!pathMatches(fault.path, path, origin)) continue;
      fault.remaining -= 1;
      fault.hits += 1;
      return fault;
    }
    return null;
  }

  /**
   * Sends a reply in full, streaming large bodies with backpressure.
   * @param {ServerResponse} res
   * @param {Reply} reply
   */
  async #send(res, reply) {
    if (res.destroyed || this.#closed) return;
    res.writeHead(reply.status, reply.headers);
    if (reply.head || reply.length === 0) {
      res.end();
    } else if (reply.body) {
      res.end(reply.body);
    } else {
      // A client that hangs up mid-stream rejects the pipeline: nothing to do.
      await pipeline(Readable.from(reply.chunks(0, reply.length)), res).catch(() => {});
    }
  }

  /**
   * Sends the status, the headers (with the full Content-Length) and the
   * first `fraction` of the body, then stops without ending the response.
   * Resolves true once that part is flushed, false if the socket went away.
   * @param {ServerResponse} res
   * @param {Reply} reply
   * @param {number} fraction
   */
  async #sendPart(res, reply, fraction) {
    if (res.destroyed || this.#closed) return false;
    res.writeHead(reply.status, reply.headers);
    res.flushHeaders();
    const end = reply.head ? 0 : Math.floor(reply.length * Math.min(Math.max(fraction, 0), 1));
    for (const chunk of reply.chunks(0, end)) {
      if (res.destroyed || this.#closed) return false;
      if (!(await writeFlushed(res, chunk))) return false;
    }
    return true;
  }

  /**
   * @param {ServerResponse} res
   * @param {unknown} error
   */
  #internalError(res, error) {
    this.errors.push(error instanceof Error ? error : new Error(String(error)));
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    void this.#send(res, errorReply(500, `Emulator error: ${message}`));
  }

  /**
   * Resolves after `ms`, or at once when the emulator closes.
   * @param {number} ms
   * @returns {Promise<void>}
   */
  #sleep(ms) {
    return new Promise((resolve) => {
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      const wake = () => {
        clearTimeout(timer);
        this.#sleepers.delete(wake);
        resolve();
      };
      this.#sleepers.add(wake);
      // Beyond the timer range (e.g. Infinity) only close() wakes it up.
      if (ms <= MAX_TIMER_MS) timer = setTimeout(wake, Math.max(0, ms));
    });
  }

  // ------------------------------------------------------------ API origin

  /**
   * @param {IncomingMessage} req
   * @param {{ text: string, tooLarge: boolean }} body
   * @returns {Reply}
   */
  #handleApi(req, body) {
    const [path, query] = splitTarget(req.url ?? '/');
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) return errorReply(404, 'Not found');

    const token = bearerToken(req.headers.authorization);
    if (token === null) return errorReply(401, 'Missing Authorization Bearer token');
    if (token !== this.apiKey) return errorReply(401, 'Invalid API key');

    const quota = this.#admit(token);
    if (!quota) return errorReply(429, 'Rate limit exceeded', { 'retry-after': '60' });

    const reply = body.tooLarge
      ? errorReply(413, 'Request body too large')
      : this.#route(req.method ?? 'GET', path.slice(API_PREFIX.length), query, body.text);
    if (reply.status >= 200 && reply.status < 300) Object.assign(reply.headers, this.#rateLimitHeaders(quota));
    return reply;
  }

  /**
   * @param {string} method
   * @param {string} route path after /api/v1
   * @param {string} query
   * @param {string} bodyText
   * @returns {Reply}
   */
  #route(method, route, query, bodyText) {
    const notFound = () => errorReply(404, 'Not found');
    if (route === '/apps') return method === 'GET' ? this.#listApps() : notFound();
    if (route === '/apps/run') return method === 'POST' ? this.#runApp(bodyText) : notFound();
    if (route === '/models') return method === 'GET' ? this.#listModels() : notFound();
    if (route === '/models/run') return method === 'POST' ? this.#runModel(bodyText) : notFound();
    if (route === '/jobs') return method === 'GET' ? this.#listJobs(query) : notFound();
    if (route === '/account') return method === 'GET' ? this.#account() : notFound();

    // The id is exactly one raw path segment: '..%2Fapps' is just an unknown id.
    const match = /^\/jobs\/([^/]+)(\/cancel)?$/.exec(route);
    if (match) {
      const id = decodeSegment(match[1] ?? '');
      if (match[2]) return method === 'POST' ? this.#cancelJob(id) : notFound();
      return method === 'GET' ? this.#getJob(id) : notFound();
    }
    return notFound();
  }

  /** @returns {Reply} */
  #listApps() {
    const data = this.apps.filter((app) => app.active !== false).map(publicApp);
    return jsonReply(200, { object: 'list', data });
  }

  /**
   * POST /apps/run: validates like the real API, charges, creates the job.
   * @param {string} bodyText
   * @returns {Reply}
   */
  #runApp(bodyText) {
    const parsed = parseObjectBody(bodyText);
    if ('reply' in parsed) return parsed.reply;
    const { body } = parsed;

    const appId = body.app_id;
    if (appId === undefined || appId === null || appId === '') return errorReply(400, 'app_id is required');
    if (typeof appId !== 'string') return errorReply(400, 'app_id must be a string');
    const app = this.apps.find((candidate) => candidate.id === appId && candidate.active !== false);
    if (!app) return errorReply(404, 'App not found');

    const rawInputs = body.inputs ?? {};
    if (!isPlainObject(rawInputs)) return errorReply(400, 'inputs must be an object');
    const webhookUrl = body.webhook_url ?? null;
    if (webhookUrl !== null && typeof webhookUrl !== 'string') return errorReply(400, 'webhook_url must be a string');

    const problem = validateInputs(app, rawInputs);
    if (problem) return errorReply(400, problem);

    const cost = app.cost ?? 100;
    if (this.credits < cost) return insufficientCredits(cost, this.credits);
    this.credits -= cost;

    const job = this.#newJob(
      { app, inputData: { app_id: app.id, inputs: structuredClone(rawInputs) }, cost, outputs: app.outputs ?? [] },
      { plan: app.plan ?? this.jobPlan, webhookUrl },
    );
    this.#noteUnfinished();
    return jsonReply(202, {
      id: job.id,
      object: 'job',
      status: 'processing',
      run_type: 'app',
      app_id: job.app_id,
      app_name: job.app_name,
      ...chargeField(job, this.chargeShown.runAnswer),
      created_at: job.created_at,
    });
  }

  /** @returns {Reply} */
  #listModels() {
    const data = this.models.filter((model) => model.active !== false).map(publicModel);
    return jsonReply(200, { object: 'list', data });
  }

  /**
   * POST /models/run: validates, charges, creates the job; sync models answer
   * 200 with the finished job, async ones 202 (then polled like app jobs).
   * @param {string} bodyText
   * @returns {Reply}
   */
  #runModel(bodyText) {
    const parsed = parseObjectBody(bodyText);
    if ('reply' in parsed) return parsed.reply;
    const { body } = parsed;
    const modelId = body.model;
    if (modelId === undefined || modelId === null || modelId === '') return errorReply(400, 'model is required');
    if (typeof modelId !== 'string') return errorReply(400, 'model must be a string');
    const model = this.models.find((candidate) => candidate.id === modelId && candidate.active !== false);
    if (!model) return errorReply(400, `Invalid model: ${modelId}`);
    const input = body.input ?? {};
    if (!isPlainObject(input)) return errorReply(400, 'input must be an object');
    const webhookUrl = body.webhook_url ?? null;
    if (webhookUrl !== null && typeof webhookUrl !== 'string') return errorReply(400, 'webhook_url must be a string');
    const problem = validateModelInput(model, input);
    if (problem) return errorReply(400, problem);

    if (this.credits < model.cost) return insufficientCredits(model.cost, this.credits);
    this.credits -= model.cost;
    const sync = modelMode(model) === 'sync';
    const source = {
      model,
      inputData: { input: structuredClone(input) },
      cost: model.cost,
      outputs: model.outputs ?? [],
    };
    const job = this.#newJob(source, { plan: model.plan ?? (sync ? {} : this.jobPlan), webhookUrl });
    if (!sync) {
      this.#noteUnfinished();
      return jsonReply(202, modelRunBody(job, this.chargeShown.runAnswer));
    }
    // A sync run ends within the request: its plan's outcome applies at once.
    this.#finish(job, job.plan.outcome === 'never' ? 'completed' : job.plan.outcome, job.plan.errorMessage);
    return jsonReply(200, modelRunBody(job, this.chargeShown.runAnswer));
  }

  /**
   * Creates and stores a job (not yet counted in `maxUnfinished`).
   * @param {JobSource} source what runs, with what, for how much
   * @param {{ plan?: JobPlan, webhookUrl?: string | null, createdMs?: number }} [options]
   * @returns {JobRecord}
   */
  #newJob(source, options = {}) {
    const createdMs = options.createdMs ?? this.#now();
    /** @type {ResolvedJobPlan} */
    const plan = { ...DEFAULT_JOB_PLAN, ...options.plan };
    const startsPending = plan.completeAfterMs !== undefined ? plan.completeAfterMs > 0 : plan.pendingPolls > 0;
    const { app, model } = source;
    /** @type {JobRecord} */
    const job = {
      id: randomUUID(),
      run_type: app ? 'app' : 'model',
      app_id: app?.id ?? null,
      app_name: app?.name ?? null,
      model_id: model?.id ?? null,
      status: startsPending ? 'pending' : 'processing',
      input_data: source.inputData,
      output_data: null,
      error_message: null,
      credits_charged: source.cost,
      created_at: isoMicros(createdMs),
      completed_at: null,
      cancelled_at: null,
      webhook_url: options.webhookUrl ?? null,
      app,
      model,
      outputs: source.outputs,
      plan,
      polls: 0,
      createdMs,
      refunded: false,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  /** Raises `maxUnfinished` to the number of jobs unfinished now. */
  #noteUnfinished() {
    this.maxUnfinished = Math.max(this.maxUnfinished, this.unfinishedCount());
  }

  /**
   * What a seeded job ran: the app or model, checked.
   * @param {SeedJobOptions} options
   * @returns {JobSource}
   */
  #seedSource(options) {
    if ((options.appId === undefined) === (options.modelId === undefined)) {
      throw new TypeError('seedJob: give exactly one of appId and modelId');
    }
    if (options.appId !== undefined) {
      const app = this.apps.find((candidate) => candidate.id === options.appId);
      if (!app) throw new Error(`seedJob: no app ${options.appId}`);
      const inputData = { app_id: app.id, inputs: structuredClone(options.inputs ?? {}) };
      return { app, inputData, cost: app.cost ?? 100, outputs: options.outputs ?? app.outputs ?? [] };
    }
    const model = this.models.find((candidate) => candidate.id === options.modelId);
    if (!model) throw new Error(`seedJob: no model ${options.modelId}`);
    const inputData = { input: structuredClone(options.input ?? {}) };
    return { model, inputData, cost: model.cost, outputs: options.outputs ?? model.outputs ?? [] };
  }

  /**
   * @param {string | null} id
   * @returns {Reply}
   */
  #getJob(id) {
    const job = id === null ? undefined : this.jobs.get(id);
    if (!job) return errorReply(404, 'Job not found');
    this.#advance(job, true);
    return jsonReply(200, serializeJob(job, this.chargeShown.job));
  }

  /**
   * @param {string | null} id
   * @returns {Reply}
   */
  #cancelJob(id) {
    const job = id === null ? undefined : this.jobs.get(id);
    if (!job) return errorReply(404, 'Job not found');
    this.#advance(job, false); // a time-based job may have finished meanwhile
    if (TERMINAL.has(job.status)) return errorReply(409, `Job cannot be cancelled: it is ${job.status}`);
    this.#finish(job, 'cancelled', null);
    return jsonReply(200, { id: job.id, object: 'job', status: 'cancelled', cancelled_at: job.cancelled_at });
  }

  /**
   * @param {string} query
   * @returns {Reply}
   */
  #listJobs(query) {
    const raw = new URLSearchParams(query).get('limit');
    let limit = 20;
    if (raw !== null) {
      limit = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (!(limit >= 1 && limit <= 100)) return errorReply(400, 'limit must be an integer between 1 and 100');
    }
    // Newest first; equal times keep the newer record first (sort is stable).
    const newestFirst = [...this.jobs.values()]
      .reverse()
      .sort((a, b) => b.createdMs - a.createdMs)
      .slice(0, limit);
    // A client may follow its jobs through the list alone: seeing a job here
    // counts as a poll of it, like GET /jobs/:id.
    const data = newestFirst.map((job) => {
      this.#advance(job, true);
      return serializeJob(job, this.chargeShown.job);
    });
    return jsonReply(200, { object: 'list', data });
  }

  /** @returns {Reply} */
  #account() {
    let used = 0;
    for (const job of this.jobs.values()) if (!job.refunded) used += job.credits_charged;
    return jsonReply(200, {
      object: 'account',
      credits: this.credits,
      subscription: { plan: 'pro', status: 'active' },
      usage: { credits_used_30d: used, jobs_30d: this.jobs.size },
      api_keys: [{ name: 'Emulator key', prefix: this.apiKey.slice(0, 12) }],
    });
  }

  /**
   * Moves a live job along its plan. Poll-based plans only move on a poll
   * (`GET /jobs/:id`, or a `GET /jobs` list that shows the job); time-based
   * ones whenever the job is looked at.
   * @param {JobRecord} job
   * @param {boolean} isPoll
   */
  #advance(job, isPoll) {
    if (TERMINAL.has(job.status)) return;
    const plan = job.plan;
    /** @type {'pending' | 'processing' | 'done'} */
    let phase;
    if (plan.completeAfterMs !== undefined) {
      if (isPoll) job.polls += 1;
      const elapsed = this.#now() - job.createdMs;
      phase = elapsed < plan.completeAfterMs * 0.1 ? 'pending' : elapsed < plan.completeAfterMs ? 'processing' : 'done';
    } else {
      if (!isPoll) return;
      const step = job.polls;
      job.polls += 1;
      phase =
        step < plan.pendingPolls ? 'pending' : step < plan.pendingPolls + plan.processingPolls ? 'processing' : 'done';
    }
    if (phase !== 'done') job.status = phase;
    else if (plan.outcome === 'never') job.status = 'processing';
    else this.#finish(job, plan.outcome, plan.errorMessage);
  }

  /**
   * Puts a job in a terminal state.
   * @param {JobRecord} job
   * @param {Exclude<JobOutcome, 'never'>} outcome
   * @param {string | null | undefined} errorMessage
   * @param {number} [atMs] when it ended (default now)
   */
  #finish(job, outcome, errorMessage, atMs = this.#now()) {
    const now = isoMillis(atMs);
    job.status = outcome;
    job.completed_at = now;
    if (outcome === 'completed') {
      job.output_data = this.#outputData(job);
      return;
    }
    if (outcome === 'failed') job.error_message = errorMessage ?? DEFAULT_FAILURE_MESSAGE;
    if (outcome === 'cancelled') {
      job.cancelled_at = now;
      // null when cancelled through the API; a message when cancelled elsewhere.
      job.error_message = errorMessage === undefined ? 'Job was cancelled' : errorMessage;
    }
    // Failed and cancelled jobs give their credits back.
    if (!job.refunded) {
      job.refunded = true;
      this.credits += job.credits_charged;
    }
  }

  /**
   * Builds a completed job's output_data from its outputs (definition order)
   * and registers their files with the storage origin: nested under
   * node_outputs for apps, flat for models.
   * @param {JobRecord} job
   * @returns {JobOutputData}
   */
  #outputData(job) {
    /** @type {Record<string, unknown>} */
    const flat = {};
    /** @type {Record<string, Record<string, unknown>>} */
    const nodes = {};
    for (const output of job.outputs) {
      const value = this.#outputValue(job, output);
      if (job.run_type === 'model') flat[output.key] = value;
      else (nodes['nodeId' in output ? output.nodeId : 'output'] ??= {})[output.key] = value;
    }
    if (job.run_type === 'model') return flat;
    return { app_id: job.app_id ?? '', app_name: job.app_name ?? '', node_outputs: nodes };
  }

  /**
   * @param {JobRecord} job
   * @param {AppOutput | ModelOutput} output
   * @returns {unknown}
   */
  #outputValue(job, output) {
    /** @type {string | undefined} */
    let fileUrl;
    if (output.file) {
      const { name, size, contentType } = output.file;
      const path = output.file.path ?? `/public/${job.id.slice(0, 8)}/${encodeURIComponent(name)}`;
      this.storageFiles.set(path, { size, contentType, seed: name });
      fileUrl = `${this.storageUrl}${path}`;
    }
    if ('value' in output) return output.value;
    return output.url ?? fileUrl ?? output.text ?? null;
  }

  /**
   * Counts an authenticated request against the rolling window; null when over the limit.
   * @param {string} key
   * @returns {{ limit: number, remaining: number, reset: number } | null}
   */
  #admit(key) {
    const now = this.#now();
    const { limit, windowMs } = this.rateLimit;
    let hits = this.#rateHits.get(key);
    if (!hits) this.#rateHits.set(key, (hits = []));
    while (hits.length > 0 && (hits[0] ?? now) <= now - windowMs) hits.shift();
    if (hits.length >= limit) return null;
    hits.push(now);
    return {
      limit,
      remaining: Math.max(0, limit - hits.length),
      reset: Math.ceil(((hits[0] ?? now) + windowMs) / 1000),
    };
  }

  /**
   * @param {{ limit: number, remaining: number, reset: number }} quota
   * @returns {Record<string, string>}
   */
  #rateLimitHeaders(quota) {
    let { remaining, reset } = quota;
    if (this.#rateOverride) {
      remaining = this.#rateOverride.remaining;
      reset = Math.ceil(Date.now() / 1000 + this.#rateOverride.resetInSeconds);
      this.#rateOverride = null;
    }
    return {
      'x-ratelimit-limit': String(quota.limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
    };
  }

  // -------------------------------------------------------- storage origin

  /**
   * GET/HEAD of a registered file, with single-range support.
   * @param {IncomingMessage} req
   * @returns {Reply}
   */
  #handleStorage(req) {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      return xmlError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
    // S3 refuses foreign credentials on public objects: a client that leaks
    // the API key to storage fails loudly here.
    if (this.storageRejectsAuthorization && req.headers.authorization !== undefined) {
      return xmlError(400, 'InvalidArgument', 'Unsupported Authorization Type');
    }
    const [path] = splitTarget(req.url ?? '/');
    const found = this.#findStorageFile(path);
    if (!found) return xmlError(404, 'NoSuchKey', 'The specified key does not exist.');

    const { file, seed } = found;
    const explicit = typeof file.body === 'string' ? Buffer.from(file.body) : file.body;
    const size = explicit ? explicit.length : Math.max(0, Math.floor(file.size ?? 0));
    /** @type {(start: number, end: number) => Iterable<Buffer>} */
    const content = explicit
      ? (start, end) => [explicit.subarray(start, end)]
      : (start, end) => blockRange(fileBlock(seed), start, end);

    const range = parseRange(req.headers.range, size);
    /** @type {Record<string, string | number>} */
    const headers = {
      'content-type': file.contentType ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      etag: `"${createHash('md5').update(`${seed}:${size}`).digest('hex')}"`,
      'last-modified': this.#startedAt.toUTCString(),
    };
    if (range === 'unsatisfiable') {
      return bufferReply(416, Buffer.alloc(0), { ...headers, 'content-range': `bytes */${size}` });
    }
    const [start, end] = range ?? [0, size];
    if (range) headers['content-range'] = `bytes ${start}-${end - 1}/${size}`;
    Object.assign(headers, file.headers, { 'content-length': end - start });
    return {
      status: range ? 206 : 200,
      headers,
      length: end - start,
      chunks: (from, to) => content(start + from, start + to),
      head: method === 'HEAD',
    };
  }

  /**
   * Looks a path up as given, then by its canonical percent-encoding (clients
   * may encode a hostile name differently from how it was registered).
   * @param {string} path
   * @returns {{ file: StorageFile, key: string, seed: string } | null}
   */
  #findStorageFile(path) {
    let key = path;
    let file = this.storageFiles.get(path);
    if (!file) {
      const canonical = canonicalPath(path);
      for (const [candidate, candidateFile] of this.storageFiles) {
        if (canonicalPath(candidate) === canonical) {
          key = candidate;
          file = candidateFile;
          break;
        }
      }
    }
    if (!file) return null;
    const lastSegment = key.slice(key.lastIndexOf('/') + 1);
    return { file, key, seed: file.seed ?? decodeSegment(lastSegment) ?? lastSegment };
  }
}

// ------------------------------------------------------------------ helpers

/**
 * @param {Server} server
 * @param {number} port
 * @param {string} host
 * @returns {Promise<number>} the bound port
 */
function listenOn(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Reads a request body up to MAX_BODY_BYTES (the rest is drained, not kept).
 * Resolves null if the client disconnects first.
 * @param {IncomingMessage} req
 * @returns {Promise<{ text: string, tooLarge: boolean } | null>}
 */
function readBody(req) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', () => resolve(null));
    req.on('close', () => resolve(null)); // no-op after 'end'
  });
}

/**
 * Writes a chunk and resolves once it is flushed to the socket (true), or
 * when the response closes first (false).
 * @param {ServerResponse} res
 * @param {Buffer} chunk
 * @returns {Promise<boolean>}
 */
function writeFlushed(res, chunk) {
  return new Promise((resolve) => {
    const onClose = () => resolve(false);
    res.once('close', onClose);
    res.write(chunk, (error) => {
      res.off('close', onClose);
      resolve(!error);
    });
  });
}

/**
 * Splits a request target into raw path and query. Paths are NOT normalised,
 * so '/jobs/../apps' stays what it is.
 * @param {string} target
 * @returns {[string, string]}
 */
function splitTarget(target) {
  let value = target;
  if (!value.startsWith('/')) {
    // absolute-form (proxy style) request target
    try {
      const url = new URL(value);
      value = url.pathname + url.search;
    } catch {
      return [value, ''];
    }
  }
  const q = value.indexOf('?');
  return q === -1 ? [value, ''] : [value.slice(0, q), value.slice(q + 1)];
}

/**
 * @param {string} segment
 * @returns {string | null} null for malformed percent-encoding
 */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * One spelling per path: each segment decoded then re-encoded.
 * @param {string} path
 */
function canonicalPath(path) {
  return path
    .split('/')
    .map((segment) => {
      const decoded = decodeSegment(segment);
      return decoded === null ? segment : encodeURIComponent(decoded);
    })
    .join('/');
}

/**
 * @param {string | undefined} header
 * @returns {string | null} the token, or null when there is no Bearer token
 */
function bearerToken(header) {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/**
 * @param {string | null | undefined} wanted
 * @param {string} method
 */
function methodMatches(wanted, method) {
  return !wanted || wanted === '*' || wanted.toUpperCase() === method.toUpperCase();
}

/**
 * @param {string | RegExp | null | undefined} pattern
 * @param {string} path path + query
 * @param {Origin} origin
 */
function pathMatches(pattern, path, origin) {
  if (pattern === null || pattern === undefined) return true;
  if (pattern instanceof RegExp) {
    pattern.lastIndex = 0; // global/sticky regexps keep state between calls
    return pattern.test(path);
  }
  // '/apps/run' on the API origin means '/api/v1/apps/run'.
  const prefix = origin === 'api' && !pattern.startsWith('/api') ? `${API_PREFIX}${pattern}` : pattern;
  return path.startsWith(prefix);
}

/**
 * Parses a single `bytes=` range. Null (serve it all) when absent or not
 * understood, as RFC 9110 allows.
 * @param {string | undefined} header
 * @param {number} size
 * @returns {[number, number] | 'unsatisfiable' | null} [start, end)
 */
function parseRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size];
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null;
  const end = last === '' ? size : Math.min(size, Number(last) + 1);
  return start >= size ? 'unsatisfiable' : [start, end];
}

/**
 * Validates run inputs against the app's contract.
 * @param {AppDefinition} app
 * @param {Record<string, unknown>} inputs
 * @returns {string | null} the error message, or null when valid
 */
function validateInputs(app, inputs) {
  const known = new Set(app.inputs.map((input) => input.id));
  for (const key of Object.keys(inputs)) {
    if (!known.has(key)) return `Unknown input: ${key}`;
  }
  const missing = app.inputs
    .filter((input) => input.required && isMissing(inputs[input.id]))
    .map((input) => input.label);
  if (missing.length > 0) return `Missing required inputs: ${missing.join(', ')}`;
  for (const input of app.inputs) {
    const value = inputs[input.id];
    if (value === undefined || value === null) continue;
    if (input.allowMultiple) {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        return `Input "${input.label}" must be an array of strings`;
      }
    } else if (typeof value !== 'string') {
      return `Input "${input.label}" must be a string`;
    }
  }
  return null;
}

/**
 * Validates a model run's `input` against the model: keys, prompt, images,
 * and select values against their options.
 * @param {ModelDefinition} model
 * @param {Record<string, unknown>} input
 * @returns {string | null} the error message, or null when valid
 */
function validateModelInput(model, input) {
  const settings = new Map(model.settings.map((setting) => [setting.key, setting]));
  const takesText = model.inputTypes.includes('text');
  const takesImages = model.inputTypes.includes('image');
  for (const key of Object.keys(input)) {
    if (key !== 'prompt' && key !== 'image_input' && !settings.has(key)) return `Unknown input: ${key}`;
  }
  const { prompt, image_input: images } = input;
  if (!isMissing(prompt) && !takesText) return `Model ${model.id} does not take a prompt`;
  if (model.promptRequired && isMissing(prompt)) return 'Missing required input: prompt';
  if (!isMissing(prompt) && typeof prompt !== 'string') return 'Input "prompt" must be a string';
  if (!isMissing(images) && !takesImages) return `Model ${model.id} does not take image input (image_input)`;
  if (images !== undefined && !(Array.isArray(images) && images.every((url) => typeof url === 'string'))) {
    return 'Input "image_input" must be an array of URL strings';
  }
  if (!takesText && isMissing(images)) return 'Missing required input: image_input';
  for (const [key, value] of Object.entries(input)) {
    const options = settings.get(key)?.options;
    if (!options || value === undefined || value === null) continue;
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    if (text === null || !options.includes(text)) {
      return `Invalid value for ${key}: ${JSON.stringify(value)} (allowed: ${options.join(', ')})`;
    }
  }
  return null;
}

/** @param {unknown} value */
function isMissing(value) {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The app as `GET /apps` shows it: internal fields dropped, public defaults
 * filled in, unknown extra fields (added by tests) passed through.
 * @param {AppDefinition} app
 */
function publicApp(app) {
  /** @type {Record<string, unknown>} */
  const extra = {};
  for (const [key, value] of Object.entries(app)) {
    if (!INTERNAL_APP_FIELDS.has(key) && value !== undefined) extra[key] = value;
  }
  return {
    id: app.id,
    name: app.name,
    description: app.description ?? '',
    icon: app.icon ?? null,
    thumbnail_url: app.thumbnail_url ?? null,
    is_template: app.is_template ?? true,
    brain_id: app.brain_id ?? null,
    tags: app.tags ?? [],
    ...extra,
    inputs: app.inputs,
  };
}

/**
 * The model as `GET /models` shows it: internal fields dropped.
 * @param {ModelDefinition} model
 */
function publicModel(model) {
  /** @type {Record<string, unknown>} */
  const extra = {};
  for (const [key, value] of Object.entries(model)) {
    if (!INTERNAL_MODEL_FIELDS.has(key) && value !== undefined) extra[key] = value;
  }
  return {
    id: model.id,
    name: model.name,
    modality: model.modality,
    cost: model.cost,
    inputTypes: model.inputTypes,
    promptRequired: model.promptRequired,
    outputType: model.outputType,
    description: model.description ?? '',
    ...extra,
    settings: model.settings,
  };
}

/**
 * The answer to `POST /models/run`: the job, finished (200) or not (202).
 * @param {JobRecord} job
 * @param {ChargeShown} [shown]
 */
function modelRunBody(job, shown = 'shown') {
  return {
    id: job.id,
    object: 'job',
    status: job.status,
    model: job.model_id,
    output: job.output_data,
    error_message: job.error_message,
    ...chargeField(job, shown),
    created_at: job.created_at,
    completed_at: job.completed_at,
  };
}

/**
 * `credits_charged` as `chargeShown` says (see the class field).
 * @param {JobRecord} job
 * @param {ChargeShown} shown
 * @returns {{ credits_charged?: number }}
 */
function chargeField(job, shown) {
  const finished = TERMINAL.has(job.status);
  if (shown === 'omitted' || (shown === 'omitted-until-finished' && !finished)) return {};
  if (shown === 'zero' || (shown === 'zero-until-finished' && !finished)) return { credits_charged: 0 };
  return { credits_charged: job.credits_charged };
}

/**
 * @param {JobRecord} job
 * @param {ChargeShown} [shown]
 */
function serializeJob(job, shown = 'shown') {
  return {
    object: 'job',
    id: job.id,
    run_type: job.run_type,
    model_id: job.model_id,
    app_id: job.app_id,
    status: job.status,
    input_data: job.input_data,
    output_data: job.output_data,
    error_message: job.error_message,
    ...chargeField(job, shown),
    created_at: job.created_at,
    completed_at: job.completed_at,
    webhook_delivered: false,
  };
}

/**
 * The API's timestamp styles: created_at has microseconds, completed_at milliseconds.
 * @param {number} ms
 */
function isoMicros(ms) {
  return new Date(ms).toISOString().replace('Z', '000+00:00');
}

/** @param {number} ms */
function isoMillis(ms) {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/**
 * @param {number} status
 * @param {Buffer} body
 * @param {Record<string, string | number>} headers
 * @returns {Reply}
 */
function bufferReply(status, body, headers) {
  return {
    status,
    headers: { ...headers, 'content-length': body.length },
    length: body.length,
    body,
    chunks: (start, end) => [body.subarray(start, end)],
  };
}

/**
 * @param {number} status
 * @param {unknown} value
 * @param {Record<string, string>} [headers]
 */
function jsonReply(status, value, headers = {}) {
  return bufferReply(status, Buffer.from(JSON.stringify(value)), { 'content-type': JSON_TYPE, ...headers });
}

/**
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 */
function errorReply(status, message, headers = {}) {
  return jsonReply(status, { error: message }, headers);
}

/**
 * The documented 402.
 * @param {number} required
 * @param {number} available
 */
function insufficientCredits(required, available) {
  return errorReply(402, `Insufficient credits. Required ${required}, available ${available}`);
}

/**
 * A run request's body as an object, or the 400 reply saying why it is not one.
 * @param {string} text
 * @returns {{ body: Record<string, unknown> } | { reply: Reply }}
 */
function parseObjectBody(text) {
  /** @type {unknown} */
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return { reply: errorReply(400, 'Invalid JSON body') };
  }
  return isPlainObject(body) ? { body } : { reply: errorReply(400, 'Request body must be a JSON object') };
}

/**
 * An S3-style XML error.
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
function xmlError(status, code, message) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return bufferReply(status, Buffer.from(xml), { 'content-type': 'application/xml' });
}

/**
 * A 200 JSON answer of `bytes` bytes, generated while streaming:
 * `{"object":"list","data":[],"padding":"xxxx…"}`.
 * @param {number} bytes
 * @param {boolean} chunked omit Content-Length
 * @returns {Reply}
 */
function hugeReply(bytes, chunked) {
  const head = Buffer.from('{"object":"list","data":[],"padding":"');
  const tail = Buffer.from('"}');
  const total = Math.max(0, Math.floor(bytes));
  /** @type {Record<string, string | number>} */
  const headers = { 'content-type': JSON_TYPE };
  if (!chunked) headers['content-length'] = total;
  if (total < head.length + tail.length) {
    const small = Buffer.alloc(total, 'x');
    return { status: 200, headers, length: total, chunks: (start, end) => [small.subarray(start, end)] };
  }
  const tailStart = total - tail.length;
  /**
   * @param {number} start
   * @param {number} end
   */
  function* chunks(start, end) {
    let position = start;
    while (position < end) {
      let chunk;
      if (position < head.length) chunk = head.subarray(position, Math.min(head.length, end));
      else if (position >= tailStart) chunk = tail.subarray(position - tailStart, end - tailStart);
      else chunk = PADDING.subarray(0, Math.min(PADDING.length, tailStart - position, end - position));
      yield chunk;
      position += chunk.length;
    }
  }
  return { status: 200, headers, length: total, chunks };
}
