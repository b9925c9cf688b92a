/**
 * Positions inside a virtual block and where they came from in the original file.
 *
 * A block is built piece by piece: text copied verbatim (one generated character per original character), text
 * decoded from a longer original span (an entity `&amp;` → `&`), and synthetic text that has no original (a
 * wrapper such as `function onclick(event) {`). Every piece records its generated and original ranges, so any
 * generated offset maps back exactly; synthetic text maps to the nearest real neighbour.
 */

/**
 * Offset ↔ line/column for one text, with ESLint's definition of a line (`\r\n`, `\r`, `\n`, U+2028, U+2029
 * end one); columns count UTF-16 code units, as ESLint's do.
 */
export class LineIndex {
  readonly text: string;
  /** Offset where each line starts; `lineStarts[0] === 0`. */
  readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    // A character loop, not a regex: this runs over every block and page.
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(index + 1) === 10) index++;
        this.lineStarts.push(index + 1);
      } else if (code === 10 || code === 0x2028 || code === 0x2029) this.lineStarts.push(index + 1);
    }
  }

  /** 1-based line, 0-based column of an offset. */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low] };
  }

  /** Offset of a 1-based line and 0-based column (clamped to the text). */
  offset(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    return Math.min(this.lineStarts[index] + Math.max(0, column), this.text.length);
  }
}

/** How replacement text must be written where a piece lies in the original file. */
export type PieceContext =
  /** Script source: a fix's text goes in as it is. */
  | { kind: 'raw' }
  /** An HTML attribute value (entity-decoded in the block); `quote` is `"`, `'` or `''` when unquoted. */
  | { kind: 'attribute'; quote: '"' | "'" | '' }
  /** HTML text between tags (entity-decoded in the block). */
  | { kind: 'text' };

interface Piece {
  generatedStart: number;
  generatedEnd: number;
  originalStart: number;
  originalEnd: number;
  /** Copied verbatim: generated and original lengths are equal and map character by character. */
  verbatim: boolean;
  /** Index of the editable region the piece belongs to; -1 for synthetic text. */
  region: number;
}

export interface Region {
  generatedStart: number;
  generatedEnd: number;
  context: PieceContext;
}

/** Builds a block's text and its map together, so the two cannot drift apart. */
export class BlockBuilder {
  #text = '';
  readonly #pieces: Piece[] = [];
  readonly #regions: Region[] = [];
  #region = -1;
  /** Original offset that synthetic text is pinned to when it has no real neighbour. */
  readonly anchor: number;

  constructor(anchor: number) {
    this.anchor = anchor;
  }

  get length(): number {
    return this.#text.length;
  }

  /** Text without an original (wrapper code, JSX punctuation). */
  synthetic(text: string): this {
    this.#text += text;
    return this;
  }

  /** Text copied from `original` offsets `[start, start + text.length)`. */
  verbatim(text: string, originalStart: number): this {
    if (text.length === 0) return this;
    this.#push(text, originalStart, originalStart + text.length, true);
    return this;
  }

  /** Generated text that stands for the original span `[originalStart, originalEnd)` as a whole. */
  span(text: string, originalStart: number, originalEnd: number): this {
    if (text.length === 0) return this;
    this.#push(text, originalStart, originalEnd, false);
    return this;
  }

  /** A zero-width point: keeps an empty editable region (an empty attribute value) anchored in the file. */
  mark(originalOffset: number): this {
    this.#push('', originalOffset, originalOffset, true);
    return this;
  }

  /** Starts an editable region: fixes inside it are written back in `context`'s syntax. */
  beginRegion(context: PieceContext): void {
    this.#region = this.#regions.length;
    this.#regions.push({ generatedStart: this.#text.length, generatedEnd: this.#text.length, context });
  }

  endRegion(): void {
    if (this.#region >= 0) this.#regions[this.#region].generatedEnd = this.#text.length;
    this.#region = -1;
  }

  #push(text: string, originalStart: number, originalEnd: number, verbatim: boolean): void {
    const generatedStart = this.#text.length;
    this.#text += text;
    this.#pieces.push({
      generatedStart,
      generatedEnd: this.#text.length,
      originalStart,
      originalEnd,
      verbatim,
      region: this.#region,
    });
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.#text, map: new OffsetMap(this.#pieces, this.#regions, this.anchor, this.#text.length) };
  }
}

/** A fix range mapped back: the original range and the region whose syntax the replacement must follow. */
export interface MappedRange {
  start: number;
  end: number;
  region: Region;
}

export class OffsetMap {
  readonly #pieces: readonly Piece[];
  readonly regions: readonly Region[];
  readonly #regionIndex: Map<Region, number>;
  readonly #anchor: number;
  readonly #length: number;

