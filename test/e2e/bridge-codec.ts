// Uint8Arrays cross the test bridge as {"$bytes": base64}; everything else is plain JSON.
export function encode(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('base64') } : v,
  );
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) =>
    v && typeof v === 'object' && '$bytes' in v
      ? new Uint8Array(Buffer.from(String((v as { $bytes: string }).$bytes), 'base64'))
      : v,
  );
}
