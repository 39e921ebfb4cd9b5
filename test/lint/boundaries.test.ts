import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Each arrow against the grain, written as a file of that layer would write it: lint must refuse
// every one (README, "Layout"). The targets exist, so the import resolves and only the layer rule
// can object.
const FORBIDDEN: [from: string, source: string][] = [
  ['shared/probe.ts', '../electron/core/pipeline/burn.ts'],
  ['shared/probe.ts', '../renderer/i18n.ts'],
  ['renderer/probe.ts', '../electron/core/pipeline/burn.ts'],
  ['renderer/probe.ts', '../electron/main/security.ts'],
  ['electron/core/pipeline/probe.ts', '../../main/security.ts'],
  ['electron/core/pipeline/probe.ts', '../../cli/args.ts'],
  ['electron/core/service/probe.ts', '../../../renderer/i18n.ts'],
  ['electron/cli/probe.ts', '../main/security.ts'],
  ['electron/main/probe.ts', '../cli/args.ts'],
];

const ALLOWED: [from: string, source: string][] = [
  ['electron/core/pipeline/probe.ts', '../../../shared/regions.ts'],
  ['electron/core/pipeline/probe.ts', './find/mrz.ts'],
  ['electron/cli/probe.ts', '../core/pipeline/index.ts'],
  ['electron/cli/probe.ts', '../core/files/read-file.ts'],
  ['electron/core/service/probe.ts', '../pipeline/index.ts'],
  ['electron/main/probe.ts', '../core/service/service.ts'],
  ['renderer/probe.ts', '../shared/regions.ts'],
];

const eslint = new ESLint();

// The pipeline's inside, imported from outside it: only its index.ts is a door.
const PAST_THE_DOOR: [from: string, source: string][] = [
  ['electron/cli/probe.ts', '../core/pipeline/burn.ts'],
  ['electron/cli/probe.ts', '../core/pipeline/find/mrz.ts'],
  ['electron/core/service/probe.ts', '../pipeline/detect.ts'],
  ['electron/main/probe.ts', '../core/pipeline/export/png.ts'],
];

async function layerErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as m from '${source}';\nexport const x = m;\n`, {
    filePath,
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'boundaries/dependencies')
    .map((m) => m.message);
}

describe('lint keeps the layers pointing one way', () => {
  it.each(FORBIDDEN)('refuses %s importing %s', async (from, source) => {
    const errors = await layerErrors(from, source);
    expect(errors.filter((e) => /may not import/.test(e))).toHaveLength(1);
  });

  it.each(PAST_THE_DOOR)('refuses %s importing %s, past the door', async (from, source) => {
    expect(await layerErrors(from, source)).toEqual([
      'Import the pipeline through electron/core/pipeline/index.ts, its one door',
    ]);
  });

  // Single files at electron/'s top, guarded by a rule of their own each.
  it.each([
    ['electron/preload.ts', './core/pipeline/burn.ts'],
    ['electron/preload.ts', './cli/args.ts'],
    ['electron/preload.ts', './main/security.ts'],
    ['electron/launch.ts', './core/pipeline/index.ts'],
    ['electron/launch.ts', '../shared/regions.ts'],
    ['electron/launch.ts', 'electron'],
  ])('refuses %s importing %s', async (filePath, source) => {
    const [result] = await eslint.lintText(`import '${source}';\n`, { filePath });
    const rules = (result?.messages ?? []).map((m) => m.ruleId);
    expect(rules).toContain('no-restricted-imports');
  });

  it('lets the app entry start the window or the command', async () => {
    const [result] = await eslint.lintText(
      `import './main/main.ts';\nimport './cli/command-arguments.ts';\n`,
      { filePath: 'electron/launch.ts' },
    );
    expect((result?.messages ?? []).map((m) => m.ruleId)).not.toContain('no-restricted-imports');
  });

  it.each(ALLOWED)('lets %s import %s', async (from, source) => {
    expect(await layerErrors(from, source)).toEqual([]);
  });
});
