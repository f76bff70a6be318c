// Verification: the shared HubSpot stand-in, handing every command to the host's recorder as the
// page's own value (the host copies it; nothing here serialises), with an Error made where the
// command was pushed, so the host can tell which snippet pushed it. Commands queued before the
// loader arrives are pushed with Array.prototype.push: it notes their origin too, and stays the
// very function _hsq.push is (HubSpot's readiness test, push !== Array.prototype.push, still
// works). It uses only functions taken before the page's code runs. Evaluates to the controls the
// verifier keeps; nothing is left on the page's global object.
(function (window) {
  "use strict";
  var rec = window.__rec, PristineError = Error, apply = Reflect.apply, arrayPush = Array.prototype.push;
  var origins = new WeakMap(), originOf = WeakMap.prototype.get, noteOrigin = WeakMap.prototype.set;
  delete window.__rec;
  function push() {
    if (this === window._hsq || this === window._hsp) {
      for (var i = 0; i < arguments.length; i++) {
        var c = arguments[i];
        if (c !== null && (typeof c === "object" || typeof c === "function")) apply(noteOrigin, origins, [c, new PristineError()]);
      }
    }
    return apply(arrayPush, this, arguments);
  }
  Object.defineProperty(push, "name", { value: "push" });
  Object.defineProperty(Array.prototype, "push", { value: push, writable: true, configurable: true, enumerable: false });
  var standIn = window.__trackplanStandIn(window, function (queue, cmd) {
    var queued = cmd !== null && (typeof cmd === "object" || typeof cmd === "function") ? apply(originOf, origins, [cmd]) : undefined;
    rec.record(queue, cmd, queued || new PristineError());
  });
  delete window.__trackplanStandIn;
  return { load: standIn.load, decide: standIn.decide };
})(this);
