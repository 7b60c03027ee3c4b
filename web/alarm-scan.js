// Loaded into the engine worker (engine-worker.js, importScripts) beside
// files-scan.js: replays the files the user opened through the metric filter
// and an alarm (the engine's AlarmScan, wasm/alarm_bindings.cc), gunzipping
// .gz with the browser's DecompressionStream. Resolves to the alarm's history
// (the engine worker replies with it) or throws the reason it could not run.
/* exported handleAlarmScan */
'use strict';

async function handleAlarmScan(message, engine) {
  const scan = new engine.AlarmScan(message.pattern, message.settings || {});
  try {
    if (scan.error()) throw new Error(scan.error());
    for (const file of message.files || []) {
      let stream = file.stream();
      if (/\.gz$/i.test(file.name)) stream = stream.pipeThrough(new DecompressionStream('gzip'));
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (let at = 0; at < value.length; at += 1 << 20) {
          const piece = value.subarray(at, Math.min(at + (1 << 20), value.length));
          engine.HEAPU8.set(piece, scan.reserve(piece.length));
          scan.feed(piece.length);
        }
      }
      scan.endFile();
    }
    const result = scan.result();
    if (result.error) throw new Error(result.error);
    return result;
  } finally {
    scan.delete();
  }
}
