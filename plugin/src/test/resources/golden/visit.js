  (function (ev) {
    var visit = new RegExp("^/blog/[^/?#]*/$"), last = null;
    tp.onNavigate(function () {
      var path = window.location.pathname;
      if (path === last) return;
      last = path;
      if (visit.test(path)) tp.track(ev, {});
    });
  })({
    name: "pe123_visit_event",
    pages: [],
    props: [
      { name: "post", type: "string", from: "title", arg: "", options: [] },
      { name: "at", type: "datetime", from: "now", arg: "", options: [] },
    ]
  });
