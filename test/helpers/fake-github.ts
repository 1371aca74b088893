/**
 * A loopback fake of the GitHub releases API, enough for the action's release
 * upload: look a release up by tag (drafts hidden, as on GitHub), list the
 * releases (drafts included), list/delete a release's assets, and upload to
 * the release's `upload_url` (served under `/uploads` on the same server, as
 * uploads.github.com is on github.com). Uploaded bytes are kept and served at
 * each asset's `browser_download_url`. Published `immutable` releases refuse
 * uploads. `fault()` makes one release call fail (5xx, reset, hang, rate
 * limits, a half-created `starter` asset). Every request is recorded.
 *
 * For an end-to-end run: point GITHUB_API_URL at `url`, pass `token` as the
 * github-token, and `seedRelease('owner/repo', 'v1.0.0')` first.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeAsset {
  id: number;
  name: string;
  contentType: string;
  /** The uploaded bytes (empty when `keepUploadBytes` was off). */
  data: Buffer;
  size: number;
  sha256: string;
  /** `starter`: what a failed upload leaves behind (listed, but blocks a new upload of that name). */
  state: 'uploaded' | 'starter';
}

export interface FakeRelease {
  id: number;
  owner: string;
  repo: string;
  tag: string;
  draft: boolean;
  /** A published immutable release takes no new assets. */
  immutable: boolean;
  assets: FakeAsset[];
}

export interface GitHubRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Request body size in bytes. */
  bodyBytes: number;
  /** Which release call it was (undefined for anything else). */
  route?: ReleaseRoute;
  at: number;
}

/** The release calls the fake answers. */
export type ReleaseRoute = 'release-by-tag' | 'list-releases' | 'list-assets' | 'delete-asset' | 'upload' | 'download';

/**
 * A fault on one release call, for the next `times` requests (default 1),
 * applied once the request body has been read:
 * - `status`: answer `status` (default 500) with `message` and `headers`
 *   (a rate limit: 403 or 429 with `retry-after`, or `x-ratelimit-remaining: 0`
 *   and `x-ratelimit-reset`, or a message that says so);
 * - `reset`: destroy the connection without an answer;
 * - `hang`: never answer;
 * - `starter` (uploads): keep a half-created asset of that name (state
 *   `starter`), then reset the connection, as a failed upload can on GitHub.
 */
export interface GitHubFault {
  on: ReleaseRoute;
  kind: 'status' | 'reset' | 'hang' | 'starter';
  status?: number;
  message?: string;
  /** The JSON answered instead of `{ message }` (e.g. `[]` for a list that hides what is there). */
  body?: unknown;
  /** Only requests whose path and query contain this (e.g. `name=b.png`). */
  path?: string;
  headers?: Record<string, string>;
  times?: number;
  /** Requests this fault has answered so far. */
  hits: number;
}

// ---- Workflow runs (issue 13, reuse: rerun) ----
export interface FakeWorkflowRun {
  id: number;
  owner: string;
  repo: string;
  /** ISO time the run was created (kept by re-runs). */
  createdAt: string;
  runAttempt: number;
}
// ---- end workflow runs ----

export interface FakeGitHub {
  /** The API base URL (GITHUB_API_URL). */
  url: string;
  /** The only token accepted, as `token X` or `Bearer X`. */
  token: string;
  releases: FakeRelease[];
  requests: GitHubRequest[];
  /** When true, uploads and deletes answer 403 "Resource not accessible by integration" (a read-only GITHUB_TOKEN). */
  forbidWrites: boolean;
  /** When false, uploads keep only size and sha256 (for very large uploads). Default true. */
  keepUploadBytes: boolean;
  seedRelease(
    repository: string,
    tag: string,
    options?: {
      draft?: boolean;
      immutable?: boolean;
      assets?: Array<{ name: string; data: string | Buffer; state?: FakeAsset['state'] }>;
    },
  ): FakeRelease;
  /** The release as the API returns it, e.g. for a `release` event payload. */
  releaseJson(release: FakeRelease): Record<string, unknown>;
  // ---- Workflow runs (issue 13, reuse: rerun) ----
  /** Answered by `GET /repos/:o/:r/actions/runs/:id`. */
  workflowRuns: FakeWorkflowRun[];
  /** When true, that route answers 403 "Resource not accessible by integration" (a token without `actions: read`). */
  forbidActionsRead: boolean;
  seedWorkflowRun(repository: string, run: { id: number; createdAt: string; runAttempt?: number }): FakeWorkflowRun;
  // ---- end workflow runs ----
  /** Queues a fault on a release call; returns it (see `hits`). */
  fault(fault: Omit<GitHubFault, 'hits'>): GitHubFault;
  /** Requests made to one release call. */
  count(route: ReleaseRoute): number;
  close(): Promise<void>;

