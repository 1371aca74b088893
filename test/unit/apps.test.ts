import { describe, expect, it } from 'vitest';
import { parseAppList } from '../../src/armox/answers.js';
import { resolveApp } from '../../src/kinds/apps.js';
import { InputError } from '../../src/core/errors.js';

const apps = parseAppList({
  object: 'list',
  data: [
    {
      id: 'app-1',
      name: 'Sketch to Render',
      inputs: [{ id: 'i1', type: 'image', label: 'Input Images', required: true, allowMultiple: true }],
    },
    { id: 'app-2', name: 'Product Shot', inputs: [] },
    { id: 'app-3', name: 'product  shot', inputs: 'broken' },
    { name: 'no id' },
    'junk',
  ],
});

describe('parseAppList', () => {
  it('keeps usable apps and normalises their inputs', () => {
    expect(apps.map((app) => app.id)).toEqual(['app-1', 'app-2', 'app-3']);
    expect(apps[0]!.inputs[0]).toEqual({
      id: 'i1',
      type: 'image',
      label: 'Input Images',
      required: true,
      allowMultiple: true,
      targetHandle: undefined,
    });
    expect(apps[2]!.inputs).toEqual([]);
  });

  it('refuses a body without a data list', () => {
    expect(() => parseAppList({ apps: [] })).toThrow(/without a "data" list/);
    expect(() => parseAppList('<html>')).toThrow(/GET \/apps failed/);
  });
});

describe('resolveApp', () => {
  it('finds by id or by name, case- and space-insensitively', () => {
    expect(resolveApp(apps, { appId: 'app-2' }).name).toBe('Product Shot');
    expect(resolveApp(apps, { appName: '  sketch TO render ' }).id).toBe('app-1');
    expect(resolveApp(apps, { appName: 'Sketch  to\tRender' }).id).toBe('app-1');
  });

  it('lists the apps when nothing matches', () => {
    expect(() => resolveApp(apps, { appName: 'Poster' })).toThrow(InputError);
    expect(() => resolveApp(apps, { appName: 'Poster' })).toThrow(/matches no app[\s\S]*Sketch to Render\s+app-1/);
    expect(() => resolveApp(apps, { appId: 'nope' })).toThrow(/app-id "nope" is not among[\s\S]*Product Shot\s+app-2/);
  });

  it('asks for app-id when a name is ambiguous', () => {
    expect(() => resolveApp(apps, { appName: 'PRODUCT SHOT' })).toThrow(
      /matches 2 apps; use app-id[\s\S]*app-2[\s\S]*app-3/,
    );
  });
});
