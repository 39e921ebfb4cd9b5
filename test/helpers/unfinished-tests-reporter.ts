import type { Reporter, TestModule } from 'vitest/node';

/**
 * Names the tests a dead test process never finished. When a test file's process dies (a native
 * crash, the kernel's OOM killer), Vitest says only "Worker exited unexpectedly" and leaves the
 * file out of its list, so a CI log could not tell which file or test died. Printed last, where a
 * shortened log still shows it.
 */
export default class UnfinishedTestsReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const unfinished = modules.flatMap((m) =>
      [...m.children.allTests()]
        .filter((t) => t.result().state === 'pending' && t.options.mode === 'run')
        .map((t) => `${m.relativeModuleId} › ${t.fullName}`),
    );
    if (unfinished.length === 0) return;
    console.log(`\nNever finished (their test process died, or the run was stopped):`);
    for (const line of unfinished) console.log(`  ${line}`);
  }
}
