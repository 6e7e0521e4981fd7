// Progressive enhancement for event times. On a page that does not know the reader's zone yet (no "tz" cookie), shows
// each time in the browser's zone beside the organiser's, as the server does once it knows the zone, and remembers the
// zone in the cookie for the next pages (no reload: the page is read once). On the zone form, preselects the zone.
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
  document.cookie = "tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax";

  var lang = document.documentElement.lang || "en";
  function format(date, z, options) {
    options.timeZone = z;
    return new Intl.DateTimeFormat(lang, options).format(date);
  }
  function abbreviation(date, z) {
    var parts = new Intl.DateTimeFormat(lang, { timeZone: z, timeZoneName: "short" }).formatToParts(date);
    for (var i = 0; i < parts.length; i++) { if (parts[i].type === "timeZoneName") { return parts[i].value; } }
    return "";
  }
  // The same shapes as the server's ZonedSpan.Text: "Friday 17 December 2021, 10:00–17:30 CET" and its variants.
  function span(start, end, z) {
    var day = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
    var clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    var d1 = format(start, z, day), d2 = format(end, z, day), t1 = format(start, z, clock), t2 = format(end, z, clock);
    var a1 = abbreviation(start, z), a2 = abbreviation(end, z);
    if (d1 === d2) { return a1 === a2 ? d1 + ", " + t1 + "–" + t2 + " " + a1 : d1 + ", " + t1 + " " + a1 + " – " + t2 + " " + a2; }
    return a1 === a2 ? d1 + ", " + t1 + " – " + d2 + ", " + t2 + " " + a1 : d1 + ", " + t1 + " " + a1 + " – " + d2 + ", " + t2 + " " + a2;
  }
  var times = document.querySelectorAll("p.when time[data-zone]");
  for (var j = 0; j < times.length; j++) {
    var time = times[j], organiser = time.getAttribute("data-zone");
    var start = new Date(time.getAttribute("datetime")), end = new Date(time.getAttribute("data-end"));
    if (organiser === zone || isNaN(start) || isNaN(end)) { continue; }
    var theirs = span(start, end, zone);
    if (theirs === span(start, end, organiser)) { continue; }
    var p = document.createElement("p");
    p.className = "when reader";
    var label = document.createElement("strong");
    label.textContent = marker.getAttribute("data-your-time") + ":";
    var city = document.createElement("span");
    city.className = "zone";
    city.textContent = "(" + zone.split("/").pop().replace(/_/g, " ") + ")";
    var hint = document.createElement("span");
    hint.className = "hint";
    hint.textContent = marker.getAttribute("data-zone-hint");
    p.append(label, " " + theirs + " ", city, document.createElement("br"), hint);
    time.parentNode.after(p);
  }
})();
