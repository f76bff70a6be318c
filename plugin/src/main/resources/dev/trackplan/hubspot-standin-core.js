// A stand-in for HubSpot's tracking code, shared by the build's verification, the dev server and
// the browser suite. It implements what HubSpot documents: queued _hsq/_hsp commands are
// processed when the loader arrives, after which push is no longer Array.prototype.push;
// addPrivacyConsentListener fires at once when the choice is known, else when it is made;
// setHubSpotConsent (a third-party banner's hand-over) decides; revokeCookieConsent forgets.
// Consent is kept per category (analytics, advertisement, functionality). record(queue, command,
// decided) receives every command and onDecide(decided) hears decisions, where decided is the
// analytics category: null before any choice, else true or false. A listener gets
// {allowed, categories}; allowed is true when any category is granted, the reading of HubSpot's
// backward-compatibility flag under which code that trusts it would send wrongly.
// decide(true|false) grants or refuses every category, decide({analytics, ...}) each on its own;
// decide(x, true) tells listeners {allowed} alone, as older HubSpot scripts did.
// It calls no method the page could have replaced (Array.prototype.splice, say): what the page
// pushed is what is recorded.
this.__trackplanStandIn = function (window, record, onDecide) {
  "use strict";
  var CATEGORIES = ["analytics", "advertisement", "functionality"];
  var decided = null, cats = null, legacy = false, listeners = [];
  function tell(cb) {
    var any = false, c = { necessary: true };
    for (var i = 0; i < CATEGORIES.length; i++) {
      c[CATEGORIES[i]] = cats[CATEGORIES[i]];
      any = any || cats[CATEGORIES[i]];
    }
    var consent = legacy ? { allowed: decided } : { allowed: any, categories: c };
    try { cb(consent); } catch (e) { record("error", ["consent listener threw", String(e)], decided); }
  }
  function decide(choice, legacyListeners) {
    cats = {};
    for (var i = 0; i < CATEGORIES.length; i++) {
      cats[CATEGORIES[i]] = typeof choice === "object" && choice !== null ? choice[CATEGORIES[i]] === true : !!choice;
    }
    legacy = !!legacyListeners;
    decided = cats.analytics;
    if (onDecide) onDecide(decided);
    for (var j = 0; j < listeners.length; j++) tell(listeners[j]);
  }
  function hsp(c) {
    record("hsp", c, decided);
    if (!c || !c.length) return;
    if (c[0] === "addPrivacyConsentListener" && typeof c[1] === "function") {
      listeners.push(c[1]);
      if (decided !== null) tell(c[1]);
    } else if (c[0] === "setHubSpotConsent") {
      decide(c[1] || {});
    } else if (c[0] === "revokeCookieConsent") {
      decided = null;
      cats = null;
      if (onDecide) onDecide(null);
    }
  }
  function hsq(c) { record("hsq", c, decided); }
  function drain(a) {
    var out = [], n = a.length;
    for (var i = 0; i < n; i++) out[i] = a[i];
    a.length = 0;
    return out;
  }
  return {
    load: function () {
      var q = window._hsq = window._hsq || [], p = window._hsp = window._hsp || [];
      var queued = drain(q), queuedP = drain(p);
      q.push = function () { for (var i = 0; i < arguments.length; i++) hsq(arguments[i]); return 0; };
      p.push = function () { for (var i = 0; i < arguments.length; i++) hsp(arguments[i]); return 0; };
      for (var i = 0; i < queued.length; i++) hsq(queued[i]);
      for (var j = 0; j < queuedP.length; j++) hsp(queuedP[j]);
    },
    decide: decide
  };
};
