// Progressive enhancement for the sign-on form: suggests organisations from the directory as the name is typed
// (the form works without it: the server matches a typed name or acronym), hides the "new organisation" fields
// once a listed one is chosen, and shows only the fields that apply to signing as an individual.
(function () {
  "use strict";
  var input = document.getElementById("Input_Organisation");
  var list = document.getElementById("organisation-suggestions");
  var extra = document.querySelector(".new-organisation");
  if (input && list && window.fetch) {
    var known = {};
    var timer = 0;
    var last = "";
    var update = function () {
      if (extra) { extra.hidden = Object.prototype.hasOwnProperty.call(known, input.value.trim()); }
    };
    input.addEventListener("input", function () {
      update();
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q === last) { return; }
      timer = setTimeout(function () {
        last = q;
        fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.textContent = "";
            items.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.name;
              option.label = [item.acronym, item.country].filter(Boolean).join(" · ");
              known[item.name] = true;
              list.appendChild(option);
            });
            update();
          })
          .catch(function () { /* suggestions are a convenience; the form still works */ });
      }, 200);
    });
  }
  var person = document.getElementById("as-person");
  var organisation = document.getElementById("as-org");
  if (person && organisation) {
    var fields = ["Input_Organisation", "Input_Role", "Input_Authorised"].map(function (id) {
      var el = document.getElementById(id);
      return el && el.closest(".field");
    }).concat([extra]);
    var toggle = function () {
      fields.forEach(function (f) { if (f) { f.hidden = person.checked; } });
    };
    person.addEventListener("change", toggle);
    organisation.addEventListener("change", toggle);
    toggle();
  }
})();
