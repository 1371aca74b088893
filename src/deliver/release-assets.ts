/**
 * Attaching files to a release as assets: one at a time, each upload streamed
 * from disk and retried, replacing what an earlier run or a failed attempt left
 * under the same name — never what this step attached itself.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ActionError, DeliveryTimeoutError, TimeoutError } from '../core/errors.js';
import { claimUniqueName, contentTypeForName } from './file-names.js';
import { formatBytes, formatDuration } from '../core/format.js';
import {
  connect,
  everyPage,
  GitHubCallError,
  GitHubCalls,
  transportProblem,
  type GitHubCallHints,
  type GitHubCallOptions,
} from '../core/github-api.js';
import { openExchange, sweepBuffersPromptly, type HttpExchange } from '../core/http.js';
import type { Logger } from '../core/log.js';
import { describeSystemError, isObject } from '../core/text.js';
import { USER_AGENT } from '../core/version.js';
import { RELEASE_PERMISSION_HINT, type ReleaseTarget } from './release.js';

export interface UploadOptions extends GitHubCallOptions {
  token: string;
  apiUrl: string;
  log: Logger;
  /** Called as each asset is complete on the release, so assets uploaded before a failure are known. */
  onAssetUploaded?: (url: string, name: string) => void;
  /**
   * The asset names (lower-cased) this step has given so far, shared by all
   * its calls (a batch's items): a file whose name is taken gets a numbered
   * one, so nothing this step attached is replaced. One call's own by default.
   */
  taken?: Set<string>;
}

/** GitHub's answers to these calls are small; a bigger one is not GitHub. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** An asset a failed upload left under the name being uploaded: the next attempt deletes it first. */
const ASSET_IN_THE_WAY: GitHubCallHints['inTheWay'] = {
  retrying: 'an asset with that name is in the way (left by a failed upload); deleting it and trying again',
  gaveUp: (tries) =>
    `an asset with that name is still in the way after ${tries} attempts; delete it on the release page and run again.`,
};

/**
 * Attaches `files` to the release, one at a time (GitHub's advice against
 * secondary rate limits), and returns their download URLs. An asset of the
 * same name already on the release (from an earlier run) is replaced; a name
 * this step has already given (`options.taken`) is not: the file is attached
 * under the next free `name-2.ext`, the same way download-dir names files. Each
 * upload is retried on transient failures and rate limits within the
 * deadline; before a retry, whatever a failed upload left behind under that
 * name (a `starter` asset) is deleted, so each name ends with exactly one
 * complete asset. The timeout running out is a DeliveryTimeoutError.
 */
export async function uploadReleaseAssets(
  target: ReleaseTarget,
  files: Array<{ absolutePath: string; name: string }>,
  options: UploadOptions,
): Promise<string[]> {
  try {
    return await uploadEach(target, files, options);
  } catch (error) {
    // A GitHub call says the step's timeout ran out; here, that is delivering the files.
    throw error instanceof TimeoutError && !(error instanceof DeliveryTimeoutError)
      ? new DeliveryTimeoutError(error.message)
      : error;
  }
}

async function uploadEach(
  target: ReleaseTarget,
  files: Array<{ absolutePath: string; name: string }>,
  options: UploadOptions,
): Promise<string[]> {
  if (files.length === 0) return [];
  sweepBuffersPromptly();
  const { owner, repo, releaseId, tag } = target;
  const octokit = await connect(options.token, options.apiUrl, options.log, options.userAgent);
  const github = new GitHubCalls(octokit, options, {
    notFound: `release ${tag} (id ${releaseId}) is not in ${owner}/${repo} any more; was it deleted while the job ran?`,
    permission: RELEASE_PERMISSION_HINT,
    inTheWay: ASSET_IN_THE_WAY,
  });
  const assets = new ReleaseAssets(github, target, options);
  let existing = await assets.list();

  const taken = options.taken ?? new Set<string>();
  const urls: string[] = [];
  for (const [index, file] of files.entries()) {
    // The name it gets when nothing clashes (claimUniqueName also shortens long names).
    const wanted = claimUniqueName(releaseAssetName(file.name), new Set());
    const name = claimUniqueName(wanted, taken);
    if (name !== wanted) {
      options.log.warning(
        `Another file of this step is already attached to release ${target.tag} as ${wanted}: attaching ${file.absolutePath} as ${name} instead.`,
      );
    }
    for (const old of existing.filter((asset) => releaseAssetName(asset.name) === name)) {
      options.log.info(`Replacing the asset ${old.name} already on release ${target.tag}.`);
      await assets.delete(old);
    }
    existing = existing.filter((asset) => releaseAssetName(asset.name) !== name);
    const url = await assets.upload(file.absolutePath, name, `${index + 1} of ${files.length}`);
    options.onAssetUploaded?.(url, name);
    urls.push(url);
  }
  return urls;
}

