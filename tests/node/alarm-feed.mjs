// Feeds file texts to a wasm AlarmScan in chunks of `chunk` bytes (cut
// anywhere, as a browser's stream cuts them), one endFile() per file, and
// returns its result. Shared by the AlarmScan tests.
import assert from 'node:assert/strict';

export function replayFiles(cwlf, pattern, texts, options, chunk = 1000) {
  const s = new cwlf.AlarmScan(pattern, options);
  try {
    assert.equal(s.error(), '');
    for (const text of texts) {
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length; i += chunk) {
        const piece = bytes.subarray(i, i + chunk);
        cwlf.HEAPU8.set(piece, s.reserve(piece.length));
        s.feed(piece.length);
      }
      s.endFile();
    }
    return s.result();
  } finally {
    s.delete();
  }
}
