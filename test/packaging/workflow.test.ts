import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Workflow {
  jobs: Record<
    string,
    { strategy: { matrix: { os: string[] } }; steps: { run?: string; name?: string }[] }
  >;
}

// The real-Electron checks live in CI (this machine cannot download Electron): the workflow must
// keep running them on all three systems.
describe('the real-Electron workflow', () => {
  const wf = load(readFileSync('.github/workflows/electron.yml', 'utf8')) as Workflow;
  const job = Object.values(wf.jobs)[0]!;
  const runs = job.steps.map((s) => s.run ?? '').join('\n');

  it('runs on Windows, macOS and Linux', () => {
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
  });

  it('fetches Electron, runs the tests, builds installers and smoke-tests the packaged program', () => {
    expect(runs).toContain('node scripts/ensure-electron.mjs');
    expect(runs).toContain('npm test');
    expect(runs).toContain('electron-builder --publish never');
    expect(runs).toMatch(/VK_SMOKE_APP=.*\n[\s\S]*npm run test:smoke/);
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<
      string,
      string
    >;
    expect(scripts['test:smoke']).toContain('test/smoke');
  });

  it('runs the command shipped inside the packaged program on every system', () => {
    expect(runs).toContain('linux-unpacked/resources/cli/veilige-kopie"');
    expect(runs).toContain('/Contents/Resources/cli/veilige-kopie');
    expect(runs).toContain('resources\\cli\\veilige-kopie.cmd redact');
  });
});