interface Asset {
  id: number;
  name: string;
  state?: string;
}

/** The assets of one release: list, delete, upload (each retried and bounded). */
class ReleaseAssets {
  private readonly uploadBase: string;
  private readonly where: string;

  constructor(
    private readonly github: GitHubCalls,
    private readonly target: ReleaseTarget,
    private readonly options: UploadOptions,
  ) {
    this.uploadBase = target.uploadUrl.replace(/\{[^}]*\}$/, '');
    this.where = `release ${target.tag}`;
  }

  async list(): Promise<Asset[]> {
    const { owner, repo, releaseId } = this.target;
    const { octokit } = this.github;
    return everyPage(this.github, `list the assets of ${this.where}`, (page, request) =>
      octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: releaseId, per_page: 100, page, request }),
    );
  }

  async delete(asset: Asset): Promise<void> {
    const { owner, repo } = this.target;
    await this.github.call(
      `delete the asset ${asset.name} from ${this.where}`,
      async (request) => {
        await this.github.octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id, request });
      },
      // Already gone (a concurrent re-run) is what we wanted.
      () => undefined,
    );
  }

  /** Deletes whatever is on the release under `name`: what a failed upload may have left behind. */
  async clear(name: string): Promise<void> {
    for (const asset of await this.list()) {
      if (asset.name !== name) continue;
      this.options.log.info(
        `Deleting the ${asset.state && asset.state !== 'uploaded' ? `incomplete (${asset.state}) ` : ''}asset ${name} a failed upload left on ${this.where}.`,
      );
      await this.delete(asset);
    }
  }

  /** Uploads one file as `name`, retried within the deadline; its browser_download_url. */
  async upload(file: string, name: string, position: string): Promise<string> {
    const { log } = this.options;
    const what = `${name} to ${this.where}`;
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      throw new ActionError(`Could not upload ${what}: cannot read ${file} (${describeSystemError(error)}).`);
    }
    log.info(`Uploading ${name} (${formatBytes(size)}) to ${this.where} (${position}).`);
    const started = Date.now();
    const url = await this.github.retrying(`upload ${what}`, async (attempt) => {
      if (attempt > 1) await this.clear(name);
      return this.post(file, name, size);
    });
    log.info(`Uploaded ${name} to ${this.where} in ${formatDuration(Date.now() - started)}: ${url}`);
    return url;
  }

  /**
   * POSTs one file to the release's upload URL, streamed from disk, through
   * the shared HTTP exchange (which honours the runner's proxy settings)
   * rather than Octokit: Octokit sends with fetch, and undici's fetch keeps a
   * streamed request body in memory until the request ends
   * (nodejs/undici#4058), so a 1 GB asset would cost 1 GB of RAM.
   */
  private async post(file: string, name: string, size: number): Promise<string> {
    const url = new URL(this.uploadBase);
    url.searchParams.set('name', name);
    const stream = createReadStream(file);
    let exchange: HttpExchange | undefined;
    try {
      exchange = await openExchange({
        method: 'POST',
        url: url.href,
        headers: {
          Authorization: `token ${this.options.token}`,
          Accept: 'application/vnd.github+json',
          'Content-Type': contentTypeForName(name),
          // GitHub needs the length up front (no chunked uploads).
          'Content-Length': String(size),
        },
        body: stream,
        userAgent: this.options.userAgent ?? USER_AGENT,
        deadline: this.options.deadline,
        idleTimeoutMs: this.options.requestTimeoutMs ?? 60_000,
        signal: this.options.signal,
      });
      const text = await exchange.readText(MAX_ANSWER_BYTES);
      const data = parseJson(text);
      if (exchange.status === 201 || exchange.status === 200) {
        if (isObject(data) && typeof data.browser_download_url === 'string') return data.browser_download_url;
        throw new ActionError(`Uploaded ${name}, but GitHub's answer has no browser_download_url.`);
      }
      throw GitHubCallError.from({ status: exchange.status, headers: exchange.response.headers, data });
    } catch (error) {
      throw transportProblem(error);
    } finally {
      exchange?.close();
      stream.destroy();
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The name GitHub will keep for an asset. GitHub renames names with other
 * characters (`a b.png` becomes `a.b.png`); naming assets this way ourselves
 * means a re-run finds the asset it uploaded before, under the same name.
 */
export function releaseAssetName(name: string): string {
  const extension = /\.[A-Za-z0-9]{1,12}$/.exec(name)?.[0] ?? '';
  const stem = name
    .slice(0, name.length - extension.length)
    .replace(/[^A-Za-z0-9_-]+/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `${stem || 'asset'}${extension}`;
}
