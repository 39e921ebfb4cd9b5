// `node --import` this to make any load of the pipeline's heavy packages fail loudly: proves a
// command path (e.g. --help) never opens them.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (/^(sharp|tesseract\\.js|pdf-lib|pdfjs-dist)(\\/|$)/.test(specifier))
          throw new Error('pipeline package loaded: ' + specifier);
        return next(specifier, context);
      }`),
);
