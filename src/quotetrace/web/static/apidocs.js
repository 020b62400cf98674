// quotetrace: interactive API docs, read from this server's OpenAPI spec and served with it (no CDN).
// Every operation with its parameters and answers; GET operations can be tried from the page.
(function () {
  "use strict";
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }  // text, never HTML
    return node;
  }
  function fill(path, values) {
    return path.replace(/\{([^}:]+)(:[^}]*)?\}/g, function (_, name) {
      return encodeURIComponent(values[name] || "");
    });
  }
  function tryIt(method, path, params, form, out) {
    var values = {};
    var query = new URLSearchParams();
    params.forEach(function (p) {
      var input = form.querySelector("[name='" + p.name + "']");
      var value = input ? input.value.trim() : "";
      if (!value) { return; }
      if (p["in"] === "path") { values[p.name] = value; } else { query.append(p.name, value); }
    });
    var url = fill(path, values) + (query.toString() ? "?" + query.toString() : "");
    out.textContent = method.toUpperCase() + " " + url + "\n…";
    fetch(url, { method: method.toUpperCase(), headers: { Accept: "application/json" } }).then(function (response) {
      return response.text().then(function (body) {
        var shown = body;
        try { shown = JSON.stringify(JSON.parse(body), null, 2); } catch (e) { /* CSV, JSONL: as sent */ }
        if (shown.length > 20000) { shown = shown.slice(0, 20000) + "\n… (cut here; the answer is longer)"; }
        out.textContent = method.toUpperCase() + " " + url + "\n" + response.status + " " + response.statusText + "\n\n" + shown;
      });
    }).catch(function (error) { out.textContent = String(error); });
  }
  function operation(path, method, op) {
    var box = el("details", { "class": "op", id: (op.operationId || method + path) });
    var summary = el("summary");
    summary.appendChild(el("span", { "class": "method " + method }, method.toUpperCase()));
    summary.appendChild(el("code", {}, path));
    summary.appendChild(document.createTextNode(" " + (op.summary || "")));
    box.appendChild(summary);
    var body = el("div", { "class": "body" });
    if (op.description) { body.appendChild(el("p", {}, op.description)); }
    var params = op.parameters || [];
    var form = el("form");
    params.forEach(function (p) {
      var row = el("div", { "class": "param" });
      var label = el("label", { "for": box.id + "-" + p.name }, p.name + (p.required ? " *" : "") + " (" + p["in"] + ")");
      row.appendChild(label);
      row.appendChild(el("input", { id: box.id + "-" + p.name, name: p.name }));
      if (p.description) { row.appendChild(el("span", { "class": "desc" }, p.description)); }
      form.appendChild(row);
    });
    var out = el("pre", { "aria-live": "polite" });
    if (method === "get") {
      var button = el("button", { type: "submit" }, "Try it");
      form.appendChild(button);
      form.addEventListener("submit", function (e) { e.preventDefault(); tryIt(method, path, params, form, out); });
    } else {
      form.appendChild(el("p", { "class": "note" }, "Send this one with curl or a client: it needs a bearer token."));
    }
    body.appendChild(form);
    var answers = el("p", { "class": "note" }, "Answers: " + Object.keys(op.responses || {}).map(function (code) {
      return code + " " + ((op.responses[code] || {}).description || "");
    }).join(" · "));
    body.appendChild(answers);
    body.appendChild(out);
    box.appendChild(body);
    return box;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("api-docs");
    if (!root) { return; }
    fetch(root.getAttribute("data-spec")).then(function (r) { return r.json(); }).then(function (spec) {
      root.textContent = "";
      if (spec.info && spec.info.description) { root.appendChild(el("p", {}, spec.info.description)); }
      Object.keys(spec.paths).forEach(function (path) {
        Object.keys(spec.paths[path]).forEach(function (method) {
          root.appendChild(operation(path, method, spec.paths[path][method]));
        });
      });
    }).catch(function (error) { root.textContent = "Could not read the spec: " + error; });
  });
}());
