import path from 'node:path';
import { programRoot } from '../core/pipeline/index.ts';

/** The fictional sample document `veilige-kopie demo` redacts. */
export const SAMPLE_DOCUMENT = path.join(programRoot(), 'assets/sample/specimen-nl-passport.jpg');
