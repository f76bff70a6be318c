// A stand-in for HubSpot's tracking code, shared by the build's verification, the dev server and
// the browser suite. It implements what HubSpot documents: queued _hsq/_hsp commands are
// processed when the loader arrives, after which push is no longer Array.prototype.push;
// addPrivacyConsentListener fires at once when the choice is known, else when it is made;
// setHubSpotConsent (a third-party banner's hand-over) decides; revokeCookieConsent forgets.
// record(queue, command, decided) receives every command; onDecide(decided) hears decisions.
this.__trackplanStandIn = function (window, record, onDecide) {
  "use strict";
  var decided = null, listeners = [];
  function tell(cb) {
    var c = { allowed: decided, categories: { necessary: true, analytics: decided, advertisement: decided, functionality: decided } };
    try { cb(c); } catch (e) { record("error", ["consent listener threw", String(e)], decided); }
  }
  function decide(allowed) {
    decided = !!allowed;
    if (onDecide) onDecide(decided);
    for (var i = 0; i < listeners.length; i++) tell(listeners[i]);
  }
  function hsp(c) {
    record("hsp", c, decided);
    if (!c || !c.length) return;
    if (c[0] === "addPrivacyConsentListener" && typeof c[1] === "function") {
      listeners.push(c[1]);
      if (decided !== null) tell(c[1]);
    } else if (c[0] === "setHubSpotConsent") {
      decide(c[1] && c[1].analytics);
    } else if (c[0] === "revokeCookieConsent") {
      decided = null;
      if (onDecide) onDecide(null);
    }
  }
  function hsq(c) { record("hsq", c, decided); }
  return {
    load: function () {
      var q = window._hsq = window._hsq || [], p = window._hsp = window._hsp || [];
      var queued = q.splice(0, q.length), queuedP = p.splice(0, p.length);
      q.push = function () { for (var i = 0; i < arguments.length; i++) hsq(arguments[i]); return 0; };
      p.push = function () { for (var i = 0; i < arguments.length; i++) hsp(arguments[i]); return 0; };
      for (var i = 0; i < queued.length; i++) hsq(queued[i]);
      for (var j = 0; j < queuedP.length; j++) hsp(queuedP[j]);
    },
    decide: decide
  };
};
