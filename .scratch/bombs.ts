import { decodeFile } from '../electron/pipeline/input/decoder.ts';
import { cyclicPagesPdf, hugeImagePdf, manyOperatorsPdf, nestedArraysPdf } from '../test/helpers/hostile.ts';
import { scanPdf } from '../test/helpers/pdf.ts';
import { testPicture } from '../test/helpers/images.ts';
const cases: [string, () => Buffer | Promise<Buffer>][] = [
  ['good', async () => scanPdf([await testPicture(800, 500)])],
  ['cyclic', cyclicPagesPdf], ['huge', () => hugeImagePdf()], ['ops1M', () => manyOperatorsPdf()], ['ops3M', () => manyOperatorsPdf(3_000_000)], ['nested', () => nestedArraysPdf()],
];
for (const [name, make] of cases) {
  const bytes = await make();
  const t = Date.now();
  let peak = 0; const iv = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  try { const p = await decodeFile(bytes); console.log(name, bytes.length, 'ok', p.length, p[0]?.width, Date.now() - t, 'ms', Math.round(peak/1e6)); }
  catch (e) { console.log(name, bytes.length, 'err', (e as Error).message, Date.now() - t, 'ms', Math.round(peak/1e6)); }
  clearInterval(iv);
}
