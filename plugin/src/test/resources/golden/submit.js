  (function (ev) {
    document.addEventListener("submit", function (e) {
      var form = tp.closest(e.target, "form#signup");
      if (form) tp.track(ev, { el: form, form: form });
    }, true);
  })({
    name: "pe123_submit_event",
    pages: [],
    props: [
      { name: "size", type: "enumeration", from: "field", arg: "size", options: ["small", "large", ] },
      { name: "source", type: "string", from: "query", arg: "utm_source", options: [] },
    ]
  });
