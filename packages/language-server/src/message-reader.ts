// A JSON-RPC message reader for stdio that survives malformed frames. The stock reader drops a body
// that is not JSON without answering, and a header block without Content-Length desynchronises it for good.
// Here: invalid JSON → a -32700 response with id null; a header without a usable Content-Length → skipped up to
// the next header; an oversize length → an error response, and the body is skipped by resynchronising on the
// next header. Whatever follows a bad frame is read normally.
import type { Readable } from 'node:stream';
import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

/** Larger bodies are refused: a 1 MiB file is the lint limit, and a client never needs to send more than this. */
export const MAX_CONTENT_LENGTH = 64 * 1024 * 1024;
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const HEADER_START = /content-length\s*:/iu;

export interface FrameError {
  code: number;
  message: string;
}

export class SafeMessageReader extends AbstractMessageReader {
  #buffer: Buffer = Buffer.alloc(0);
  /** After a bad frame: drop bytes until something that looks like the next header. */
  #resync = false;
  #callback: DataCallback | undefined;

  constructor(
    readonly readable: Readable,
    /** Sends an error response with id null (the writer is the connection's; the reader has no other way out). */
    readonly reportFrameError: (error: FrameError) => void,
    readonly maxContentLength = MAX_CONTENT_LENGTH,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.#callback = callback;
    const onData = (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
      this.#drain();
    };
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    this.readable.on('end', onClose);
    return Disposable.create(() => {
      this.#callback = undefined;
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
      this.readable.off('end', onClose);
    });
  }

  #drain(): void {
    for (;;) {
      if (this.#resync && !this.#skipToHeader()) return;
      const headerEnd = this.#buffer.indexOf(HEADER_END);
      if (headerEnd === -1) {
        if (this.#buffer.length > MAX_HEADER_BYTES) this.#bad(-32700, `Header longer than ${MAX_HEADER_BYTES} bytes without an end: skipped.`);
        return;
      }
      const header = this.#buffer.subarray(0, headerEnd).toString('ascii');
      const length = contentLength(header);
      if (length === undefined) {
        this.#buffer = this.#buffer.subarray(headerEnd + HEADER_END.length);
        this.#bad(-32700, 'Message header without a valid Content-Length: skipped to the next header.');
        continue;
      }
      if (length > this.maxContentLength) {
        this.#buffer = this.#buffer.subarray(headerEnd + HEADER_END.length);
        this.#bad(-32600, `Content-Length ${length} exceeds the limit of ${this.maxContentLength} bytes: message skipped.`);
        continue;
      }
      const bodyStart = headerEnd + HEADER_END.length;
      if (this.#buffer.length < bodyStart + length) return;
      const body = this.#buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(bodyStart + length);
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch (error) {
        this.reportFrameError({ code: -32700, message: `Parse error: ${(error as Error).message}` });
        this.fireError(new Error(`Invalid JSON in a message body (${length} bytes).`));
        continue;
      }
      if (message === null || typeof message !== 'object' || Array.isArray(message)) {
        this.reportFrameError({ code: -32600, message: 'Invalid Request: a message must be a JSON object.' });
        continue;
      }
      this.#callback?.(message as Message);
    }
  }

  /** Reports a bad frame and drops bytes up to the next header. */
  #bad(code: number, message: string): void {
    this.reportFrameError({ code, message });
    this.fireError(new Error(message));
    this.#resync = true;
  }

  /** Drops bytes before the next `Content-Length:`; false when it is not in the buffer yet. */
  #skipToHeader(): boolean {
    const text = this.#buffer.toString('latin1');
    const match = HEADER_START.exec(text);
    if (!match) {
      // Keep a tail in case the next header is split across chunks.
      this.#buffer = this.#buffer.subarray(Math.max(0, this.#buffer.length - 32));
      return false;
    }
    this.#buffer = this.#buffer.subarray(match.index);
    this.#resync = false;
    return true;
  }
}

function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d+$/u.test(value) ? Number(value) : undefined;
  }
  return undefined;
}
