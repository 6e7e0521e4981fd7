// Progressive enhancement for the post editor: the fields that only a statement has (speaker, venue, addressee, versions)
// show only while the post's kind is Statement. Without script they stay visible in their "For statements" fieldset.
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
