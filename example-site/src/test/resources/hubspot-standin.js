// Local stand-in for HubSpot's tracking code (js.hs-scripts.com/<hubId>.js) used by the browser
// suite: records every _hsq/_hsp command to the test server and implements the consent API as
// HubSpot documents it (addPrivacyConsentListener fires once the choice is known; a third-party
// banner hands the choice over with setHubSpotConsent on every page view).
(function () {
  var decided = null, listeners = [];
  function record(queue, command) {
    try {
      var x = new XMLHttpRequest();
      x.open("POST", "/__trackplan/record", false);
      x.setRequestHeader("Content-Type", "application/json");
      x.send(JSON.stringify({ queue: queue, page: location.pathname, command: command }, function (k, v) {
        return typeof v === "function" ? "<function>" : v;
      }));
    } catch (e) { /* the page is going away */ }
  }
  function tell(cb) {
    cb({ allowed: decided, categories: { analytics: decided, advertisement: decided, functionality: decided } });
  }
  function hsp(c) {
    record("hsp", c);
    if (c[0] === "addPrivacyConsentListener") {
      listeners.push(c[1]);
      if (decided !== null) tell(c[1]);
    } else if (c[0] === "setHubSpotConsent") {
      decided = !!(c[1] && c[1].analytics);
      for (var i = 0; i < listeners.length; i++) tell(listeners[i]);
    }
  }
  function hsq(c) { record("hsq", c); }
  var q = window._hsq = window._hsq || [], p = window._hsp = window._hsp || [];
  var queued = q.splice(0, q.length), queuedP = p.splice(0, p.length);
  q.push = function () { for (var i = 0; i < arguments.length; i++) hsq(arguments[i]); return 0; };
  p.push = function () { for (var i = 0; i < arguments.length; i++) hsp(arguments[i]); return 0; };
  hsq(["trackPageView"]);
  for (var i = 0; i < queued.length; i++) hsq(queued[i]);
  for (var j = 0; j < queuedP.length; j++) hsp(queuedP[j]);
})();
