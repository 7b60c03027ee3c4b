// Loaded into the engine worker (engine-worker.js, importScripts) beside
// files-scan.js: replays the files the user opened through the metric filter
// and an alarm (the engine's AlarmScan, wasm/alarm_bindings.cc), reading each
// through fileBytes() (file-bytes.js: .gz inflated). Resolves to the alarm's
// history (the engine worker replies with it) or throws the reason it could not run.
/* exported handleAlarmScan */
'use strict';

async function handleAlarmScan(message, engine) {
  const scan = new engine.AlarmScan(message.pattern, message.settings || {});
  try {
    if (scan.error()) throw new Error(scan.error());
    for (const file of message.files || []) {
      for await (const piece of fileBytes(file, engine, () => {})) {
        engine.HEAPU8.set(piece, scan.reserve(piece.length));
        scan.feed(piece.length);
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
