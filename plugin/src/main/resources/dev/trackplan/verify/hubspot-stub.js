// A stand-in for HubSpot's tracking code: records every _hsq/_hsp command and implements the
// consent API as HubSpot documents it (addPrivacyConsentListener, setHubSpotConsent).
(function (window) {
  "use strict";
  var rec = window.__rec;
  delete window.__rec;
  var decided = null, listeners = [];

  function record(queue, cmd) {
    var json;
    try { json = JSON.stringify(cmd); } catch (e) { json = JSON.stringify(["<unserializable>", String(e)]); }
    rec.record(queue, json === undefined ? "null" : json);
  }

  function tell(cb) {
    var c = { allowed: decided, categories: { necessary: true, analytics: decided, advertisement: decided, functionality: decided } };
    try { cb(c); } catch (e) { record("error", ["listener", String(e)]); }
  }

  function notify() { for (var i = 0; i < listeners.length; i++) tell(listeners[i]); }

  function hsp(cmd) {
    record("hsp", cmd);
    if (!cmd || !cmd.length) return;
    if (cmd[0] === "addPrivacyConsentListener" && typeof cmd[1] === "function") {
      listeners.push(cmd[1]);
      if (decided !== null) tell(cmd[1]);
    } else if (cmd[0] === "setHubSpotConsent") {
      decided = !!(cmd[1] && cmd[1].analytics);
      notify();
    } else if (cmd[0] === "revokeCookieConsent") {
      decided = null;
    }
  }

  function hsq(cmd) { record("hsq", cmd); }

  window.__hubspot = {
    // the loader arrives: queued commands are processed, push is no longer Array.prototype.push
    load: function () {
      var q = window._hsq = window._hsq || [], p = window._hsp = window._hsp || [];
      var queued = q.splice(0, q.length), queuedP = p.splice(0, p.length);
      q.push = function () { for (var i = 0; i < arguments.length; i++) hsq(arguments[i]); return 0; };
      p.push = function () { for (var i = 0; i < arguments.length; i++) hsp(arguments[i]); return 0; };
      for (var i = 0; i < queued.length; i++) hsq(queued[i]);
      for (var j = 0; j < queuedP.length; j++) hsp(queuedP[j]);
    },
    // the visitor answers HubSpot's banner
    decide: function (allowed) { decided = !!allowed; notify(); }
  };
})(this);
