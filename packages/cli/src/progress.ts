/**
 * A progress line on stderr, shown only on a terminal and only once a run has taken more than a second, so
 * quick runs and CI logs stay clean. It is rewritten in place and erased before the report is printed.
 */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #enabled: boolean;
  readonly #started = Date.now();
  #text = '';
  #timer: NodeJS.Timeout | undefined;
  #shown = false;

  constructor(stream: NodeJS.WriteStream = process.stderr, delayMs = 1000) {
    this.#stream = stream;
    this.#enabled = stream.isTTY === true;
    if (!this.#enabled) return;
    this.#timer = setTimeout(() => {
      this.#shown = true;
      this.#draw();
      this.#timer = setInterval(() => this.#draw(), 250);
      this.#timer.unref();
    }, delayMs);
    this.#timer.unref();
  }

  update(text: string): void {
    this.#text = text;
    if (this.#shown) this.#draw();
  }

  #draw(): void {
    const seconds = Math.floor((Date.now() - this.#started) / 1000);
    const line = `wechat-oa-lint: ${this.#text} (${seconds} s)`;
    const width = this.#stream.columns ? this.#stream.columns - 1 : line.length;
    this.#stream.write(`\r\x1b[2K${line.slice(0, width)}`);
  }

  stop(): void {
    clearTimeout(this.#timer);
    clearInterval(this.#timer);
    if (this.#shown) this.#stream.write('\r\x1b[2K');
    this.#shown = false;
  }
}
