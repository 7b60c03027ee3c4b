// Loaded into the engine worker (engine-worker.js, importScripts) beside
// files-scan.js: replays the files the user opened through the metric filter
// and an alarm (the engine's AlarmScan, wasm/alarm_bindings.cc), reading each
// through fileBytes() (file-bytes.js: .gz inflated), and posts the alarm's history.
/* exported handleAlarmScan */
'use strict';

async function handleAlarmScan(message, engine) {
  const scan = new engine.AlarmScan(message.pattern, message.settings || {});
  try {
    if (scan.error()) {
      self.postMessage({ type: 'alarm-done', id: message.id, error: scan.error() });
      return;
    }
    for (const file of message.files || []) {
      for await (const piece of fileBytes(file, engine, () => {})) {
        engine.HEAPU8.set(piece, scan.reserve(piece.length));
        scan.feed(piece.length);
      }
      scan.endFile();
    }
    const result = scan.result();
    self.postMessage({ type: 'alarm-done', id: message.id, error: result.error, result });
  } finally {
    scan.delete();
  }
}
