/* The stages' phone pages: a live character counter on a text field with a limit.
   The limit is also the field's maxlength and is checked again by the server. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-limit]"), function (field) {
    var counter = document.getElementById(field.getAttribute("data-counter"));
    var limit = parseInt(field.getAttribute("data-limit"), 10);
    var text = field.getAttribute("data-left");
    if (!counter || !limit) return;
    var update = function () {
      var left = limit - field.value.length;
      counter.textContent = text.replace("{left}", left);
      counter.classList.toggle("over", left < 0);
      counter.classList.toggle("low", left >= 0 && left < 40);
    };
    field.addEventListener("input", update);
    update();
  });
})();
