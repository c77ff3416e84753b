import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A page printed to PDF by Chromium's own print, the way a person would print it: Chromium is started headless and
 * driven over the DevTools protocol on a pipe (fds 3 and 4, `--remote-debugging-pipe`), so no port is opened and
 * no library is needed. One Chromium serves every page of a run. Loaded only when a PDF is asked for.
 *
 * Chromium stamps the PDF with the time it was made (`/CreationDate`, `/ModDate`); `fixPdfDates` writes a given
 * date over both, with strings of the same length, so that every object's offset stays where the cross-reference
 * table says it is, and the same page gives the same bytes.
 */

/** A4 portrait with room at the foot for the page numbers Chromium draws there. */
export interface PdfPageOptions {
  /** Chromium's footer template (its `pageNumber`, `totalPages` classes); drawn in the bottom margin of every page. */
  footerTemplate?: string;
  /** The date the PDF states it was made and changed (YYYY-MM-DD), instead of the time of the run. */
  date: string;
}

export interface PdfPrinter {
  print(html: string, options: PdfPageOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Chromium could not be started or could not print: the message says which, in both languages, for the caller. */
export class PdfPrintError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'PdfPrintError';
  }
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
  params?: Record<string, unknown>;
}

/** How long one page may take to load and print before Chromium is given up on. */
const PRINT_TIMEOUT_MS = 60_000;

class CdpPipe {
  private next = 0;
  private buffer = Buffer.alloc(0);
  private readonly waiting = new Map<number, { resolve: (m: CdpMessage) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: CdpMessage) => void>();
  private failure: Error | undefined;

  constructor(private readonly child: ChildProcess) {
    const input = child.stdio[4] as NodeJS.ReadableStream;
    input.on('data', (data: Buffer) => this.receive(data));
    const fail = (error: Error): void => this.fail(error);
    // A Chromium that could not start, or died, closes its pipes: that is told by `fail`, never thrown from a stream.
    for (const stream of [child.stdio[3], child.stdio[4]]) stream?.on('error', fail);
    child.once('error', fail);
    child.once('exit', (code, signal) => this.fail(new Error(`Chromium exited (${signal ?? code})`)));
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (let end = this.buffer.indexOf(0); end >= 0; end = this.buffer.indexOf(0)) {
      const message = JSON.parse(this.buffer.subarray(0, end).toString('utf8')) as CdpMessage;
      this.buffer = this.buffer.subarray(end + 1);
      const waiter = message.id !== undefined ? this.waiting.get(message.id) : undefined;
      if (waiter && message.id !== undefined) {
        this.waiting.delete(message.id);
        if (message.error) waiter.reject(new Error(message.error.message));
        else waiter.resolve(message);
      } else {
        for (const listener of this.listeners) listener(message);
      }
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<CdpMessage> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.next;
    const output = this.child.stdio[3] as NodeJS.WritableStream;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** The first event of that name in that session, from now. */
  event(method: string, sessionId: string): Promise<CdpMessage> {
    return new Promise((resolve) => {
      const listener = (message: CdpMessage): void => {
        if (message.method !== method || message.sessionId !== sessionId) return;
        this.listeners.delete(listener);
        resolve(message);
      };
      this.listeners.add(listener);
    });
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A PDF date, `D:YYYYMMDDHHmmSS` and its zone, rewritten to that day at midnight UTC in as many bytes. */
function sameLengthDate(original: string, date: string): string {
  const digits = `${date.replace(/-/g, '')}000000`;
  const zone = original.slice(2 + 14).replace(/[+-]/, '+').replace(/\d/g, '0');
  return `D:${digits}${zone}`;
}

/**
 * The PDF with its `/CreationDate` and `/ModDate` set to a date: each written over in place, the same number of
 * bytes, so that the cross-reference offsets stay true. A PDF without them is returned as it is.
 */
export function fixPdfDates(pdf: Uint8Array, date: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate)\s*\((D:\d{14}[^)]*)\)/g, (whole, _key: string, value: string) => whole.replace(value, sameLengthDate(value, date)));
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/**
 * Starts Chromium for printing. `chromium` is its executable; the profile is a fresh temporary folder, removed
 * when the printer is closed, so nothing of the user's own browser is read or written.
 */
export async function openPdfPrinter(chromium: string): Promise<PdfPrinter> {
  const profile = mkdtempSync(join(tmpdir(), 'plancheck-print-'));
  const child = spawn(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const cdp = new CdpPipe(child);
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      await cdp.send('Browser.close').catch(() => undefined);
      await withTimeout(exited, 5000).catch(() => child.kill('SIGKILL'));
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await withTimeout(cdp.send('Browser.getVersion'), PRINT_TIMEOUT_MS);
  } catch (error) {
    await close();
    throw new PdfPrintError(`无法启动 Chromium(${chromium}):${(error as Error).message}`, `Cannot start Chromium (${chromium}): ${(error as Error).message}`);
  }
  let page = 0;
  return {
    async print(html, options) {
      // The page is read from a file of the private profile folder: a file URL, as the user's own printout would be.
      const file = join(profile, `page-${++page}.html`);
      writeFileSync(file, html);
      try {
        return await withTimeout(
          (async () => {
            const { result: created } = await cdp.send('Target.createTarget', { url: 'about:blank' });
            const targetId = created?.targetId as string;
            const { result: attached } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
            const session = attached?.sessionId as string;
            await cdp.send('Page.enable', {}, session);
            const loaded = cdp.event('Page.loadEventFired', session);
            await cdp.send('Page.navigate', { url: pathToFileURL(file).href }, session);
            await loaded;
            // Fonts are drawn only once loaded: wait for them, or a glyph may be missing on the first page.
            await cdp.send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true }, session);
            const printed = await cdp.send(
              'Page.printToPDF',
              {
                printBackground: true,
                preferCSSPageSize: true,
                displayHeaderFooter: options.footerTemplate !== undefined,
                headerTemplate: '<span></span>',
                footerTemplate: options.footerTemplate ?? '<span></span>',
              },
              session,
            );
            await cdp.send('Target.closeTarget', { targetId });
            return fixPdfDates(new Uint8Array(Buffer.from(printed.result?.data as string, 'base64')), options.date);
          })(),
          PRINT_TIMEOUT_MS,
        );
      } catch (error) {
        throw new PdfPrintError(`Chromium 无法打印:${(error as Error).message}`, `Chromium could not print: ${(error as Error).message}`);
      } finally {
        rmSync(file, { force: true });
      }
    },
    close,
  };
}
