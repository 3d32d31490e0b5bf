import * as assert from 'node:assert/strict';
import { hoverTexts, linksLine, mutantAt, openWithMutants } from './helpers';

// The strings of the hostile report written by workspace.mjs, as markdown that renders them literally.
const MUTATOR = '\\[x\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)';
const REASON = '\\<b\\>bold\\<\\/b\\> \\*\\*strong\\*\\* \\[link\\]\\(command\\:workbench\\.action\\.terminal\\.new\\) \\`code\\`';
const TEST_NAME = '\\# heading \\!\\[img\\]\\(https\\:\\/\\/x\\/y\\.png\\) \\&amp\\; \\<script\\>alert\\(1\\)\\<\\/script\\>';

describe('hostile report strings', () => {
  it('render literally: escaped text, a fence longer than any backtick run, a clipped replacement, no links but ours', async () => {
    const { uri, mutants } = await openWithMutants('hostile/src/evil.ts');
    const evil = mutantAt(mutants, '[x](command:workbench.action.terminal.new)', 1, 9);
    const head = '<img src=x onerror=alert(1)>[run](command:mutantLens.disableMutant)';
    const clipped = `${head}${'y'.repeat(299 - head.length)}…`;
    const texts = await hoverTexts(uri, 1, 12);
    assert.deepEqual(texts, [
      [
        [
          `**Survived** · ${MUTATOR}`,
          `\`\`\`\`diff\n-  return a >= b;\n+  return \`\`\`\n+${clipped}\n\`\`\`\``,
          `Reason: ${REASON}`,
          'Covered by 1 test:',
          `- ${TEST_NAME}`,
          await linksLine(uri, evil, false),
        ].join('\n\n'),
      ],
    ]);
  });
});
