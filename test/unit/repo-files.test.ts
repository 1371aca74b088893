import { describe, expect, it } from 'vitest';
import { isRepoFileValue, repoFileUrl } from '../../src/request/repo-files.js';

const sha = '0123456789abcdef0123456789abcdef01234567';

describe('repoFileUrl', () => {
  it('uses raw.githubusercontent.com on github.com, and when the server URL is unknown', () => {
    const expected = `https://raw.githubusercontent.com/octo/app/${sha}/sketches/hall.png`;
    expect(repoFileUrl('https://github.com', 'octo/app', sha, 'sketches/hall.png')).toBe(expected);
    expect(repoFileUrl('https://GitHub.com/', 'octo/app', sha, 'sketches/hall.png')).toBe(expected);
    expect(repoFileUrl(undefined, 'octo/app', sha, 'sketches/hall.png')).toBe(expected);
  });

  it('uses <server>/<owner>/<repo>/raw/<sha>/<path> elsewhere, keeping a path prefix', () => {
    expect(repoFileUrl('https://ghe.corp.example', 'octo/app', sha, 'a/b.png')).toBe(
      `https://ghe.corp.example/octo/app/raw/${sha}/a/b.png`,
    );
    expect(repoFileUrl('https://corp.example/github/', 'octo/app', sha, 'b.png')).toBe(
      `https://corp.example/github/octo/app/raw/${sha}/b.png`,
    );
  });

  it('encodes each path segment, not the slashes between them', () => {
    expect(repoFileUrl('https://github.com', 'octo/app', sha, 'my sketches/hall #1?.png')).toBe(
      `https://raw.githubusercontent.com/octo/app/${sha}/my%20sketches/hall%20%231%3F.png`,
    );
    expect(repoFileUrl('https://github.com', 'octo/app', sha, 'café/日本.png')).toBe(
      `https://raw.githubusercontent.com/octo/app/${sha}/caf%C3%A9/%E6%97%A5%E6%9C%AC.png`,
    );
  });

  it('serves Git LFS files from media.githubusercontent.com on github.com', () => {
    expect(repoFileUrl('https://github.com', 'octo/app', sha, 'big.png', true)).toBe(
      `https://media.githubusercontent.com/media/octo/app/${sha}/big.png`,
    );
    // GitHub Enterprise Server's /raw/ redirects LFS files itself.
    expect(repoFileUrl('https://ghe.example', 'octo/app', sha, 'big.png', true)).toBe(
      `https://ghe.example/octo/app/raw/${sha}/big.png`,
    );
  });
});

describe('isRepoFileValue', () => {
  it('is true for anything but an http(s) URL', () => {
    expect(isRepoFileValue('sketches/hall.png')).toBe(true);
    expect(isRepoFileValue('./hall.png')).toBe(true);
    expect(isRepoFileValue('ftp://host/x.png')).toBe(true);
    expect(isRepoFileValue('https://example.com/x.png')).toBe(false);
    expect(isRepoFileValue('  http://example.com/x.png ')).toBe(false);
  });
});
