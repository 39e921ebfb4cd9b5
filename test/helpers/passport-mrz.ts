import { td3 } from '../synth/mrz-build.ts';

/** A Dutch passport's MRZ (document number XA0000014, personal number 123456782), valid. */
export function passportMrz(): [string, string] {
  return td3({
    docCode: 'P',
    state: 'NLD',
    surname: 'Meulendijk',
    given: 'Loes Albertine',
    documentNumber: 'XA0000014',
    nationality: 'NLD',
    birth: '711019',
    sex: 'F',
    expiry: '060412',
    optional: '123456782',
  });
}
