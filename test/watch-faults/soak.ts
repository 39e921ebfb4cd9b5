// A long run of `watch` against a folder a script keeps filling, as a scanner share at a front
// desk would: good documents, broken files, PDFs that never finish, names used twice, files
// written slowly in pieces. At the end every input must be accounted for: a copy made (and the
// input gone), or the input itself in the review folder, or still in IN — never lost.
//
//   node --import tsx test/watch-faults/soak.ts [minutes=30]
//
// Not part of `npm test` (it runs for half an hour); its figures go in the issue note.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { cyclicPagesPdf, manyOperatorsPdf } from '../helpers/hostile.ts';
import { realisticCorpus } from '../synth/realistic.ts';
import { createRng } from '../synth/prng.ts';
import { folders, list, startWatch } from './watch-process.ts';

const minutes = Number(process.argv[2] ?? 30);
const rng = createRng(4242);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const good = await realisticCorpus(12, 31_337);
const bad: Buffer[] = [
  Buffer.from('not a photo at all'),
  good[0]!.bytes.subarray(0, 2000),
  cyclicPagesPdf(),
  manyOperatorsPdf(1_000_000),
];

const { inDir, outDir } = folders();
const watch = startWatch(inDir, outDir);
const dropped: { name: string; hash: string }[] = [];
let n = 0;

async function dropOne() {
  const roll = rng.next();
  const reused = roll < 0.25;
  const source = roll < 0.7 ? rng.pick(good).bytes : rng.pick(bad);
  // Every dropped file differs (a trailing byte for images), so each can be traced.
  const bytes = Buffer.concat([source, Buffer.from([n % 251])]);
  const ext = source.subarray(0, 4).toString('latin1').includes('PDF') ? 'pdf' : 'jpg';
  const name = reused ? `scan.${ext}` : `doc-${n}.${ext}`;
  n++;
  const file = path.join(inDir, name);
  if (reused && list(inDir).includes(name)) return; // the scanner would wait for its own name
  dropped.push({ name, hash: sha(bytes) });
  if (rng.next() < 0.2) {
    // Half-written: the second half arrives seconds later, on the same open file.
    const fd = openSync(file, 'wx');
    const half = Math.floor(bytes.length / 2);
    writeSync(fd, bytes, 0, half);
    await sleep(1000 + rng.next() * 3000);
    writeSync(fd, bytes, half, bytes.length - half);
    closeSync(fd);
  } else {
    writeFileSync(`${file}.part`, bytes);
    renameSync(`${file}.part`, file);
  }
}

const end = Date.now() + minutes * 60_000;
let peak = 0;
while (Date.now() < end && watch.child.exitCode === null) {
  await dropOne();
  peak = Math.max(peak, watch.peakRssMb());
  await sleep(2000 + rng.next() * 4000);
}
// Let the watch finish what it has.
const drainEnd = Date.now() + 5 * 60_000;
while (list(inDir).some((f) => !f.startsWith('.')) && Date.now() < drainEnd) await sleep(1000);
peak = Math.max(peak, watch.peakRssMb());
const alive = watch.child.exitCode === null;
await watch.stop();

const log = watch.log();
const done = (log.match(/: copy made, original removed/g) ?? []).length;
const review = path.join(outDir, 'controleren');
const reviewed = list(review)
  .filter((f) => !f.includes('.veilige-kopie'))
  .map((f) => sha(readFileSync(path.join(review, f))));
const left = list(inDir)
  .filter((f) => !f.startsWith('.') && !f.endsWith('.failed'))
  .map((f) => sha(readFileSync(path.join(inDir, f))));
const copies = list(outDir).filter((f) => f.endsWith('.pdf')).length;
const hashes = new Set(dropped.map((d) => d.hash));
const traced = [...reviewed, ...left].filter((h) => hashes.has(h)).length;
const accounted = done + reviewed.length + left.length;
console.log(
  JSON.stringify(
    {
      minutes,
      dropped: dropped.length,
      sameName: dropped.filter((d) => d.name.startsWith('scan.')).length,
      done,
      copiesInOut: copies,
      inReview: reviewed.length,
      leftInIn: left.length,
      reviewAndLeftTracedToInputs: traced,
      accounted,
      retries: (log.match(/Trying again/g) ?? []).length,
      watchAliveAtEnd: alive,
      peakRssMb: Math.round(peak),
    },
    null,
    2,
  ),
);
const ok =
  alive &&
  accounted === dropped.length &&
  copies === done &&
  traced === reviewed.length + left.length;
console.log(ok ? 'SOAK PASSED: every input accounted for' : 'SOAK FAILED');
process.exitCode = ok ? 0 : 1;