  constructor(pieces: readonly Piece[], regions: readonly Region[], anchor: number, length: number) {
    this.#pieces = pieces;
    this.regions = regions;
    this.#regionIndex = new Map(regions.map((region, index) => [region, index]));
    this.#anchor = anchor;
    this.#length = length;
  }

  /**
   * The editable region holding generated `offset` (binary search: regions are in generated order and do not
   * overlap). At a boundary between two regions, the one that starts there.
   */
  regionAt(offset: number): Region | undefined {
    let low = 0;
    let high = this.regions.length - 1;
    let found: Region | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.regions[middle].generatedStart <= offset) {
        found = this.regions[middle];
        low = middle + 1;
      } else high = middle - 1;
    }
    return found && offset <= found.generatedEnd ? found : undefined;
  }

  /** Index of the last piece whose generated start is ≤ offset, or -1. */
  #pieceAtOrBefore(offset: number): number {
    let low = 0;
    let high = this.#pieces.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.#pieces[middle].generatedStart <= offset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  /** Original offset where something starting at generated `offset` starts. */
  originalStart(offset: number): number {
    const index = this.#pieceAtOrBefore(offset);
    const piece = index >= 0 ? this.#pieces[index] : undefined;
    if (piece && offset < piece.generatedEnd) {
      return piece.verbatim ? piece.originalStart + (offset - piece.generatedStart) : piece.originalStart;
    }
    // Synthetic text: what follows it is the real start (`function onclick(event) {` → the handler's body).
    const next = this.#pieces[index + 1];
    if (next) return next.originalStart;
    return piece ? piece.originalEnd : this.#anchor;
  }

  /** Original offset where something ending at generated `offset` (exclusive) ends. */
  originalEnd(offset: number): number {
    const index = this.#pieceAtOrBefore(offset - 1);
    const piece = index >= 0 ? this.#pieces[index] : undefined;
    if (piece && offset <= piece.generatedEnd) {
      if (piece.verbatim) return piece.originalStart + (offset - piece.generatedStart);
      return offset === piece.generatedEnd ? piece.originalEnd : piece.originalStart;
    }
    // Synthetic text closing a node (` />`, an implied `</p>`) is followed by a mark of where the node ends.
    const next = this.#pieces[index + 1];
    if (next && next.generatedStart === offset && next.generatedEnd === offset) return next.originalStart;
    // Otherwise what precedes the synthetic text is the real end.
    if (piece) return piece.originalEnd;
    return this.#pieces[0] ? this.#pieces[0].originalStart : this.#anchor;
  }

  /**
   * The original range of a fix's generated range, or undefined when the range cannot be edited exactly: it
   * leaves one editable region, touches synthetic text, or cuts a decoded entity in two.
   */
  originalRange(start: number, end: number): MappedRange | undefined {
    if (start < 0 || end < start || end > this.#length) return undefined;
    const region = this.regionAt(start);
    if (!region || end > region.generatedEnd) return undefined;
    const first = this.#boundary(start, 'start', region);
    const last = this.#boundary(end, 'end', region);
    if (first === undefined || last === undefined) return undefined;
    // Every generated character between must come from the file (no synthetic text inside the region).
    for (let index = Math.max(0, this.#pieceAtOrBefore(start)); index < this.#pieces.length; index++) {
      const piece = this.#pieces[index];
      if (piece.generatedStart >= end) break;
      if (piece.generatedEnd > start && this.regions[piece.region] !== region) return undefined;
    }
    return { start: first, end: last, region };
  }

  #boundary(offset: number, side: 'start' | 'end', region: Region): number | undefined {
    const regionIndex = this.#regionIndex.get(region) ?? -1;
    const near = [...this.#piecesNear(offset)].filter((piece) => piece.region === regionIndex);
    const startingHere = near.find((piece) => piece.generatedStart === offset);
    const endingHere = near.find((piece) => piece.generatedEnd === offset);
    const inside = near.find((piece) => piece.generatedStart < offset && offset < piece.generatedEnd);
    if (inside) return inside.verbatim ? inside.originalStart + (offset - inside.generatedStart) : undefined;
    // At a boundary between two pieces both sides agree unless synthetic text lies between; prefer the piece the
    // range covers, so that an insertion lands next to its neighbour.
    if (side === 'start') return startingHere?.originalStart ?? endingHere?.originalEnd;
    return endingHere?.originalEnd ?? startingHere?.originalStart;
  }

  *#piecesNear(offset: number): Generator<Piece> {
    const index = this.#pieceAtOrBefore(offset);
    // Zero-width marks share a generated offset with their neighbours: look two pieces either way.
    for (const candidate of [index - 2, index - 1, index, index + 1]) {
      const piece = this.#pieces[candidate];
      if (piece) yield piece;
    }
  }
}
