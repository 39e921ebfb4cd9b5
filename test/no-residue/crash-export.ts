// Dies mid-export, as a power cut or a killed process would: the atomic writer has its temp
// file open and half written when the process is SIGKILLed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../electron/core/files/write-atomic.ts';

const target = process.argv[2] as string;
async function* halfAFile() {
  yield Buffer.alloc(64 * 1024, 1);
  await new Promise(() => undefined); // the rest never comes
}
setInterval(() => {
  if (readdirSync(path.dirname(target)).some((n) => n.startsWith('.vk-tmp-')))
    process.kill(process.pid, 'SIGKILL');
}, 10);
await writeFileAtomic(target, halfAFile() as unknown as Uint8Array);
