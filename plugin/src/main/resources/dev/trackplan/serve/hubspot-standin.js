// Trackplan dev server: a stand-in for HubSpot's loader. Nothing is sent anywhere; every
// _hsq/_hsp command goes to the inspector panel. The consent API behaves as HubSpot documents it.
(function () {
  var insp = window.__trackplanInspector;
  var decided = null, listeners = [];
  function tell(cb) {
    try { cb({ allowed: decided, categories: { analytics: decided, advertisement: decided, functionality: decided } }); }
    catch (e) { insp.note("consent listener threw: " + e); }
  }
  function decide(allowed) {
    decided = !!allowed;
    insp.consent(decided);
    for (var i = 0; i < listeners.length; i++) tell(listeners[i]);
  }
  function hsp(c) {
    insp.command("hsp", c, decided);
    if (!c || !c.length) return;
    if (c[0] === "addPrivacyConsentListener" && typeof c[1] === "function") {
      listeners.push(c[1]);
      if (decided !== null) tell(c[1]);
    } else if (c[0] === "setHubSpotConsent") {
      decide(c[1] && c[1].analytics);
    } else if (c[0] === "revokeCookieConsent") {
      decided = null;
      insp.consent(null);
    }
  }
  function hsq(c) { insp.command("hsq", c, decided); }
  var q = window._hsq = window._hsq || [], p = window._hsp = window._hsp || [];
  var queued = q.splice(0, q.length), queuedP = p.splice(0, p.length);
  q.push = function () { for (var i = 0; i < arguments.length; i++) hsq(arguments[i]); return 0; };
  p.push = function () { for (var i = 0; i < arguments.length; i++) hsp(arguments[i]); return 0; };
  for (var i = 0; i < queued.length; i++) hsq(queued[i]);
  for (var j = 0; j < queuedP.length; j++) hsp(queuedP[j]);
  insp.decide = decide;
  var remembered = insp.rememberedConsent();
  if (remembered !== null) decide(remembered);
})();
