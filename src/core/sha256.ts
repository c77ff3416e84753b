import { createHash } from 'node:crypto';

/** The sha256 of bytes or a text (UTF-8), in hex: Node's here; the self-check page's is page/host/sha256.ts, the same digest. */
export function sha256Hex(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
