// Verification: the shared HubSpot stand-in, recording every command to the host's recorder.
(function (window) {
  "use strict";
  var rec = window.__rec;
  delete window.__rec;
  var standIn = window.__trackplanStandIn(window, function (queue, cmd) {
    var json;
    try { json = JSON.stringify(cmd); } catch (e) { json = JSON.stringify(["<unserializable>", String(e)]); }
    rec.record(queue, json === undefined ? "null" : json);
  });
  delete window.__trackplanStandIn;
  window.__hubspot = { load: standIn.load, decide: standIn.decide };
})(this);
