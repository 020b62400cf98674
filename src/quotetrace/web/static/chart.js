// quotetrace: tooltips for the server-drawn SVG charts. The charts read without this script
// (each mark carries an SVG <title>); this only shows the same text at once, on hover and on keyboard focus.
(function () {
  "use strict";
  var tip = null;
  function show(el, x, y) {
    var text = el.getAttribute("data-tip");
    if (!text) { return; }
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "chart-tip";
      tip.setAttribute("role", "status");
      document.body.appendChild(tip);
    }
    tip.textContent = text;  // text, never HTML
    tip.style.left = (x + 12) + "px";
    tip.style.top = (y + 12) + "px";
    tip.hidden = false;
  }
  function hide() { if (tip) { tip.hidden = true; } }
  function place(el) {
    var box = el.getBoundingClientRect();
    return [box.left + window.scrollX + box.width / 2, box.top + window.scrollY];
  }
  document.addEventListener("DOMContentLoaded", function () {
    var marks = document.querySelectorAll("svg [data-tip]");
    Array.prototype.forEach.call(marks, function (el) {
      el.addEventListener("mousemove", function (e) { show(el, e.pageX, e.pageY); });
      el.addEventListener("mouseleave", hide);
      el.addEventListener("focus", function () { var p = place(el); show(el, p[0], p[1]); });
      el.addEventListener("blur", hide);
    });
  });
}());
