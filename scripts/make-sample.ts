// Draws the bundled sample document (fictional holder, fictional numbers) for `npm run demo`.
// Run: node --import tsx scripts/make-sample.ts
import sharp from 'sharp';
import { writeFileSync } from 'node:fs';
import { passportPage } from '../test/synth/documents.ts';
import { randomHolder } from '../test/synth/holder.ts';
import { createRng } from '../test/synth/prng.ts';

const holder = { ...randomHolder(createRng(2026)), surname: 'Voorbeeld', given: 'Sanne Maria' };
const page = await passportPage(holder, { mm: 10, seed: 7, country: 'NLD' });
const jpeg = await sharp(page.png).jpeg({ quality: 88 }).toBuffer();
writeFileSync(new URL('../assets/sample/specimen-nl-passport.jpg', import.meta.url), jpeg);
console.log(`sample written (${page.width}x${page.height}, ${jpeg.length} bytes)`);
