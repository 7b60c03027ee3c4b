// Starts the engine worker while the page's modules are still loading, so
// that fetching and compiling cwlf.wasm overlaps with them. engine.js takes
// the worker over, with any message it sent before that.
/* eslint-disable no-var */
(function () {
  'use strict';
  var early = [];
  var worker = new Worker('engine-worker.js');
  worker.onmessage = function (e) { early.push({ type: 'message', data: e.data }); };
  worker.onerror = function (e) {
    e.preventDefault();
    early.push({ type: 'error', message: e.message });
  };
  self.cwlfBoot = { worker: worker, early: early };
}());
