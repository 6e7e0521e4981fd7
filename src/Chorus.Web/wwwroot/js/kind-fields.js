// Progressive enhancement for editors with a kind (posts, events): a fieldset marked data-for-kind shows only while the
// kind chosen is that one (a statement's speaker and venue; a series' rule). Without script every fieldset stays, its
// legend saying whom it is for.
(function () {
  "use strict";
  var kind = document.getElementById("Input_Kind");
  var groups = document.querySelectorAll("fieldset[data-for-kind]");
  if (!kind || groups.length === 0) { return; }
  function update() {
    for (var i = 0; i < groups.length; i++) {
      groups[i].hidden = kind.value !== groups[i].getAttribute("data-for-kind");
    }
  }
  kind.addEventListener("change", update);
  update();
})();
