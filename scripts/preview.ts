/**
 * `npm run preview`: renders the job summary and the pull-request comment of
 * each case in preview-cases.ts with GitHub's parser (cmark-gfm) and
 * stylesheet (github-markdown-css) to HTML in `preview/`, and, when Chromium
 * is installed, to PNG screenshots. Images are drawn as local placeholders.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderCommentDigest } from '../src/report/comment-digest.js';
import { renderCommentBody } from '../src/report/pr-comment.js';
import { renderSummary } from '../src/report/summary.js';
import { CASES } from './preview-cases.js';

const require = createRequire(import.meta.url);
const cmark = require('cmark-gfm') as { renderHtmlSync(md: string, options: object): string };
const OUT = path.resolve('preview');
const RUN_URL = 'https://github.com/octo/site/actions/runs/4242';
const SHA = '3f9c2b17d0a4e5f6a7b8c9d0e1f2a3b4c5d6e7f8';

/** GitHub's rendering: GFM with raw HTML passed on (GitHub then sanitises it). */
function toHtml(markdown: string): string {
  return cmark.renderHtmlSync(markdown, {
    unsafe: true,
    extensions: { table: true, strikethrough: true, autolink: true, tagfilter: true, tasklist: true },
  });
}

function page(title: string, body: string): string {
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  const placeholder = writePlaceholder();
  const local = body.replace(/<img src="[^"]*"/g, `<img src="${placeholder}"`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${css}
body{margin:0;background:#fff}.markdown-body{box-sizing:border-box;max-width:910px;padding:24px}</style></head>
<body><article class="markdown-body">${local}</article></body></html>`;
}

function writePlaceholder(): string {
  const file = path.join(OUT, 'placeholder.svg');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="#8fb8de"/><circle cx="460" cy="140" r="60" fill="#f5d76e"/><rect y="280" width="640" height="120" fill="#3b6e8f"/></svg>`;
  writeFileSync(file, svg);
  return `file://${file}`;
}

function chromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

function screenshot(browser: string, html: string, png: string, height: number): void {
  const profile = mkdtempSync(path.join(tmpdir(), 'armox-preview-'));
  try {
    execFileSync(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--hide-scrollbars',
        `--screenshot=${png}`,
        `--window-size=960,${height}`,
        `file://${html}`,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
const browser = chromium();
for (const [name, step] of Object.entries(CASES)) {
  const summary = renderSummary(step);
  const comment = renderCommentBody(
    '<!-- armox-app-action: preview -->',
    renderCommentDigest(step, { sha: SHA, runUrl: RUN_URL }),
    RUN_URL,
  );
  for (const [kind, markdown] of [
    ['summary', summary],
    ['comment', comment],
  ] as const) {
    const base = path.join(OUT, `${name}.${kind}`);
    writeFileSync(`${base}.md`, markdown);
    writeFileSync(`${base}.html`, page(`${name} ${kind}`, toHtml(markdown)));
    if (browser) screenshot(browser, `${base}.html`, `${base}.png`, 1800);
    console.log(
      `${`${name} ${kind}`.padEnd(28)} ${String(markdown.length).padStart(7)} characters${browser ? `  ${base}.png` : ''}`,
    );
  }
}
if (!browser) console.log('Chromium is not installed: HTML only (apt-get install -y chromium for screenshots).');