  // ---- Issue comments (pull request previews): see the block at the end of this file. ----
  /** Every comment on every issue and pull request, oldest first. */
  comments: FakeComment[];
  /** When true, creating and updating comments answer 403 "Resource not accessible by integration" (a fork's read-only token). */
  forbidCommentWrites: boolean;
  /**
   * Whose account the token is: comments are written as it, and `GET /user`
   * answers it. Default the GITHUB_TOKEN's bot, for which `GET /user` answers
   * 403 as GitHub does for installation tokens; a personal access token's user otherwise.
   */
  tokenLogin: string;
  seedComment(repository: string, issue: number, body: string, login?: string): FakeComment;
  /** The comments of one issue or pull request, oldest first. */
  commentsOn(repository: string, issue: number): FakeComment[];
  // ---- end of issue comments ----
  /**
   * `GET /repos/:o/:r/collaborators/:user/permission` answers each login's role
   * (admin, maintain, write, triage, read); anyone else is a 404, as GitHub
   * answers for a user who is not a collaborator.
   */
  roles: Record<string, string>;
  /** When set, that route answers this status and body instead (e.g. a 502 HTML page). */
  permissionFailure?: { status: number; body: string };
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const sockets = new Set<Socket>();
  const faults: GitHubFault[] = [];
  let nextId = 1000;
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => json(res, 500, { message: String(error) }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeGitHub = {
    url,
    token: `ghs_${randomBytes(12).toString('hex')}`,
    releases: [],
    requests: [],
    forbidWrites: false,
    keepUploadBytes: true,
    seedRelease(repository, tag, options = {}) {
      const [owner = '', repo = ''] = repository.split('/');
      const release: FakeRelease = {
        id: nextId++,
        owner,
        repo,
        tag,
        draft: options.draft ?? false,
        immutable: options.immutable ?? false,
        assets: [],
      };
      for (const asset of options.assets ?? []) {
        const data = Buffer.from(asset.data);
        release.assets.push({
          id: nextId++,
          name: asset.name,
          contentType: 'application/octet-stream',
          data,
          size: data.length,
          sha256: sha256(data),
          state: asset.state ?? 'uploaded',
        });
      }
      fake.releases.push(release);
      return release;
    },
    releaseJson,
    // ---- Workflow runs (issue 13, reuse: rerun) ----
    workflowRuns: [],
    forbidActionsRead: false,
    seedWorkflowRun(repository, run) {
      const [owner = '', repo = ''] = repository.split('/');
      const seeded: FakeWorkflowRun = {
        owner,
        repo,
        id: run.id,
        createdAt: run.createdAt,
        runAttempt: run.runAttempt ?? 1,
      };
      fake.workflowRuns.push(seeded);
      return seeded;
    },
    // ---- end workflow runs ----
    // ---- Issue comments ----
    comments: [],
    forbidCommentWrites: false,
    tokenLogin: FAKE_BOT_LOGIN,
    seedComment: (repository, issue, body, login) => seedComment(fake, repository, issue, body, login),
    commentsOn: (repository, issue) =>
      fake.comments.filter((c) => `${c.owner}/${c.repo}` === repository && c.issue === issue),
    // ---- end of issue comments ----
    roles: {},
    fault(spec) {
      const fault: GitHubFault = { ...spec, hits: 0 };
      faults.push(fault);
      return fault;
    },
    count: (route) => fake.requests.filter((request) => request.route === route).length,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  function releaseJson(release: FakeRelease): Record<string, unknown> {
    const { owner, repo, id, tag } = release;
    return {
      id,
      tag_name: tag,
      name: tag,
      draft: release.draft,
      prerelease: false,
      immutable: release.immutable,
      url: `${url}/repos/${owner}/${repo}/releases/${id}`,
      html_url: `${url}/${owner}/${repo}/releases/tag/${encodeURIComponent(tag)}`,
      upload_url: `${url}/uploads/repos/${owner}/${repo}/releases/${id}/assets{?name,label}`,
      assets: release.assets.map((asset) => assetJson(release, asset)),
    };
  }

  function assetJson(release: FakeRelease, asset: FakeAsset): Record<string, unknown> {
    return {
      id: asset.id,
      name: asset.name,
      label: null,
      state: asset.state,
      content_type: asset.contentType,
      size: asset.size,
      url: `${url}/repos/${release.owner}/${release.repo}/releases/assets/${asset.id}`,
      browser_download_url: `${url}/${release.owner}/${release.repo}/releases/download/${encodeURIComponent(release.tag)}/${encodeURIComponent(asset.name)}`,
    };
  }

  const find = (owner: string, repo: string, test: (r: FakeRelease) => boolean) =>
    fake.releases.find((r) => r.owner === owner && r.repo === repo && test(r));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The body is read as a stream, hashed, and kept only when asked to.
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    let bodyBytes = 0;
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      bodyBytes += buffer.length;
      hash.update(buffer);
      if (fake.keepUploadBytes) chunks.push(buffer);
    }
    const body: UploadBody = { data: Buffer.concat(chunks), size: bodyBytes, sha256: hash.digest('hex') };
    const method = req.method ?? 'GET';
    const target = new URL(req.url ?? '/', url);
    const parts = target.pathname.split('/').slice(1).map(decodeURIComponent);
    const call = { method, target, parts, body, headers: req.headers };
    const route = routeOf(call);
    fake.requests.push({ method, path: req.url ?? '/', headers: req.headers, bodyBytes, route, at: Date.now() });

    if (route === 'download') return serveDownload(call, res);
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${fake.token}` && auth !== `Bearer ${fake.token}`) {
      return json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    if (parts[0] === 'repos' && parts[3] === 'actions') return workflowRunRoute(method, parts, res);
    if (parts[0] === 'repos' && parts[3] === 'collaborators') return permissionRoute(method, parts, res);
    // Issue comments: see the block at the end of this file.
    if (method === 'GET' && target.pathname === '/user') return authenticatedUser(fake, res);
    if (parts[0] === 'repos' && parts[3] === 'issues')
      return handleComments(fake, method, target, parts, body.data, res);
    if (!route) return json(res, 404, notFound);
    const fault = faults.find(
      (f) => f.on === route && f.hits < (f.times ?? 1) && (f.path === undefined || (req.url ?? '').includes(f.path)),
    );
    if (fault) {
      fault.hits += 1;
      return injectFault(fault, call, res);
    }
    return RELEASE_ROUTES[route](call, res);
  }

  // ------------------------------------------------------------ release routes

  /** Which release call a request is, from its method and path. */
  function routeOf({ method, parts }: Call): ReleaseRoute | undefined {
    // Public downloads: /:owner/:repo/releases/download/:tag/:name
    if (method === 'GET' && parts.length === 6 && parts[2] === 'releases' && parts[3] === 'download') return 'download';
    const upload = parts[0] === 'uploads';
    const [repos, , , releases, ...rest] = upload ? parts.slice(1) : parts;
    if (repos !== 'repos' || releases !== 'releases') return undefined;
    if (upload) return method === 'POST' && rest.length === 2 && rest[1] === 'assets' ? 'upload' : undefined;
    if (method === 'GET' && rest.length === 0) return 'list-releases';
    if (method === 'GET' && rest.length === 2 && rest[0] === 'tags') return 'release-by-tag';
    if (method === 'GET' && rest.length === 2 && rest[1] === 'assets') return 'list-assets';
    if (method === 'DELETE' && rest.length === 2 && rest[0] === 'assets') return 'delete-asset';
    return undefined;
  }

  /** `/repos/:owner/:repo/releases/...` (or under `/uploads`): owner, repo and what follows `releases`. */
  function releasePath(parts: string[]): { owner: string; repo: string; rest: string[] } {
    const [, owner = '', repo = '', , ...rest] = parts[0] === 'uploads' ? parts.slice(1) : parts;
    return { owner, repo, rest };
  }

  const RELEASE_ROUTES: Record<Exclude<ReleaseRoute, 'download'>, (call: Call, res: ServerResponse) => void> = {
    // GET /repos/:o/:r/releases/tags/:tag (drafts are not found by tag, as on GitHub)
    'release-by-tag': ({ parts }, res) => {
      const { owner, repo, rest } = releasePath(parts);
      const release = find(owner, repo, (r) => r.tag === rest[1] && !r.draft);
      return release ? json(res, 200, releaseJson(release)) : json(res, 404, notFound);
    },
    // GET /repos/:o/:r/releases?per_page=&page= (drafts included, newest first)
    'list-releases': ({ parts, target }, res) => {
      const { owner, repo } = releasePath(parts);
      const all = fake.releases.filter((r) => r.owner === owner && r.repo === repo).reverse();
      return page(target, res, all, releaseJson);
    },
    // GET /repos/:o/:r/releases/:id/assets?per_page=&page=
    'list-assets': ({ parts, target }, res) => {
      const { owner, repo, rest } = releasePath(parts);
      const release = find(owner, repo, (r) => String(r.id) === rest[0]);
      if (!release) return json(res, 404, notFound);
      return page(target, res, release.assets, (asset) => assetJson(release, asset));
    },
    // DELETE /repos/:o/:r/releases/assets/:id
    'delete-asset': ({ parts }, res) => {
      if (fake.forbidWrites) return json(res, 403, forbidden);
      const { owner, repo, rest } = releasePath(parts);
      for (const release of fake.releases) {
        const index = release.assets.findIndex((a) => String(a.id) === rest[1]);
        if (index >= 0 && release.owner === owner && release.repo === repo) {
          release.assets.splice(index, 1);
          res.writeHead(204).end();
          return;
        }
      }
      return json(res, 404, notFound);
    },
    // POST /uploads/repos/:o/:r/releases/:id/assets?name=
    upload: (call, res) => {
      if (fake.forbidWrites) return json(res, 403, forbidden);
      const checked = checkUpload(call, res);
      if (!checked) return;
      const asset = addAsset(checked.release, checked.name, call, 'uploaded');
      return json(res, 201, assetJson(checked.release, asset));
    },
  };

  /** The release and asset name of an upload, or undefined once an error has been answered. */
  function checkUpload({ parts, target, headers }: Call, res: ServerResponse) {
    const { owner, repo, rest } = releasePath(parts);
    const release = find(owner, repo, (r) => String(r.id) === rest[0]);
    if (!release) return json(res, 404, notFound);
    const name = target.searchParams.get('name');
    if (!name) return json(res, 422, validationFailed('missing'));
    if (headers['content-length'] === undefined) return json(res, 411, { message: 'Length Required' });
    if (release.immutable && !release.draft) {
      return json(res, 422, { message: 'Cannot upload assets to an immutable release.' });
    }
    if (release.assets.some((a) => a.name === name)) return json(res, 422, validationFailed('already_exists'));
    return { release, name };
  }

  function addAsset(release: FakeRelease, name: string, { body, headers }: Call, state: FakeAsset['state']) {
    const asset: FakeAsset = { id: nextId++, name, contentType: headers['content-type'] ?? '', ...body, state };
    release.assets.push(asset);
    return asset;
  }

  function injectFault(fault: GitHubFault, call: Call, res: ServerResponse): void {
    if (fault.kind === 'hang') return; // close() destroys the socket
    if (fault.kind === 'starter') {
      const checked = checkUpload(call, res);
      if (checked) addAsset(checked.release, checked.name, call, 'starter');
      if (!checked) return;
    }
    if (fault.kind === 'reset' || fault.kind === 'starter') {
      res.socket?.resetAndDestroy();
      return;
    }
    const text = JSON.stringify(
      fault.body ?? { message: fault.message ?? 'Injected failure', documentation_url: DOCS },
    );
    res.writeHead(fault.status ?? 500, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...fault.headers,
    });
    res.end(text);
  }

  /** Public downloads: /:owner/:repo/releases/download/:tag/:name */
  function serveDownload({ parts }: Call, res: ServerResponse): void {
    const release = find(parts[0]!, parts[1]!, (r) => r.tag === parts[4]);
    const asset = release?.assets.find((a) => a.name === parts[5] && a.state === 'uploaded');
    if (!asset) return json(res, 404, { message: 'Not Found' });
    res.writeHead(200, { 'Content-Type': asset.contentType, 'Content-Length': asset.data.length });
    res.end(asset.data);
  }

  // ---- Workflow runs (issue 13, reuse: rerun) ----
  /** GET /repos/:o/:r/actions/runs/:id: `{id, created_at, run_attempt}`, or 403 when forbidden. */
  function workflowRunRoute(method: string, parts: string[], res: ServerResponse): void {
    const [, owner, repo, , runs, id] = parts;
    if (method !== 'GET' || runs !== 'runs' || parts.length !== 6) return json(res, 404, notFound);
    if (fake.forbidActionsRead) {
      return json(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run',
        status: '403',
      });
    }
    const run = fake.workflowRuns.find((r) => r.owner === owner && r.repo === repo && String(r.id) === id);
    if (!run) return json(res, 404, notFound);
    return json(res, 200, {
      id: run.id,
      created_at: run.createdAt,
      run_started_at: run.createdAt,
      run_attempt: run.runAttempt,
      status: 'in_progress',
    });
  }
  // ---- end workflow runs ----

  /** GET /repos/:o/:r/collaborators/:user/permission: the login's role, `permission` folded as GitHub does. */
  function permissionRoute(method: string, parts: string[], res: ServerResponse): void {
    if (method !== 'GET' || parts.length !== 6 || parts[5] !== 'permission') return json(res, 404, notFound);
    if (fake.permissionFailure) {
      const { status, body } = fake.permissionFailure;
      res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(body) });
      return void res.end(body);
    }
    const login = parts[4]!;
    const role = fake.roles[login];
    if (!role) return json(res, 404, notFound);
    const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    return json(res, 200, { permission, role_name: role, user: { login } });
  }

  return fake;
}

interface UploadBody {
  data: Buffer;
  size: number;
  sha256: string;
}

/** One request, read: what the routes look at. */
interface Call {
  method: string;
  target: URL;
  parts: string[];
  body: UploadBody;
  headers: IncomingHttpHeaders;
}

/** One page of `items` (`per_page`, `page`), with a `Link: rel="next"` header when more follow. */
function page<T>(target: URL, res: ServerResponse, items: T[], toJson: (item: T) => unknown): void {
  const perPage = Number(target.searchParams.get('per_page') ?? 30);
  const number = Number(target.searchParams.get('page') ?? 1);
  if (number * perPage < items.length) {
    const next = new URL(target);
    next.searchParams.set('page', String(number + 1));
    res.setHeader('Link', `<${next.href}>; rel="next"`);
  }
  json(res, 200, items.slice((number - 1) * perPage, number * perPage).map(toJson));
}

function validationFailed(code: string): Record<string, unknown> {
  return { message: 'Validation Failed', errors: [{ resource: 'ReleaseAsset', code, field: 'name' }] };
}

const DOCS = 'https://docs.github.com/rest/releases';
const notFound = { message: 'Not Found', documentation_url: DOCS };
const forbidden = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/releases/assets',
  status: '403',
};

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

// ---------------------------------------------------------------------------
// Issue comments (pull request previews): list with pagination, create, update.
// Kept in one block, apart from the release routes above.
// ---------------------------------------------------------------------------

export interface FakeComment {
  id: number;
  owner: string;
  repo: string;
  /** The issue or pull request number. */
  issue: number;
  body: string;
  login: string;
  createdAt: string;
  updatedAt: string;
}

/** The login the fake writes comments as: the GITHUB_TOKEN's bot. */
export const FAKE_BOT_LOGIN = 'github-actions[bot]';

let nextCommentId = 5000;

function seedComment(
  fake: FakeGitHub,
  repository: string,
  issue: number,
  body: string,
  login = 'octocat',
): FakeComment {
  const [owner = '', repo = ''] = repository.split('/');
  const now = new Date().toISOString();
  const comment: FakeComment = { id: nextCommentId++, owner, repo, issue, body, login, createdAt: now, updatedAt: now };
  fake.comments.push(comment);
  return comment;
}

function commentJson(fake: FakeGitHub, comment: FakeComment): Record<string, unknown> {
  const { owner, repo, id, issue } = comment;
  return {
    id,
    body: comment.body,
    user: { login: comment.login, type: comment.login.endsWith('[bot]') ? 'Bot' : 'User' },
    author_association: comment.login.endsWith('[bot]') ? 'NONE' : 'OWNER',
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    url: `${fake.url}/repos/${owner}/${repo}/issues/comments/${id}`,
    issue_url: `${fake.url}/repos/${owner}/${repo}/issues/${issue}`,
    html_url: `${fake.url}/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
  };
}

