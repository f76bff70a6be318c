  (function (ev) {
    var track = function (properties) { tp.track(ev, { values: properties || {} }); };
    try {
var n = document.querySelectorAll(".plan").length;
track({ count: n });

    } catch (err) {
      tp.fail(ev, err);
    }
  })({
    name: "pe123_custom_event",
    pages: [],
    props: [
      { name: "count", type: "number", from: "", arg: "", options: [] },
    ]
  });
