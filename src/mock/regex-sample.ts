import type { Random } from './random.js';

/**
 * A string matching a simple regular expression (the kind specs put in `pattern`: classes, groups,
 * alternation, quantifiers). Returns undefined when the pattern is beyond it or the sample does not match;
 * the caller then falls back to a plain string.
 */
export function sampleRegex(pattern: string, random: Random): string | undefined {
  try {
    const parser = new Sampler(pattern, random);
    const value = parser.alternation();
    return new RegExp(pattern, 'u').test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const CLASS_SETS: Record<string, string> = {
  d: '0123456789',
  w: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_',
  s: ' ',
  D: 'abcxyz',
  W: '-.!',
  S: 'abcxyz',
};
const ANY = 'abcdefghijklmnopqrstuvwxyz0123456789';

class Sampler {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly random: Random,
  ) {}

  alternation(): string {
    const options = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return this.random.pick(options);
  }

  private sequence(): string {
    let out = '';
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      out += this.repeat(atom);
    }
    return out;
  }

  /** Returns a generator so that `[a-z]{3}` draws three different characters. */
  private atom(): () => string {
    const c = this.src[this.pos++];
    if (c === '^' || c === '$') return () => '';
    if (c === '.') return () => this.random.pick([...ANY]);
    if (c === '\\') return this.escape();
    if (c === '[') return this.charClass();
    if (c === '(') {
      if (this.src.startsWith('?:', this.pos)) this.pos += 2;
      else if (this.src[this.pos] === '?') throw new Error('lookaround');
      const start = this.pos;
      this.alternation(); // parsed once to find the closing parenthesis
      if (this.src[this.pos++] !== ')') throw new Error('unclosed group');
      return () => {
        const saved = this.pos;
        this.pos = start;
        const value = this.alternation();
        this.pos = saved;
        return value;
      };
    }
    return () => c;
  }

  private escape(): () => string {
    const c = this.src[this.pos++];
    const set = CLASS_SETS[c];
    if (set) return () => this.random.pick([...set]);
    if (c === 'b' || c === 'B') return () => '';
    return () => c;
  }

  private charClass(): () => string {
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const chars: string[] = [];
    while (this.src[this.pos] !== ']') {
      if (this.pos >= this.src.length) throw new Error('unclosed class');
      let c = this.src[this.pos++];
      if (c === '\\') {
        const e = this.src[this.pos++];
        if (CLASS_SETS[e]) {
          chars.push(...CLASS_SETS[e]);
          continue;
        }
        c = e;
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']') {
        const to = this.src[this.pos + 1] === '\\' ? this.src[this.pos + 2] : this.src[this.pos + 1];
        this.pos += this.src[this.pos + 1] === '\\' ? 3 : 2;
        for (let code = c.charCodeAt(0); code <= to.charCodeAt(0) && chars.length < 500; code++) chars.push(String.fromCharCode(code));
      } else chars.push(c);
    }
    this.pos++;
    const pool = negated ? [...ANY].filter((ch) => !chars.includes(ch)) : chars;
    if (pool.length === 0) throw new Error('empty class');
    return () => this.random.pick(pool);
  }

  private repeat(atom: () => string): string {
    const [min, max] = this.quantifier();
    const count = min === max ? min : this.random.int(min, Math.min(max, min + 3));
    let out = '';
    for (let i = 0; i < count; i++) out += atom();
    return out;
  }

  private quantifier(): [number, number] {
    const c = this.src[this.pos];
    let range: [number, number] = [1, 1];
    if (c === '?') range = [0, 1];
    else if (c === '*') range = [0, 3];
    else if (c === '+') range = [1, 4];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!match) return range;
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] === '' ? min + 3 : Number(match[3]);
      this.pos += match[0].length;
      this.lazy();
      return [min, max];
    } else return range;
    this.pos++;
    this.lazy();
    return range;
  }

  private lazy(): void {
    if (this.src[this.pos] === '?') this.pos++;
  }
}
