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
  ['electron/cli/probe.ts', '../core/pipeline/burn.ts'],
  ['electron/main/probe.ts', '../core/service/service.ts'],
  ['renderer/probe.ts', '../shared/regions.ts'],
];

const eslint = new ESLint();

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
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/may not import/);
  });

  it.each(['./core/pipeline/burn.ts', './cli/args.ts', './main/security.ts'])(
    'refuses the preload importing %s',
    async (source) => {
      const [result] = await eslint.lintText(`import '${source}';\n`, {
        filePath: 'electron/preload.ts',
      });
      const rules = (result?.messages ?? []).map((m) => m.ruleId);
      expect(rules).toContain('no-restricted-imports');
    },
  );

  it.each(ALLOWED)('lets %s import %s', async (from, source) => {
    expect(await layerErrors(from, source)).toEqual([]);
  });
});
