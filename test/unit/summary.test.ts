import { describe, expect, it } from 'vitest';
import { newReport } from '../../src/report.js';
import { renderSummary } from '../../src/summary.js';

describe('renderSummary', () => {
  it('shows a completed run with inline images, media links, text and files', () => {
    const report = {
      ...newReport(0),
      finishedAt: 95_000,
      outcome: 'completed' as const,
      appName: 'Poster Campaign',
      appId: 'app-1',
      jobId: 'job-1',
      status: 'completed',
      creditsCharged: 1000,
      items: [
        { nodeId: 'a', key: 'outputImage', kind: 'image' as const, value: 'https://s3.example/p/poster.png' },
        { nodeId: 'b', key: 'outputVideo', kind: 'video' as const, value: 'https://s3.example/p/teaser.mp4' },
        { nodeId: 'c', key: 'outputText', kind: 'text' as const, value: 'Line one\nLine *two*' },
      ],
      files: [{ url: 'https://s3.example/p/poster.png', path: 'renders/poster.png', bytes: 2_500_000 }],
    };
    const markdown = renderSummary(report);
    expect(markdown).toContain('## Armox · Poster Campaign: ✅ completed');
    expect(markdown).toContain('| Job id | <code>job-1</code> |');
    expect(markdown).toContain('| Credits charged | 1000 |');
    expect(markdown).toContain('| Duration | 1m35s |');
    expect(markdown).toContain('<img src="https://s3.example/p/poster.png" alt="poster.png" width="320">');
    expect(markdown).toContain('🎬 <a href="https://s3.example/p/teaser.mp4">teaser.mp4</a>');
    expect(markdown).toContain('> Line one\n> Line \\*two\\*');
    expect(markdown).toContain('| <code>renders/poster.png</code> | 2.4 MiB |');
  });

  it('shows the error and next steps of a failed run', () => {
    const markdown = renderSummary({
      ...newReport(0),
      outcome: 'failed',
      jobId: 'job-2',
      errorMessage: 'Model provider error',
      nextSteps: ['Run again'],
    });
    expect(markdown).toContain('❌ failed');
    expect(markdown).toContain('**Error**\n\n> Model provider error');
    expect(markdown).toContain('**What to do next**\n\n- Run again');
  });

  it('escapes markup that comes from the server', () => {
    const markdown = renderSummary({
      ...newReport(0),
      outcome: 'failed',
      appName: '<script>alert(1)</script>',
      errorMessage: '[click](https://evil.example) <img src=x onerror=alert(1)>',
      items: [{ nodeId: 'n', key: 'outputImage', kind: 'image', value: 'https://s3.example/a.png"onerror="alert(1)' }],
    });
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('<img src=x');
    expect(markdown).not.toContain('](https://evil.example)');
    expect(markdown).toContain('a.png&quot;onerror=&quot;alert(1)');
  });

  it('shows the request and skeleton of a dry run', () => {
    const markdown = renderSummary({
      ...newReport(0),
      outcome: 'dry-run',
      appName: 'Sketch to Render',
      dryRun: {
        request: { app_id: 'a', inputs: { x: 'y' } },
        skeleton: 'inputs: |\n  Aspect Ratio: ""',
        contract: 'table',
      },
    });
    expect(markdown).toContain('🧪 dry run: nothing submitted');
    expect(markdown).toContain('```json\n{\n  "app_id": "a"');
    expect(markdown).toContain('```yaml\ninputs: |');
  });
});
