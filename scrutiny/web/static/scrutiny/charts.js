/* Draw each performance chart from its Vega-Lite spec (a <script type="application/json">
   written by the page).  Without JavaScript the table beside each chart has the same
   figures. */
(function () {
  "use strict";
  function draw() {
    if (!window.vegaEmbed) { return; }
    var boxes = document.querySelectorAll("[data-chart-spec]");
    Array.prototype.forEach.call(boxes, function (box) {
      var source = document.getElementById(box.getAttribute("data-chart-spec"));
      if (!source) { return; }
      var spec = JSON.parse(source.textContent);
      window.vegaEmbed(box, spec, { actions: false, renderer: "svg" }).then(function () {
        box.setAttribute("data-chart-drawn", "true");
      }).catch(function (err) {
        box.setAttribute("data-chart-error", String(err));
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
