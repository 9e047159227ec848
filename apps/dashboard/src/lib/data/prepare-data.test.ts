import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';

const script = path.resolve(__dirname, '../../../scripts/prepare-data.mjs');

function prepare(from: string) {
  const to = mkdtempSync(path.join(tmpdir(), 'dashboard-data-'));
  execFileSync(process.execPath, [script, '--from', from, '--to', to], { stdio: 'pipe' });
  return {
    to,
    manifest: parseManifest(JSON.parse(readFileSync(path.join(to, 'manifest.json'), 'utf8')), 'test'),
  };
}

describe('scripts/prepare-data.mjs', () => {
  it('copies each Arrow table under a content-hashed name and lists it in the manifest', () => {
    const from = mkdtempSync(path.join(tmpdir(), 'demo-'));
    const bytes = tableToIPC(
      tableFromArrays({ site_id: ['S1', 'S2'], births: Int32Array.of(10, 20) }),
      'stream',
    );
    writeFileSync(path.join(from, 'sites.arrow'), bytes);
    writeFileSync(path.join(from, 'sites.csv'), 'site_id,births\n'); // not an Arrow table: ignored
    writeFileSync(path.join(from, 'SOURCE.txt'), 'Test network, synthetic\n');

    const { to, manifest } = prepare(from);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(manifest.source).toBe('Test network, synthetic');
    expect(manifest.tables).toEqual([
      {
        table: 'sites',
        file: `sites.${sha256.slice(0, 12)}.arrow`,
        bytes: bytes.byteLength,
        rows: 2,
        sha256,
        columns: [
          { name: 'site_id', type: 'Dictionary<Int32, Utf8>' },
          { name: 'births', type: 'Int32' },
        ],
      },
    ]);
    expect(readdirSync(to).sort()).toEqual(['manifest.json', `sites.${sha256.slice(0, 12)}.arrow`]);
    expect(readFileSync(path.join(to, manifest.tables[0]?.file ?? ''))).toEqual(Buffer.from(bytes));
  });

  it('writes an empty manifest when there is no data, so the app can explain what to do', () => {
    const { manifest } = prepare(path.join(tmpdir(), 'no-such-directory'));
    expect(manifest.tables).toEqual([]);
  });
});
