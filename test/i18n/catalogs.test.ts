// Every string exists in English and Spanish: same namespaces, same keys, same {{placeholders}}.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectLanguage, matchLanguage } from '../../src/renderer/src/i18n/detect';

const LOCALES = 'src/renderer/src/i18n/locales';

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

const load = (lang: string, ns: string) =>
  flatten(JSON.parse(readFileSync(join(LOCALES, lang, `${ns}.json`), 'utf8')));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const namespaces = (lang: string) =>
  readdirSync(join(LOCALES, lang))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();

test('English and Spanish have the same namespaces', () => {
  assert.deepEqual(namespaces('es'), namespaces('en'));
  assert.ok(namespaces('en').includes('app'));
});

for (const ns of namespaces('en')) {
  test(`"${ns}": same keys and placeholders in both languages, none empty`, () => {
    const en = load('en', ns);
    const es = load('es', ns);
    assert.deepEqual([...es.keys()].sort(), [...en.keys()].sort());
    for (const [key, text] of en) {
      assert.notEqual(text.trim(), '', `${ns}:${key} is empty in English`);
      assert.notEqual((es.get(key) ?? '').trim(), '', `${ns}:${key} is empty in Spanish`);
      assert.deepEqual(placeholders(es.get(key) ?? ''), placeholders(text), `${ns}:${key} placeholders`);
    }
  });
}

test('the OS language picks the catalog unless the user chose one', () => {
  assert.equal(detectLanguage(null, ['es-AR', 'en-US']), 'es');
  assert.equal(detectLanguage(null, ['fr-FR', 'es']), 'es');
  assert.equal(detectLanguage(null, ['de-DE']), 'en');
  assert.equal(detectLanguage('en', ['es-ES']), 'en');
  assert.equal(detectLanguage('klingon', ['es-ES']), 'es');
  assert.equal(matchLanguage('ES_es'), 'es');
});
