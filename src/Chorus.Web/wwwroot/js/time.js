// Progressive enhancement for event times: fills the time-zone picker with the browser's zone and, the
// first time a reader opens an event page, remembers that zone (the page then shows their local times).
(function () {
  "use strict";
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) { return; }
  var marker = document.querySelector("[data-reader-zone]");
  if (!marker || marker.getAttribute("data-reader-zone")) { return; }
  var select = document.getElementById("zone");
  if (select) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === zone) { select.value = zone; }
    }
    return;
  }
  var tried = false;
  try { tried = sessionStorage.getItem("chorus-tz") === zone; sessionStorage.setItem("chorus-tz", zone); } catch (e) { tried = true; }
  if (tried) { return; }
  document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";
  location.reload();
})();
