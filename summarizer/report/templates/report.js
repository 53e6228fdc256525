/* Review report behaviour: select a claim <-> its span, follow corpus links, filter, keyboard.
   Data arrives only as JSON (#report-data); nothing from an article is ever turned into HTML here. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var claims = data.claims;
  var form = document.querySelector("form.filters");
  var count = document.getElementById("shown");

  function piecesOf(anchor) {
    return document.querySelectorAll('[data-anchor="s-' + anchor + '"]');
  }
  function itemOf(anchor) {
    return document.getElementById("c-" + anchor) || document.getElementById("mi-" + anchor);
  }
  function revealInList(item) {
    var list = item.closest(".claims-col");
    if (!list) { return; }
    var top = item.offsetTop - list.clientHeight / 2 + item.offsetHeight / 2;
    list.scrollTop = Math.max(0, top);
  }
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;  /* restart the animation */
    el.classList.add("flash");
  }
  function clear() {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }
  /* Select a claim (or a missed gold item): mark its span pieces and list item; scroll to one. */
  function select(anchor, scrollTo) {
    var pieces = piecesOf(anchor);
    var item = itemOf(anchor);
    if (!pieces.length && !item) { return false; }
    clear();
    pieces.forEach(function (p) { p.classList.add("active"); flash(p); });
    if (item) { item.classList.add("active"); flash(item); revealInList(item); }
    var target = scrollTo === "item" ? (item || pieces[0]) : (pieces[0] || item);
    if (scrollTo !== "none" && target) { target.scrollIntoView({ block: "center" }); }
    if (history.replaceState) { history.replaceState(null, "", "#" + (pieces.length ? "s-" : "c-") + anchor); }
    return true;
  }
  function anchorFromHash(hash) {
    var m = /^#(?:s|c|mi)-(d\d+-[cm]\d+)$/.exec(hash || "");
    return m ? m[1] : null;
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target.closest("a.ref, a.val, mark.ev, span.miss, li.claim, li.missitem, button.filter-entity");
    if (!el) { return; }
    if (el.matches("button.filter-entity")) {
      var sel = form.elements.speaker;
      sel.value = el.getAttribute("data-speaker");
      applyFilters();
      return;
    }
    var anchor = el.getAttribute("data-anchor") || "";
    anchor = anchor.replace(/^s-/, "");
    if (!anchor) { return; }
    ev.preventDefault();
    ev.stopPropagation();
    /* a span selects its claim in the list; a list item or a link shows the span in the text */
    select(anchor, el.matches("mark.ev, span.miss") ? "none" : "span");
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.target.closest("select, input, textarea") || ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    if (ev.key === "Enter" && ev.target.matches("li.claim, li.missitem")) {
      select(ev.target.getAttribute("data-anchor"), "span");
      return;
    }
    if (ev.key !== "j" && ev.key !== "k") { return; }
    var items = Array.prototype.slice.call(document.querySelectorAll("li.claim:not(.filtered)"));
    if (!items.length) { return; }
    var at = items.indexOf(document.querySelector("li.claim.active"));
    var next = ev.key === "j" ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1);
    select(items[next].getAttribute("data-anchor"), "span");
  });
  window.addEventListener("hashchange", function () {
    var a = anchorFromHash(location.hash);
    if (a) { select(a, "span"); }
  });

  function applyFilters() {
    var f = form.elements;
    var sp = f.speaker.value, mod = f.modality.value, al = f.alignment.value;
    var evs = f.eval ? f.eval.value : "", flagged = f.flagged.checked;
    var shown = 0, total = 0;
    Object.keys(claims).forEach(function (anchor) {
      var c = claims[anchor];
      var ok = (!sp || c.speaker === sp) && (!mod || c.modality === mod) &&
        (!al || (al === "ungrounded" ? !c.grounded : c.alignment === al)) &&
        (!evs || c.eval === evs) && (!flagged || c.flagged);
      total += 1;
      if (ok) { shown += 1; }
      var item = document.getElementById("c-" + anchor);
      if (item) { item.classList.toggle("filtered", !ok); }
      piecesOf(anchor).forEach(function (p) { p.classList.toggle("dim", !ok); });
    });
    count.textContent = shown + " of " + total + " claims";
  }
  form.addEventListener("change", applyFilters);
  form.addEventListener("reset", function () { setTimeout(applyFilters, 0); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });

  function fitHeader() {
    var h = document.querySelector("header.top").offsetHeight;
    document.documentElement.style.setProperty("--top", (h + 8) + "px");
  }
  window.addEventListener("resize", fitHeader);
  fitHeader();
  applyFilters();
  var start = anchorFromHash(location.hash);
  if (start) { select(start, "span"); }
  document.body.setAttribute("data-ready", "1");
})();
