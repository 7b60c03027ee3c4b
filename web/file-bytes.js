// Loaded into the engine worker (engine-worker.js, importScripts) before
// files-scan.js and alarm-scan.js: one file's bytes, inflated when it is a
// .gz, as pieces for the engine.
//
// A .gz is inflated in wasm in one call (the engine's Gunzip, core/gunzip):
// in Chromium that reads CloudTrail files 4-5x faster than the browser's own
// DecompressionStream (bench/page_inflate.mjs, docs/performance.md). That
// holds the whole file and what it inflates to in wasm memory, which never
// shrinks; so only files up to GUNZIP_WHOLE_MAX compressed and
// GUNZIP_OUT_MAX inflated go that way (CloudTrail writes files of a few MB
// at most). Anything bigger streams through DecompressionStream, in bounded
// memory, as before.
/* exported fileBytes, readAhead */
'use strict';

const GUNZIP_WHOLE_MAX = 16 << 20;  // compressed bytes inflated in one call
const GUNZIP_OUT_MAX = 128 << 20;   // inflated bytes held at once
const FILE_PIECE = 1 << 20;         // bytes yielded at a time

// Reading a picked file is a round trip to the browser's process: one file at
// a time, hundreds of small CloudTrail files spent most of their time waiting
// for their bytes. readAhead(file) starts reading a file that fileBytes()
// will inflate whole (a .gz of up to GUNZIP_WHOLE_MAX), so that it arrives
// while the ones before it are scanned; fileBytes() takes it from here.
const aheadReads = new WeakMap();  // File -> Promise<ArrayBuffer>
function readAhead(file) {
  if (/\.gz$/i.test(file.name) && file.size <= GUNZIP_WHOLE_MAX && !aheadReads.has(file)) {
    const read = file.arrayBuffer();
    read.catch(() => {});  // a failure is fileBytes()'s to report, when it gets there
    aheadReads.set(file, read);
  }
}

// The file's bytes through DecompressionStream (when `gz`) in pieces.
// onBytes(n) counts the file's own bytes as they are read.
async function* streamedBytes(file, gz, onBytes) {
  const counter = new TransformStream({
    transform(chunk, controller) {
      onBytes(chunk.byteLength);
      controller.enqueue(chunk);
    },
  });
  let stream = file.stream().pipeThrough(counter);
  if (gz) stream = stream.pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  try {
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw new Error(`${err && err.message ? err.message : err}${gz ? ' (is it really gzip?)' : ''}`);
      }
      if (chunk.done) return;
      const data = chunk.value;
      for (let at = 0; at < data.length; at += FILE_PIECE) yield data.subarray(at, Math.min(at + FILE_PIECE, data.length));
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

// Async iterator over the file's (inflated) bytes, in pieces that stay valid
// across engine calls (copies, never views of wasm memory, which a call may
// grow and so detach). onBytes(n): the file's own bytes read, for progress.
// A file that cannot be read throws an Error whose message says why.
async function* fileBytes(file, engine, onBytes) {
  const gz = /\.gz$/i.test(file.name);
  // (The size in a gzip trailer is no guide: a cut file's last bytes are not
  // its trailer. A file past GUNZIP_OUT_MAX is found out by inflating.)
  if (gz && engine.Gunzip && file.size <= GUNZIP_WHOLE_MAX) {
    const read = aheadReads.get(file) || file.arrayBuffer();
    aheadReads.delete(file);
    const bytes = new Uint8Array(await read);
    const gunzip = new engine.Gunzip();
    try {
      engine.HEAPU8.set(bytes, gunzip.reserve(bytes.length));
      const error = gunzip.inflate(bytes.length, GUNZIP_OUT_MAX);
      if (error && !gunzip.tooLarge()) throw new Error(error);
      if (!error) {
        onBytes(bytes.length);
        const start = gunzip.output();
        const size = gunzip.size();
        for (let at = 0; at < size; at += FILE_PIECE) {
          yield engine.HEAPU8.slice(start + at, start + Math.min(at + FILE_PIECE, size));
        }
        return;
      }
    } finally {
      gunzip.delete();
    }
    // It inflates to more than GUNZIP_OUT_MAX: read it as a stream instead.
  }
  yield* streamedBytes(file, gz, onBytes);
}
