import { didYouMean } from '../core/suggest.js';

/** What a curl command asks for, before any stepdoc meaning is given to it. */
export interface CurlRequest {
  method?: string;
  url?: string;
  headers: Array<[string, string]>;
  /** `-d`/`--data*` parts in order; curl joins them with `&`. */
  data: Array<{ value: string; urlencode: boolean }>;
  /** `--json` sets a JSON body and its content type. */
  json: boolean;
  /** `-F name=value` / `-F name=@file;type=…`. */
  form: string[];
  /** `-u user:password`. */
  user?: string;
  /** `-G`: the data goes into the query string. */
  get: boolean;
}

type Handler = (req: CurlRequest, value: string) => void;

const WITH_VALUE: Record<string, Handler> = {
  '--request': (r, v) => void (r.method = v.toUpperCase()),
  // curl: `Name: value` sends it, `Name:` removes a default header (nothing to send), `Name;` sends it empty.
  '--header': (r, v) => {
    const colon = v.indexOf(':');
    const value = colon > 0 ? v.slice(colon + 1).trim() : '';
    if (colon > 0 && value !== '') r.headers.push([v.slice(0, colon).trim(), value]);
    else if (colon < 0 && /^[^\s;]+;$/.test(v.trim())) r.headers.push([v.trim().slice(0, -1), '']);
  },
  '--data': (r, v) => void r.data.push({ value: v, urlencode: false }),
  '--data-raw': (r, v) => void r.data.push({ value: v, urlencode: false }),
  '--data-binary': (r, v) => void r.data.push({ value: v, urlencode: false }),
  '--data-ascii': (r, v) => void r.data.push({ value: v, urlencode: false }),
  '--data-urlencode': (r, v) => void r.data.push({ value: v, urlencode: true }),
  '--json': (r, v) => {
    r.json = true;
    r.data.push({ value: v, urlencode: false });
  },
  '--form': (r, v) => void r.form.push(v),
  '--form-string': (r, v) => void r.form.push(v),
  '--user': (r, v) => void (r.user = v),
  '--url': (r, v) => void (r.url = v),
  '--user-agent': (r, v) => void r.headers.push(['User-Agent', v]),
};

/** Flags that change nothing about the request stepdoc would send (output, TLS, redirects, retries). */
const IGNORED = new Set([
  '--silent',
  '--show-error',
  '--include',
  '--verbose',
  '--location',
  '--compressed',
  '--insecure',
  '--fail',
  '--fail-with-body',
  '--globoff',
  '--http1.1',
  '--http2',
  '--no-progress-meter',
]);
const IGNORED_WITH_VALUE = new Set(['--output', '--max-time', '--connect-timeout', '--retry', '--write-out']);

const SHORT: Record<string, string> = {
  X: '--request',
  H: '--header',
  d: '--data',
  F: '--form',
  u: '--user',
  A: '--user-agent',
  G: '--get',
  s: '--silent',
  S: '--show-error',
  i: '--include',
  v: '--verbose',
  L: '--location',
  k: '--insecure',
  f: '--fail',
  g: '--globoff',
  o: '--output',
  m: '--max-time',
  w: '--write-out',
};

export interface OptionProblem {
  message: string;
  /** The word at fault, to point at it in the source. */
  word: string;
  help?: string;
}

/** Reads the words after `curl`. Unknown options are refused: an import never drops what it does not understand. */
export function readOptions(words: string[]): CurlRequest | OptionProblem {
  const req: CurlRequest = { headers: [], data: [], json: false, form: [], get: false };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('-') || word === '-') {
      if (req.url !== undefined) return { message: `a second URL \`${word}\` in one curl command`, word, help: 'import one URL per command' };
      req.url = word;
      continue;
    }
    for (const [name, inline] of expand(word)) {
      if (name === '--get') req.get = true;
      else if (IGNORED.has(name)) continue;
      else if (WITH_VALUE[name] || IGNORED_WITH_VALUE.has(name)) {
        const value = inline ?? words[++i];
        if (value === undefined) return { message: `\`${name}\` needs a value`, word };
        WITH_VALUE[name]?.(req, value);
      } else {
        const known = [...Object.keys(WITH_VALUE), ...IGNORED, ...IGNORED_WITH_VALUE, '--get'];
        return {
          message: `curl option \`${name}\` is not supported by the import`,
          word,
          help: didYouMean(name, known) ?? 'remove it, or write that part of the step by hand',
        };
      }
    }
  }
  return req;
}

/** `-sSL` → three flags; `-XPOST` → `-X POST`; `--data=x` → `--data x`. */
function expand(word: string): Array<[string, string | undefined]> {
  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    return eq > 0 ? [[word.slice(0, eq), word.slice(eq + 1)]] : [[word, undefined]];
  }
  const out: Array<[string, string | undefined]> = [];
  for (let j = 1; j < word.length; j++) {
    const name = SHORT[word[j]] ?? `-${word[j]}`;
    const rest = word.slice(j + 1);
    if ((WITH_VALUE[name] || IGNORED_WITH_VALUE.has(name)) && rest) return [...out, [name, rest]];
    out.push([name, undefined]);
  }
  return out;
}

export function isProblem(value: CurlRequest | OptionProblem): value is OptionProblem {
  return 'message' in value;
}
