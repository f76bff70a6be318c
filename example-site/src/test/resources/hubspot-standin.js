// Browser suite: the shared HubSpot stand-in (from the plugin jar, served before this file),
// recording every command to the test server so that commands survive page navigation.
(function () {
  var standIn = window.__trackplanStandIn(window, function (queue, command) {
    try {
      var x = new XMLHttpRequest();
      x.open("POST", "/__trackplan/record", false);
      x.setRequestHeader("Content-Type", "application/json");
      x.send(JSON.stringify({ queue: queue, page: location.pathname, command: command }, function (k, v) {
        return typeof v === "function" ? "<function>" : v;
      }));
    } catch (e) { /* the page is going away */ }
  });
  window._hsq = window._hsq || [];
  window._hsq.unshift(["trackPageView"]);
  standIn.load();
})();
