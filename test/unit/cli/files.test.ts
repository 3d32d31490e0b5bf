/** The gate's file reads and git lookup, over the extension's shared core (fileProbe, containment, gitLocate). */
import { chmodSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGit, readTextInside } from '../../../src/cli/files';
import { tempDir, write } from './repo';

describe('readTextInside', () => {
  it('reads a file and a link inside the folder, refuses a link that leads out, says what is missing or too large', async () => {
    const root = realpathSync(tempDir('ml-files-'));
    const outside = realpathSync(tempDir('ml-outside-'));
    write(root, 'a.ts', 'inside\n');
    write(outside, 'secret.txt', 'secret\n');
    symlinkSync(join(root, 'a.ts'), join(root, 'in.ts'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'out.ts'));
    expect(await readTextInside(root, join(root, 'a.ts'), 100)).toEqual({ ok: true, text: 'inside\n' });
    expect(await readTextInside(root, join(root, 'in.ts'), 100)).toEqual({ ok: true, text: 'inside\n' });
    expect(await readTextInside(root, join(root, 'out.ts'), 100)).toEqual({ ok: false, missing: false, reason: `is outside ${root} (a symbolic link?)` });
    expect(await readTextInside(root, join(root, 'none.ts'), 100)).toEqual({ ok: false, missing: true, reason: 'no longer exists' });
    expect(await readTextInside(root, join(root, 'a.ts'), 3)).toEqual({ ok: false, missing: false, reason: 'is 0.00 MB, more than the 0.00 MB limit' });
  });
});

describe('findGit', () => {
  it('takes the first git on PATH outside the checked folder and never one planted in it', async () => {
    const checked = realpathSync(tempDir('ml-checked-'));
    const elsewhere = realpathSync(tempDir('ml-bin-'));
    for (const dir of [join(checked, 'bin'), elsewhere]) {
      write(dir, 'git', '#!/bin/sh\n');
      chmodSync(join(dir, 'git'), 0o755);
    }
    expect(await findGit({ PATH: `relative:${join(checked, 'bin')}:${elsewhere}` }, '/', checked)).toBe(join(elsewhere, 'git'));
    expect(await findGit({ PATH: join(checked, 'bin') }, '/', checked)).toBeUndefined();
  });
});
