// Trackplan dev server: live reload, the problems overlay and the tracking inspector panel.
// Served only by `mvn trackplan:serve`; never part of the built site.
(function () {
  "use strict";
  var store = window.localStorage;
  if (store.getItem("trackplan.dnt") === "1") {
    try { Object.defineProperty(navigator, "doNotTrack", { get: function () { return "1"; } }); } catch (e) { /* read-only */ }
  }
  var session = window.sessionStorage;
  var plan = { events: {} }, rows = load(), panel = null, list = null, state = null, overlay = null, consent = null;

  // rows survive navigation (a click on a tracked link loads the next page)
  function load() {
    try { return JSON.parse(session.getItem("trackplan.rows") || "[]"); } catch (e) { return []; }
  }
  function save() {
    try { session.setItem("trackplan.rows", JSON.stringify(rows.slice(-50))); } catch (e) { /* full */ }
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function problemsOf(call, decided) {
    var out = [], def = plan.events[call && call.name];
    if (!call || typeof call !== "object") return ["called without {name, properties}"];
    if (decided !== true) out.push("sent without consent");
    if (!def) { out.push("event " + call.name + " is not in the plan"); return out; }
    var props = call.properties || {}, n = 0;
    for (var k in props) {
      if (!Object.prototype.hasOwnProperty.call(props, k)) continue;
      n++;
      var p = def.properties[k], v = props[k];
      if (!p) { out.push("undeclared property " + k); continue; }
      if (p.type === "number" && typeof v !== "number") out.push(k + " should be a number, is " + JSON.stringify(v));
      if (p.type === "datetime" && (typeof v !== "number" || v % 1 !== 0)) out.push(k + " should be epoch ms, is " + JSON.stringify(v));
      if ((p.type === "string" || p.type === "enumeration") && typeof v !== "string") out.push(k + " should be text");
      if (typeof v === "string" && v.length > p.max) out.push(k + " is " + v.length + " characters, over " + p.max);
      if (p.type === "enumeration" && typeof v === "string") {
        var parts = v.split(";");
        for (var i = 0; i < parts.length; i++) if (p.options.indexOf(parts[i]) < 0) out.push(k + ": '" + parts[i] + "' is not an option");
      }
    }
    if (n > plan.maxProperties) out.push(n + " properties, HubSpot keeps " + plan.maxProperties);
    return out;
  }

  function render() {
    save();
    if (!list) return;
    list.textContent = "";
    if (!rows.length) list.appendChild(el("li", { "class": "tp-empty" }, "No events yet. Click around."));
    for (var i = rows.length - 1; i >= 0; i--) {
      var r = rows[i], li = el("li", { "class": r.problems.length ? "tp-bad" : "tp-ok", "data-event": r.name });
      li.appendChild(el("strong", {}, r.label));
      li.appendChild(el("code", {}, " " + r.name));
      if (r.page) li.appendChild(el("div", { "class": "tp-page" }, "on " + r.page));
      if (r.state) li.appendChild(el("div", { "class": "tp-state" }, r.state === "not yet published"
        ? "not yet published: HubSpot drops it until mvn trackplan:apply" : r.state));
      li.appendChild(el("pre", {}, JSON.stringify(r.properties, null, 1)));
      for (var j = 0; j < r.problems.length; j++) li.appendChild(el("div", { "class": "tp-problem" }, "\u26a0 " + r.problems[j]));
      list.appendChild(li);
    }
    var asking = bannerAsking();
    state.textContent = "consent: " + (asking ? "not given yet (the site's banner is asking)"
      : consent === null ? "not given yet" : consent ? "allowed" : "declined") +
      " \u00b7 Do Not Track: " + (store.getItem("trackplan.dnt") === "1" ? "on" : "off");
  }

  window.__trackplanInspector = {
    command: function (queue, cmd, decided) {
      if (queue === "hsq" && cmd && cmd[0] === "trackCustomBehavioralEvent") {
        var call = cmd[1] || {}, def = plan.events[call.name];
        rows.push({ name: call.name, label: def ? def.label : "(not in the plan)", properties: call.properties || {},
          problems: problemsOf(call, decided), page: location.pathname, state: def ? def.state : "" });
        render();
      } else if (queue === "hsq" && cmd && cmd[0] === "doNotTrack") {
        rows.push({ name: "doNotTrack", label: "Do Not Track: nothing will be sent", properties: {}, problems: [] });
        render();
      }
    },
    consent: function (c) { consent = c; render(); },
    note: function (text) { rows.push({ name: "note", label: text, properties: {}, problems: [text] }); render(); },
    // with the site's own banner (consent=banner) its cookie is the truth, not the inspector's memory
    rememberedConsent: function () {
      if (window.disableHubSpotCookieBanner === true) return null;
      var v = store.getItem("trackplan.consent"); return v === null ? null : v === "1";
    }
  };

  // the bundle reports a call it did not send (a required value missing) on console.error: a flagged row
  if (window.console && window.console.error) {
    var consoleError = window.console.error;
    window.console.error = function (message) {
      var m = String(message);
      if (m.indexOf("trackplan: ") === 0 && m.indexOf(": not sent: ") > 0) {
        var name = m.substring(11, m.indexOf(": not sent: ")), def = plan.events[name];
        rows.push({ name: name, label: def ? def.label : name, properties: {}, page: location.pathname,
          problems: [m.substring(m.indexOf("not sent: "))] });
        render();
      }
      return consoleError.apply(window.console, arguments);
    };
  }

  // The overlay lives in a shadow root with its own styles: the site's CSS cannot reach it.
  var OVERLAY_CSS = ":host{all:initial}" +
    ".tp-backdrop{position:fixed;inset:0;background:rgba(15,23,42,.75);z-index:2147483647;overflow:auto;" +
    "padding:2rem 1rem;box-sizing:border-box}" +
    ".tp-card{max-width:60rem;margin:0 auto;background:#fff;color:#1a1a1a;border-top:6px solid #c62828;" +
    "border-radius:8px;padding:1.25rem 1.5rem;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;" +
    "box-shadow:0 8px 32px rgba(0,0,0,.4)}" +
    "h2{margin:0 0 .75rem;font-size:1.25rem;color:#b71c1c}" +
    ".tp-item{margin:0 0 .9rem;padding:.6rem .8rem;background:#fdf3f3;border-left:4px solid #c62828;border-radius:4px}" +
    ".tp-where{font:600 13px/1.4 ui-monospace,Menlo,Consolas,monospace;color:#1a1a1a;overflow-wrap:anywhere}" +
    ".tp-msg{margin:.2rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere;color:#1a1a1a}" +
    "pre{margin:.5rem 0 0;padding:.5rem .7rem;background:#1e1e1e;color:#f5f5f5;border-radius:4px;" +
    "font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}" +
    "p.tp-hint{margin:.75rem 0 0;color:#333}";

  // "file:[line,col] RULE message\n excerpt": the place, the words and the excerpt apart
  function problemParts(line) {
    var nl = line.indexOf("\n"), head = nl < 0 ? line : line.substring(0, nl), excerpt = nl < 0 ? "" : line.substring(nl + 1);
    var m = /^(\S.*?:\[\d+,\d+\]) (TP\d+) ([\s\S]*)$/.exec(head);
    return m ? { where: m[1] + " " + m[2], message: m[3], excerpt: excerpt } : { where: "", message: head, excerpt: excerpt };
  }

  function showProblems(lines) {
    if (overlay) { overlay.parentNode.removeChild(overlay); overlay = null; }
    if (!lines.length || !document.body) return;
    overlay = el("div", { id: "trackplan-overlay", role: "alert" });
    var root = overlay.attachShadow ? overlay.attachShadow({ mode: "open" }) : overlay;
    root.appendChild(el("style", {}, OVERLAY_CSS));
    var backdrop = el("div", { "class": "tp-backdrop" }), card = el("div", { "class": "tp-card" });
    card.appendChild(el("h2", {}, "Trackplan: the build found " + lines.length + " problem" + (lines.length === 1 ? "" : "s")));
    for (var i = 0; i < lines.length; i++) {
      var part = problemParts(lines[i]), item = el("div", { "class": "tp-item" });
      if (part.where) item.appendChild(el("div", { "class": "tp-where" }, part.where));
      item.appendChild(el("div", { "class": "tp-msg" }, part.message));
      if (part.excerpt) item.appendChild(el("pre", {}, part.excerpt));
      card.appendChild(item);
    }
    card.appendChild(el("p", { "class": "tp-hint" }, "Fix the file and save: the page reloads by itself. The last good version of the site is still served."));
    backdrop.appendChild(card);
    root.appendChild(backdrop);
    document.body.appendChild(overlay);
  }

  // The page's own consent banner, when the site uses Trackplan's (consent=banner)
  function bannerButton(choice) {
    return document.querySelector("[data-trackplan-consent=" + choice + "]");
  }
  function bannerAsking() {
    var b = document.querySelector("[data-trackplan-banner]");
    return !!b && !b.hasAttribute("hidden") && window.getComputedStyle(b).display !== "none";
  }

  // keep clear of the banner: sit just above it while it is shown
  function place() {
    if (!panel) return;
    var b = document.querySelector("[data-trackplan-banner]");
    var h = b && !b.hasAttribute("hidden") ? b.getBoundingClientRect().height : 0;
    panel.style.bottom = (12 + Math.ceil(h)) + "px";
    panel.style.maxHeight = "calc(60vh - " + Math.ceil(h) + "px)";
    if (state) render();
  }

  function buildPanel() {
    var css = el("style", {}, "#trackplan-inspector{position:fixed;right:12px;bottom:12px;width:340px;max-height:60vh;" +
      "overflow:auto;background:#fff;color:#111;border:2px solid #0b5cad;border-radius:8px;font:13px/1.4 system-ui,sans-serif;" +
      "z-index:2147483646;box-shadow:0 4px 16px rgba(0,0,0,.2)}#trackplan-inspector header{background:#0b5cad;color:#fff;" +
      "padding:6px 8px;font-weight:700}#trackplan-inspector .tp-buttons{padding:6px 8px;display:flex;gap:4px;flex-wrap:wrap}" +
      "#trackplan-inspector button{font:inherit;padding:2px 6px;cursor:pointer}#trackplan-inspector ul{list-style:none;margin:0;" +
      "padding:0 8px 8px}#trackplan-inspector li{border-top:1px solid #ddd;padding:4px 0}#trackplan-inspector pre{margin:2px 0;" +
      "white-space:pre-wrap;font-size:12px;background:#f6f8fa;color:#111;border:0;padding:2px}#trackplan-inspector .tp-bad{background:#fff3f3}" +
      "#trackplan-inspector .tp-problem{color:#a00}");
    document.head.appendChild(css);
    panel = el("aside", { id: "trackplan-inspector", "aria-label": "Trackplan tracking inspector" });
    panel.appendChild(el("header", {}, "Trackplan inspector"));
    state = el("div", { "class": "tp-state", style: "padding:4px 8px" });
    panel.appendChild(state);
    var buttons = el("div", { "class": "tp-buttons" });
    function button(label, action, fn) {
      var b = el("button", { type: "button", "data-inspector": action }, label);
      b.addEventListener("click", function (e) { e.stopPropagation(); fn(); });
      buttons.appendChild(b);
    }
    // answer through the site's banner when it has one, so banner, cookie and inspector agree
    function choose(allowed) {
      var b = bannerButton(allowed ? "accept" : "decline");
      if (b) { b.click(); return; }
      store.setItem("trackplan.consent", allowed ? "1" : "0");
      if (window.__trackplanInspector.decide) window.__trackplanInspector.decide(allowed);
    }
    button("Accept consent", "accept", function () { choose(true); });
    button("Decline", "decline", function () { choose(false); });
    button("Toggle Do Not Track", "dnt", function () {
      store.setItem("trackplan.dnt", store.getItem("trackplan.dnt") === "1" ? "0" : "1");
      location.reload();
    });
    button("Clear", "clear", function () { rows = []; render(); });
    panel.appendChild(buttons);
    list = el("ul", { "class": "tp-list" });
    panel.appendChild(list);
    document.body.appendChild(panel);
    render();
    place();
    window.addEventListener("resize", place);
    setInterval(place, 500);
  }

  function get(url, fn) {
    var x = new XMLHttpRequest();
    x.open("GET", url, false);
    x.send();
    if (x.status === 200) fn(JSON.parse(x.responseText));
  }
  get("/__trackplan/plan.json", function (p) { plan = p; });

  document.addEventListener("DOMContentLoaded", function () {
    buildPanel();
    get("/__trackplan/problems.json", showProblems);
  });
  if (window.EventSource) {
    var es = new EventSource("/__trackplan/events");
    es.addEventListener("reload", function () { location.reload(); });
    es.addEventListener("problems", function (e) { showProblems(JSON.parse(e.data)); });
  }
})();
