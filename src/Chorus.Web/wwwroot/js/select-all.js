// "Select all on this page" for a table of checkboxes: the hidden checkbox marked data-select-all="Name" is shown, and
// ticks or clears every checkbox of that name in its form (and shows whether some, all or none are ticked).
// Without script the form still offers buttons that act on every row shown.
(function () {
  "use strict";
  document.querySelectorAll("input[type=checkbox][data-select-all]").forEach(function (all) {
    var form = all.form;
    var name = all.getAttribute("data-select-all");
    if (!form) { return; }
    var boxes = function () {
      return Array.prototype.filter.call(form.querySelectorAll("input[type=checkbox]"), function (box) { return box.name === name; });
    };
    var sync = function () {
      var ticked = boxes().filter(function (box) { return box.checked; }).length;
      all.checked = ticked > 0 && ticked === boxes().length;
      all.indeterminate = ticked > 0 && !all.checked;
    };
    all.addEventListener("change", function () {
      boxes().forEach(function (box) { box.checked = all.checked; });
      all.indeterminate = false;
    });
    form.addEventListener("change", function (e) {
      if (e.target !== all && e.target.name === name) { sync(); }
    });
    var holder = all.closest("[hidden]");
    if (holder) { holder.hidden = false; }
    sync();
  });
})();
