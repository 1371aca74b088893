#!/usr/bin/env node
// @ts-check
/**
 * Fails when a dependency bundled into dist/ has a licence outside the
 * allow-list: every production package of package-lock.json (what ncc can
 * bundle), and every entry of the licence file ncc writes (dist/licenses.txt,
 * `<package>\n<licence>\n<text>` entries separated by blank lines).
 * Usage: node scripts/check-licenses.js [dist/licenses.txt] [package-lock.json]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Permissive licences whose terms the bundle meets by shipping dist/licenses.txt. */
export const ALLOWED = ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'BlueOak-1.0.0'];

/**
 * @param {string} text the licence file ncc writes
 * @returns {Array<{ name: string, license: string }>}
 */
export function parseLicenseFile(text) {
  const entries = [];
  const entry = /(?:^|\n\n)((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*)\n([^\n]+)\n/g;
  for (const match of text.replace(/\r\n/g, '\n').matchAll(entry)) {
    entries.push({ name: match[1] ?? '', license: (match[2] ?? '').trim() });
  }
  return entries;
}

/**
 * The packages npm installs for production (not dev), with their licence.
 * @param {{ packages?: Record<string, { dev?: boolean, devOptional?: boolean, license?: string }> }} lock
 */
export function productionPackages(lock) {
  return Object.entries(lock.packages ?? {})
    .filter(([where, info]) => where !== '' && !info.dev && !info.devOptional)
    .map(([where, info]) => ({ name: where.replace(/^.*node_modules\//, ''), license: info.license ?? 'UNKNOWN' }));
}

/**
 * A licence expression is allowed when every alternative of an OR has one allowed
 * licence, read simply: `MIT`, `(MIT OR Apache-2.0)`; anything else (AND, WITH, unknown) is not.
 * @param {string} expression
 */
export function isAllowed(expression) {
  const alternatives = expression.replace(/^\((.*)\)$/, '$1').split(/\s+OR\s+/);
  return alternatives.some((license) => ALLOWED.includes(license.trim()));
}

/**
 * Every bundled package whose licence is not allowed, each once.
 * @param {string} licenseText
 * @param {Parameters<typeof productionPackages>[0]} lock
 */
export function refusedLicenses(licenseText, lock) {
  const all = [...parseLicenseFile(licenseText), ...productionPackages(lock)];
  const refused = new Map();
  for (const { name, license } of all) if (!isAllowed(license)) refused.set(`${name}@${license}`, { name, license });
  return [...refused.values()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [licenseFile = 'dist/licenses.txt', lockFile = 'package-lock.json'] = process.argv.slice(2);
  const refused = refusedLicenses(readFileSync(licenseFile, 'utf8'), JSON.parse(readFileSync(lockFile, 'utf8')));
  if (refused.length > 0) {
    for (const { name, license } of refused) {
      console.log(
        `::error::${name} is bundled under ${license}, which is not on the allow-list (${ALLOWED.join(', ')}).`,
      );
    }
    process.exit(1);
  }
  console.log(`Every bundled licence is on the allow-list (${ALLOWED.join(', ')}).`);
}
