import { manyOperatorsPdf } from '../test/helpers/hostile.ts';
const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
for (const n of [100_000, 1_000_000]) {
  const pdf = await getDocument({ data: new Uint8Array(manyOperatorsPdf(n)), verbosity: 0 }).promise;
  const page = await pdf.getPage(1);
  let t = Date.now();
  const ops = await page.getOperatorList();
  console.log(n, 'oplist', ops.fnArray.length, Date.now() - t, 'ms', Math.round(process.memoryUsage().rss / 1e6));
  await pdf.destroy();
}
