// quotetrace: a little behaviour on top of pages that read without it.
// - Charts: each mark carries an SVG <title>; this shows the same text at once, on hover, on keyboard focus, and
//   on a tap (touch has no hover: the first tap on a mark shows its details, a second tap follows its link).
// - Forms: a control marked data-autosubmit (the "echoed only" switch, the sort) submits its form when changed.
(function () {
  "use strict";
  var tip = null;
  var tapped = null;
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
    tip.hidden = false;
    var left = Math.min(x + 12, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (y + 12) + "px";
  }
  function hide() { if (tip) { tip.hidden = true; } tapped = null; }
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
      el.addEventListener("pointerdown", function (e) {
        if (e.pointerType === "mouse") { return; }
        if (tapped !== el) {  // first tap: details; the click that follows must not navigate
          tapped = el;
          var p = place(el);
          show(el, p[0], p[1]);
          el.setAttribute("data-tapped", "1");
        }
      });
      el.addEventListener("click", function (e) {
        if (el.getAttribute("data-tapped") === "1") {
          el.removeAttribute("data-tapped");
          e.preventDefault();
        }
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-autosubmit]"), function (el) {
      el.addEventListener("change", function () { if (el.form) { el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit(); } });
    });
  });
}());