const commentsForbidden = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '403',
};

/** `GET /user`: a personal access token's user; installation tokens (the bot) may not ask. */
function authenticatedUser(fake: FakeGitHub, res: ServerResponse): void {
  if (fake.tokenLogin.endsWith('[bot]')) return json(res, 403, { ...commentsForbidden, status: '403' });
  return json(res, 200, { login: fake.tokenLogin, type: 'User' });
}

/** Routes under /repos/:o/:r/issues/ (authorization already checked). */
function handleComments(
  fake: FakeGitHub,
  method: string,
  target: URL,
  parts: string[],
  data: Buffer,
  res: ServerResponse,
): void {
  const [, owner = '', repo = '', , first = '', second] = parts;
  // GET|POST /repos/:o/:r/issues/:n/comments
  if (parts.length === 6 && /^\d+$/.test(first) && second === 'comments') {
    const issue = Number(first);
    if (method === 'GET') {
      const all = fake.commentsOn(`${owner}/${repo}`, issue);
      const perPage = Math.min(Number(target.searchParams.get('per_page') ?? 30), 100);
      const page = Number(target.searchParams.get('page') ?? 1);
      if (page * perPage < all.length) {
        const next = new URL(target);
        next.searchParams.set('page', String(page + 1));
        res.setHeader('Link', `<${next.href}>; rel="next"`);
      }
      const slice = all.slice((page - 1) * perPage, page * perPage);
      return json(
        res,
        200,
        slice.map((comment) => commentJson(fake, comment)),
      );
    }
    if (method === 'POST') {
      if (fake.forbidCommentWrites) return json(res, 403, commentsForbidden);
      const text = commentBody(data);
      if (text === undefined)
        return json(res, 422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing' }] });
      const comment = seedComment(fake, `${owner}/${repo}`, issue, text, fake.tokenLogin);
      return json(res, 201, commentJson(fake, comment));
    }
  }
  // PATCH /repos/:o/:r/issues/comments/:id
  if (parts.length === 6 && first === 'comments' && method === 'PATCH') {
    if (fake.forbidCommentWrites) return json(res, 403, commentsForbidden);
    const comment = fake.comments.find((c) => String(c.id) === second && c.owner === owner && c.repo === repo);
    if (!comment) return json(res, 404, notFound);
    const text = commentBody(data);
    if (text === undefined)
      return json(res, 422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing' }] });
    comment.body = text;
    comment.updatedAt = new Date().toISOString();
    return json(res, 200, commentJson(fake, comment));
  }
  return json(res, 404, notFound);
}

/** The `body` of a JSON request, or undefined when missing or over GitHub's 65536 characters. */
function commentBody(data: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(data.toString('utf8')) as { body?: unknown };
    return typeof parsed.body === 'string' && parsed.body.length <= 65_536 ? parsed.body : undefined;
  } catch {
    return undefined;
  }
}
// ---- end of issue comments ----
