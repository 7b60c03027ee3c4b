// Share links: the whole test (a suite, see suite-file.js) in the URL
// fragment, so that no server ever receives it (browsers do not send the
// fragment). Format, version 1:
//
//   #v1=<base64url( deflate-raw( UTF-8( JSON of the suite ) ) )>
//
// The "v1=" prefix names the encoding; a later release that changes it adds
// "v2=" and keeps decoding "v1=", so that old links keep opening. The
// browser's own CompressionStream does the compressing: no library, no
// request. Works in browsers and in Node ≥ 18 alike (no DOM needed).
import { phrase } from './phrase.js';
import { readSuite } from './suite-file.js';

const PREFIX = 'v1=';
// Decompressed links larger than this are refused as they inflate (a
// crafted link could otherwise inflate into gigabytes). Browsers cut URLs at
// about 2 MB, which real tests (JSON compresses about tenfold) never unpack
// beyond; a bigger test travels as a file (limits.js applies to both).
const MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

export async function encodeFragment(suite) {
  const bytes = new TextEncoder().encode(JSON.stringify(suite));
  const packed = await pipeThrough(bytes, new CompressionStream('deflate-raw'), Infinity);
  return `#${PREFIX}${toBase64Url(packed)}`;
}

// True when the fragment is meant to be a share link (even a broken one).
export function isShareFragment(hash) {
  return /^#?v\d+=/.test(hash || '');
}

// -> { ok: true, test } (see readSuite) | { ok: false, message } with a sentence for the user.
export async function decodeFragment(hash) {
  const fragment = (hash || '').replace(/^#/, '');
  const version = /^v(\d+)=/.exec(fragment);
  if (!version) return broken(phrase('page.link.no-test', 'it holds no test (it should start with #v1=)'));
  if (version[1] !== '1') {
    return broken(phrase('page.link.newer', 'it was made by a newer cwlf (link version {version}; this page reads version 1)', { version: version[1] }));
  }
  const body = fragment.slice(PREFIX.length);
  const packed = fromBase64Url(body);
  if (!packed) return broken(phrase('page.link.characters', 'it contains characters a link made by cwlf never has'));
  let bytes;
  try {
    bytes = await pipeThrough(packed, new DecompressionStream('deflate-raw'), MAX_DECOMPRESSED_BYTES);
  } catch (err) {
    if (err instanceof RangeError) return broken(err.message);
    return broken(phrase('page.link.cut', 'its data is cut short or damaged (was the link copied in full?)'));
  }
  let doc;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (_) {
    return broken(phrase('page.link.damaged', 'its data is damaged (it does not decode to a test)'));
  }
  const read = readSuite(doc);
  return read.ok ? read : broken(read.message);
}

function broken(why) {
  return { ok: false, message: phrase('page.link.broken', 'This share link cannot be opened: {why}.', { why }) };
}

// The input in 1 KiB pieces, each handed over only when the transform asks
// for more: a decompressor then holds at most about a megabyte of output
// (deflate inflates at most ~1,000-fold) before the limit below is checked.
// Given the whole input at once, it inflated all of it in one go — a 260 KB
// link became 256 MiB in memory, and 4 s, before it could be refused.
function pieces(bytes, size = 1024) {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  }, { highWaterMark: 0 });
}

async function pipeThrough(bytes, transform, maxBytes) {
  const stream = pieces(bytes).pipeThrough(transform);
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      throw new RangeError(phrase('page.link.too-big', 'it unpacks to more than {size} MiB', { size: Math.round(maxBytes / 1024 / 1024) }));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// ---- base64url (RFC 4648 §5, no padding) ------------------------------------------------

function toBase64Url(bytes) {
  let binary = '';
  const CHUNK = 0x8000;  // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// null when `text` is not base64url.
function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  // A cut link may end in a lone character that encodes no whole byte:
  // dropped here, so that the decompressor reports the data cut short.
  if (text.length % 4 === 1) text = text.slice(0, -1);
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary;
  try {
    binary = atob(base64);
  } catch (_) {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
