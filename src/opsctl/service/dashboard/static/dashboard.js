/* opsctl dashboard: the live log of a run (Server-Sent Events) and plan expiry countdowns.
   No inline script anywhere: the Content-Security-Policy allows scripts from this site only.
   Every value is written with textContent, never as HTML. */
(function () {
  "use strict";

  function fields(data) {
    var parts = [];
    Object.keys(data || {}).forEach(function (key) {
      var value = data[key];
      if (value === null || value === undefined || value === "") { return; }
      if (typeof value === "object") { value = JSON.stringify(value); }
      parts.push(key + "=" + value);
    });
    return parts.join(" ");
  }

  function line(event) {
    var at = (event.at || "").slice(11, 23);
    var data = event.data || {};
    if (event.kind === "log") {
      var rest = Object.assign({}, data);
      delete rest.level; delete rest.event;
      return at + " " + (data.level || "info") + " " + (data.event || "") + " " + fields(rest);
    }
    return at + " " + event.kind + " " + fields(data);
  }

  function follow(log) {
    var url = log.getAttribute("data-events");
    var kinds = (log.getAttribute("data-kinds") || "").split(" ");
    var state = document.getElementById("live-state");
    var source = new EventSource(url);  // reconnects by itself, sending Last-Event-ID
    function append(text, cls) {
      var row = document.createElement("span");
      row.className = "l " + (cls || "");
      row.textContent = text + "\n";
      log.appendChild(row);
      log.scrollTop = log.scrollHeight;
    }
    kinds.forEach(function (kind) {
      if (!kind) { return; }
      source.addEventListener(kind, function (message) {
        try {
          var event = JSON.parse(message.data);
          append(line(event), "k-" + kind.replace(".", "-"));
        } catch (err) { append(message.data); }
      });
    });
    source.addEventListener("result", function (message) {
      source.close();
      var result = {};
      try { result = JSON.parse(message.data); } catch (err) { /* shown as is */ }
      append("result " + (result.status || "") + " exit " + result.exit_code, "k-result");
      log.setAttribute("data-finished", result.status || "done");
      if (state) { state.textContent = "finished: " + (result.status || ""); }
      var refresh = log.getAttribute("data-refresh");
      if (refresh && window.htmx && state && state.getAttribute("data-was-live") === "1") {
        window.htmx.ajax("GET", refresh, {target: "#run-detail", select: "#run-detail",
                                          swap: "outerHTML"});
      }
    });
    source.onopen = function () { if (state && !log.getAttribute("data-finished")) { state.textContent = "live"; } };
    source.onerror = function () {
      if (!state || log.getAttribute("data-finished")) { return; }
      // CLOSED: the browser gave up (the login ended: the stream's URL now answers with the
      // login page), so saying "reconnecting" would be a promise nobody keeps
      state.textContent = source.readyState === EventSource.CLOSED
        ? "disconnected: reload the page (log in again if the login ended)" : "reconnecting…";
    };
  }

  function countdowns() {
    var nodes = document.querySelectorAll("[data-expires-at]");
    if (!nodes.length) { return; }
    function tick() {
      nodes.forEach(function (node) {
        var left = Math.floor((Date.parse(node.getAttribute("data-expires-at")) - Date.now()) / 1000);
        if (isNaN(left)) { return; }
        if (left <= 0) { node.textContent = "expired"; node.classList.add("expired"); return; }
        var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
        node.textContent = h ? h + "h " + String(m).padStart(2, "0") + "m"
                             : m + "m " + String(s).padStart(2, "0") + "s";
      });
    }
    tick();
    setInterval(tick, 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    // a form shown again with its errors: the first field to fix has the keyboard
    var invalid = document.querySelector("form [aria-invalid=true]");
    if (invalid) { invalid.focus(); }
    var log = document.getElementById("live-log");
    if (log && window.EventSource) {
      var state = document.getElementById("live-state");
      if (state && state.textContent.trim() === "live") { state.setAttribute("data-was-live", "1"); }
      follow(log);
    }
    countdowns();
  });
}());
