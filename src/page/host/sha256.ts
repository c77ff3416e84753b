import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * core/sha256.ts in the page: the same digest without node:crypto (WebCrypto is asynchronous, and absent on
 * file:// in some browsers).
 */
export function sha256Hex(bytes: string | Uint8Array): string {
  return bytesToHex(sha256(typeof bytes === 'string' ? utf8ToBytes(bytes) : bytes));
}
