// The browser environment the bundle runs in during verification: window, document, location,
// history, navigator, cookies and event dispatch, over the jsoup page exported as __dom. It looks
// like a browser page: no engine-specific globals, a browser's user agent, the site's own address,
// and nothing of the verifier left on the global object (the script evaluates to the verifier's
// controls instead).
(function (global) {
  "use strict";
  var dom = global.__dom, cfg = JSON.parse(global.__cfg), clock = global.__trackplanClock, apply = Reflect.apply;
  delete global.__dom;
  delete global.__cfg;
  delete global.__trackplanClock;
  // whose code runs (the runtime's, or one event's), for each event's time budget: a listener runs
  // on the clock of the event that registered it; only this closure holds the clock
  if (!clock) clock = { owner: function () { return -1; }, enter: function () {}, leave: function () {} };
  var engineOnly = ["Graal", "Polyglot", "Java", "Packages", "java", "javax", "print", "printErr", "load",
    "loadWithNewGlobal", "quit", "exit", "read", "readbuffer", "readline", "arguments"];
  for (var g = 0; g < engineOnly.length; g++) delete global[engineOnly[g]];

  // deterministic time and randomness
  var fixedNow = cfg.now;
  Date.now = function () { return fixedNow; };
  var seed = 42;
  Math.random = function () { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };

  var wrappers = {};
  var listeners = {};
  var props = {};
  // Answers the host gave in this page view that cannot change: a node's type and parent (the tree
  // has no mutation methods), whether a selector is valid (its text alone decides). Answers that
  // depend on attributes (which elements a selector matches) are kept until the page changes an
  // attribute. Each is asked of the host once, so it is in the page view's record of questions
  // (Situations) once; asking again would get the same answer.
  var nodeTypes = [], parents = [], validSelectors = Object.create(null), matched = Object.create(null);
  // listeners registered, by target and type: function -> 1 (bubble), 2 (capture), 3 (both)
  var WeakMapOf = WeakMap, weakGet = WeakMap.prototype.get, weakSet = WeakMap.prototype.set, registered = {};

  function parseIds(s) {
    if (!s) return [];
    var parts = s.split(","), out = [];
    for (var i = 0; i < parts.length; i++) out.push(wrap(Number(parts[i])));
    return out;
  }

  function checkSelector(sel) {
    sel = String(sel);
    if (validSelectors[sel] === true) return sel;
    var err = dom.selectorError(sel);
    if (err !== null) throw new SyntaxError("'" + sel + "' is not a valid selector: " + err);
    validSelectors[sel] = true;
    return sel;
  }
  function nodeTypeOf(id) {
    var t = nodeTypes[id];
    return t !== undefined ? t : (nodeTypes[id] = dom.nodeType(id));
  }
  function parentOf(id) {
    var p = parents[id];
    return p !== undefined ? p : (parents[id] = dom.parent(id));
  }
  // which element a selector question about element id answers: kept until an attribute changes
  function closestOf(id, sel) {
    var k = "c" + id + " " + sel, a = matched[k];
    return a !== undefined ? a : (matched[k] = dom.closest(id, sel));
  }
  function matchesOf(id, sel) {
    var k = "m" + id + " " + sel, a = matched[k];
    return a !== undefined ? a : (matched[k] = dom.matches(id, sel));
  }
  function attributesChanged() { matched = Object.create(null); }

  function EventTarget() {}
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    var capture = options === true || !!(options && options.capture === true);
    var key = this.__key, map = listeners[key] || (listeners[key] = {});
    var list = map[type] || (map[type] = []);
    var bit = capture ? 2 : 1;
    if (fn !== null && (typeof fn === "object" || typeof fn === "function")) {
      // a function is registered once per phase: a lookup, not a scan of every listener so far
      var byType = registered[key] || (registered[key] = {}), seen = byType[type] || (byType[type] = new WeakMapOf());
      var has = apply(weakGet, seen, [fn]) || 0;
      if (has & bit) return;
      apply(weakSet, seen, [fn, has | bit]);
    } else {
      for (var i = 0; i < list.length; i++) if (list[i].fn === fn && list[i].capture === capture) return;
    }
    list.push({ fn: fn, capture: capture, owner: clock.owner() });
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    var capture = options === true || !!(options && options.capture === true);
    var list = (listeners[this.__key] || {})[type] || [];
    for (var i = 0; i < list.length; i++) if (list[i].fn === fn && list[i].capture === capture) {
      list.splice(i, 1);
      var seen = (registered[this.__key] || {})[type];
      if (seen) apply(weakSet, seen, [fn, (apply(weakGet, seen, [fn]) || 0) & ~(capture ? 2 : 1)]);
      return;
    }
  };
  function dispatch(event) {
    var path = [], n = this;
    while (n) { path.push(n); n = n.__parentTarget(); }
    event.target = this;
    // whose clock runs now: a listener registered by the same code runs on it without switching
    var running = clock.owner();
    function call(fn, target) {
      if (typeof fn === "function") apply(fn, target, [event]); else if (fn && fn.handleEvent) fn.handleEvent(event);
    }
    function invoke(target, capturePhase, atTarget) {
      var list = ((listeners[target.__key] || {})[event.type] || []).slice();
      event.currentTarget = target;
      for (var i = 0; i < list.length && !event.__stopImmediate; i++) {
        if (!atTarget && list[i].capture !== capturePhase) continue;
        var fn = list[i].fn, owner = list[i].owner;
        if (owner === running) {
          call(fn, target);
          continue;
        }
        clock.enter(owner);
        try {
          call(fn, target);
        } finally {
          clock.leave();
        }
      }
    }
    for (var c = path.length - 1; c > 0 && !event.__stop; c--) invoke(path[c], true, false);
    if (!event.__stop) invoke(path[0], true, true);
    if (event.bubbles) for (var b = 1; b < path.length && !event.__stop; b++) invoke(path[b], false, false);
    event.currentTarget = null;
    return !event.defaultPrevented;
  }
  EventTarget.prototype.dispatchEvent = dispatch;

  function Event(type, init) {
    this.type = type;
    this.bubbles = !!(init && init.bubbles);
    this.cancelable = !!(init && init.cancelable);
    this.defaultPrevented = false;
    this.target = null;
    this.currentTarget = null;
  }
  Event.prototype.preventDefault = function () { if (this.cancelable) this.defaultPrevented = true; };
  Event.prototype.stopPropagation = function () { this.__stop = true; };
  Event.prototype.stopImmediatePropagation = function () { this.__stop = true; this.__stopImmediate = true; };

  function Node(id) { this.__id = id; this.__key = "n" + id; }
  Node.prototype = Object.create(EventTarget.prototype);
  Node.prototype.__parentTarget = function () {
    var p = parentOf(this.__id);
    return p < 0 ? document : wrap(p);
  };
  Object.defineProperties(Node.prototype, {
    nodeType: { get: function () { return nodeTypeOf(this.__id); } },
    parentNode: { get: function () { var p = parentOf(this.__id); return p < 0 ? document : wrap(p); } },
    parentElement: { get: function () { var p = parentOf(this.__id); return p < 0 ? null : wrap(p); } },
    textContent: { get: function () { return dom.text(this.__id); } },
    tagName: { get: function () { return dom.tag(this.__id); } },
    nodeName: { get: function () { return dom.tag(this.__id); } },
    id: { get: function () { return dom.attr(this.__id, "id") || ""; } },
    className: { get: function () { return dom.attr(this.__id, "class") || ""; } },
    value: {
      get: function () { var k = this.__key; return props[k] && "value" in props[k] ? props[k].value : dom.value(this.__id); },
      set: function (v) { (props[this.__key] || (props[this.__key] = {})).value = String(v); }
    },
    checked: {
      get: function () { var k = this.__key; return props[k] && "checked" in props[k] ? props[k].checked : dom.hasAttr(this.__id, "checked"); },
      set: function (v) { (props[this.__key] || (props[this.__key] = {})).checked = !!v; }
    },
    disabled: { get: function () { return dom.hasAttr(this.__id, "disabled"); } },
    type: { get: function () { return (dom.attr(this.__id, "type") || "").toLowerCase(); } },
    name: { get: function () { return dom.attr(this.__id, "name") || ""; } },
    href: { get: function () { return dom.attr(this.__id, "href") || ""; } }
  });
  Node.prototype.getAttribute = function (n) { return dom.attr(this.__id, String(n)); };
  Node.prototype.hasAttribute = function (n) { return dom.hasAttr(this.__id, String(n)); };
  Node.prototype.setAttribute = function (n, v) { attributesChanged(); dom.setAttr(this.__id, String(n), String(v)); };
  Node.prototype.removeAttribute = function (n) { attributesChanged(); dom.removeAttr(this.__id, String(n)); };
  Node.prototype.matches = function (s) { return matchesOf(this.__id, checkSelector(s)); };
  Node.prototype.closest = function (s) { var c = closestOf(this.__id, checkSelector(s)); return c < 0 ? null : wrap(c); };
  Node.prototype.querySelector = function (s) { return parseIds(dom.select(this.__id, checkSelector(s)))[0] || null; };
  Node.prototype.querySelectorAll = function (s) { return parseIds(dom.select(this.__id, checkSelector(s))); };
  Node.prototype.click = function () { this.dispatchEvent(new Event("click", { bubbles: true, cancelable: true })); };
  Node.prototype.submit = function () { /* programmatic submit fires no event, as in browsers */ };
  Node.prototype.requestSubmit = function () { this.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true })); };

  function wrap(id) { return wrappers[id] || (wrappers[id] = new Node(id)); }

  var cookies = {};
  var document = Object.create(EventTarget.prototype);
  Object.defineProperty(document, "__key", { value: "document", enumerable: false });
  Object.defineProperty(document, "__parentTarget", { value: function () { return window; }, enumerable: false });
  document.nodeType = 9;
  document.referrer = cfg.referrer;
  document.readyState = "interactive";
  Object.defineProperty(document, "title", { get: function () { return dom.title(); } });
  Object.defineProperty(document, "documentElement", { get: function () { return wrap(dom.documentElement()); } });
  Object.defineProperty(document, "head", { get: function () { return wrap(dom.head()); } });
  Object.defineProperty(document, "body", { get: function () { return wrap(dom.body()); } });
  Object.defineProperty(document, "cookie", {
    get: function () {
      var out = [];
      for (var k in cookies) if (Object.prototype.hasOwnProperty.call(cookies, k)) out.push(k + "=" + cookies[k]);
      return out.join("; ");
    },
    set: function (v) {
      var parts = String(v).split(";"), first = parts[0], eq = first.indexOf("=");
      if (eq < 0) return;
      var name = first.substring(0, eq).replace(/^\s+|\s+$/g, ""), expired = false;
      for (var i = 1; i < parts.length; i++) if (/^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(parts[i])) expired = true;
      if (expired) delete cookies[name]; else cookies[name] = first.substring(eq + 1);
    }
  });
  document.querySelector = function (s) { return parseIds(dom.select(-1, checkSelector(s)))[0] || null; };
  document.querySelectorAll = function (s) { return parseIds(dom.select(-1, checkSelector(s))); };
  document.getElementById = function (i) { var n = dom.byId(String(i)); return n < 0 ? null : wrap(n); };
  document.createEvent = function () { return new Event(""); };
  for (var c in cfg.cookies) if (Object.prototype.hasOwnProperty.call(cfg.cookies, c)) cookies[c] = cfg.cookies[c];

  // the address is asked of the host each time it is read (until the page changes it), so the
  // verifier knows whether the page's code looked at it
  var location = {}, changedUrl = null;
  function parts() {
    var m = /^([a-z]+:)\/\/([^\/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(changedUrl !== null ? changedUrl : dom.url());
    return { protocol: m[1], host: m[2], hostname: m[2].replace(/:\d+$/, ""), origin: m[1] + "//" + m[2],
      pathname: m[3] || "/", search: m[4] || "", hash: m[5] || "" };
  }
  function setUrl(u) { changedUrl = String(u); }
  ["protocol", "host", "hostname", "origin", "pathname", "search", "hash"].forEach(function (k) {
    Object.defineProperty(location, k, {
      get: function () { return parts()[k]; },
      set: function (v) { var p = parts(); p[k] = String(v); setUrl(p.protocol + "//" + p.host + p.pathname + p.search + p.hash); },
      enumerable: true, configurable: true
    });
  });
  Object.defineProperty(location, "href", {
    get: function () { var p = parts(); return p.origin + p.pathname + p.search + p.hash; },
    set: function (v) { setUrl(resolve(v)); },
    enumerable: true, configurable: true
  });
  location.toString = function () { return location.href; };

  function resolve(url) {
    url = String(url);
    if (/^[a-z]+:\/\//i.test(url)) return url;
    if (url.charAt(0) === "/") return location.origin + url;
    if (url.charAt(0) === "?") return location.origin + location.pathname + url;
    if (url.charAt(0) === "#") return location.origin + location.pathname + location.search + url;
    return location.origin + location.pathname.replace(/[^\/]*$/, "") + url;
  }

  var window = global;
  var historyStack = [];
  var history = {
    length: 1,
    state: null,
    pushState: function (state, title, url) {
      historyStack.push(location.href);
      if (url !== undefined && url !== null) setUrl(resolve(url));
      history.state = state;
      history.length++;
    },
    replaceState: function (state, title, url) {
      if (url !== undefined && url !== null) setUrl(resolve(url));
      history.state = state;
    },
    back: function () {
      if (!historyStack.length) return;
      setUrl(historyStack.pop());
      window.dispatchEvent(new Event("popstate"));
    }
  };

  function hidden(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false }); }
  hidden(window, "__key", "window");
  hidden(window, "__parentTarget", function () { return null; });
  window.addEventListener = EventTarget.prototype.addEventListener;
  window.removeEventListener = EventTarget.prototype.removeEventListener;
  window.dispatchEvent = EventTarget.prototype.dispatchEvent;
  window.window = window;
  window.self = window;
  window.document = document;
  window.location = location;
  window.history = history;
  window.navigator = {
    doNotTrack: cfg.doNotTrack ? "1" : null,
    userAgent: cfg.userAgent,
    appName: "Netscape",
    appVersion: cfg.userAgent.replace(/^Mozilla\//, ""),
    platform: "Win32",
    vendor: "Google Inc.",
    language: "en-US",
    languages: ["en-US", "en"],
    cookieEnabled: true,
    onLine: true,
    webdriver: false,
    hardwareConcurrency: 8
  };
  window.screen = { width: 1920, height: 1080, availWidth: 1920, availHeight: 1040, colorDepth: 24, pixelDepth: 24 };
  window.innerWidth = 1920;
  window.innerHeight = 947;
  window.devicePixelRatio = 1;
  document.visibilityState = "visible";
  document.hidden = false;
  window.Event = Event;
  window.setTimeout = function (fn) { if (typeof fn === "function") fn(); return 0; };
  window.clearTimeout = function () {};

  // for the verifier, never on the page's global object
  return {
    fire: function (id, type) {
      return apply(dispatch, wrap(id), [new Event(type, { bubbles: true, cancelable: true })]);
    }
  };
})(this);
