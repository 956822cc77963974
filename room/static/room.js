/* The room's phone page, made live: it follows the room (Server-Sent Events, polling as a
   fallback), shows a running count on ballots and keeps a draft across a reload.
   Everything works without this file; it adds no content of its own (no inline script). */
(function () {
  "use strict";
  var key = document.body.getAttribute("data-key");
  var form = document.getElementById("ballot");

  function follow() {
    if (!key) return;
    var moved = function (now) { if (now && now !== key) { window.location.assign("/vote"); } };
    var poll = function () {
      var ask = function () {
        fetch("/state", {credentials: "same-origin", cache: "no-store"})
          .then(function (r) { return r.json(); }).then(function (d) { moved(d.key); })
          .catch(function () {});
      };
      ask();
      window.setInterval(ask, 4000);
    };
    if (!window.EventSource) { poll(); return; }
    var failures = 0, polling = false;
    var source = new EventSource("/events?key=" + encodeURIComponent(key));
    source.addEventListener("state", function (e) { failures = 0; moved(e.data); });
    source.onerror = function () {
      failures += 1;
      if (failures >= 5 && !polling) { polling = true; source.close(); poll(); }
    };
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && source.readyState === 2 && !polling) {
        window.location.reload();
      }
    });
  }

  function draftKey() { return "room-draft-" + form.getAttribute("data-round"); }

  function saveDraft() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrf" || el.name === "step") return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      values[el.name] = el.value;
    });
    try { window.sessionStorage.setItem(draftKey(), JSON.stringify(values)); } catch (e) {}
  }

  function restoreDraft() {
    var text = null;
    try { text = window.sessionStorage.getItem(draftKey()); } catch (e) {}
    if (!text || form.querySelector(".error")) return;
    var values;
    try { values = JSON.parse(text); } catch (e) { return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !Object.prototype.hasOwnProperty.call(values, el.name)) return;
      if (el.type === "radio" || el.type === "checkbox") { el.checked = el.value === values[el.name]; }
      else if (el.type === "number") { el.value = values[el.name]; }
    });
  }

  function count() {
    var method = form.getAttribute("data-method");
    var counter = document.getElementById("counter");
    var sum = 0;
    if (method === "dot") {
      form.querySelectorAll("input[type=radio]:checked").forEach(function (el) { sum += parseInt(el.value, 10) || 0; });
      var budget = parseInt(form.getAttribute("data-budget"), 10);
      counter.textContent = form.getAttribute("data-left").replace("{left}", budget - sum).replace("{budget}", budget);
      counter.classList.toggle("over", sum > budget);
    } else if (method === "points100") {
      form.querySelectorAll("input[type=number]").forEach(function (el) { sum += parseInt(el.value, 10) || 0; });
      var total = parseInt(form.getAttribute("data-total"), 10);
      counter.textContent = form.getAttribute("data-given").replace("{given}", sum).replace("{total}", total);
      counter.classList.toggle("over", sum !== total);
    }
  }

  if (form) {
    restoreDraft();
    count();
    form.addEventListener("input", function () { saveDraft(); count(); });
    form.addEventListener("change", function () { saveDraft(); count(); });
  }
  if (key && key.charAt(0) === "v") {
    try { window.sessionStorage.clear(); } catch (e) {}
  }
  follow();
})();
