  (function (ev) {
    document.addEventListener("click", function (e) {
      var el = tp.closest(e.target, "a[data-x=\u00271\u0027], .cta");
      if (el) tp.track(ev, { el: el });
    }, true);
  })({
    name: "pe123_click_event",
    pages: ["^/pricing/[^?#]*$", "^/a/(?:b|c)/$", ],
    props: [
      { name: "plan", type: "enumeration", from: "attribute", arg: "data-plan", options: ["basic", "pro", ] },
      { name: "page_url", type: "string", from: "url", arg: "", options: [] },
    ]
  });
