/**
 * A file name made from a person's words (a bureau's name and a year) that every system accepts, Windows the
 * strictest: none of `< > : " / \ | ? *` or control characters, no trailing dot or space, not a device name
 * (CON, NUL, COM1…), not longer than a folder entry may be. Chinese is kept as it is.
 */

const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Characters, not bytes: 80 CJK characters are 240 bytes in UTF-8, under the 255 of ext4 and NTFS. */
const LONGEST = 80;

export function safeFileName(words: string): string {
  let name = words.normalize('NFC').replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  name = [...name].slice(0, LONGEST).join('');
  name = name.replace(/[. ]+$/, '');
  if (name === '') name = '_';
  return DEVICE.test(name) ? `_${name}` : name;
}

/** The key two names clash under on a file system that ignores case (Windows, macOS). */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * The last part of a path (`examples/city-2023.yaml` → `city-2023.yaml`), either separator: node:path's basename
 * for the paths a user names, without Node, so that the self-check page names a file as the command line does.
 */
export function baseName(file: string): string {
  const parts = file.replace(/[\\/]+$/, '').split(/[\\/]/);
  return parts[parts.length - 1];
}
