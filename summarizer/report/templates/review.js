/* Review editing: mark claims right or wrong, correct a claim's speaker, cue, modality or evidence
   (typing, or selecting the words in the article), add a claim the extractor missed, mark a sentence
   "no claim here"; export the corrected claims as gold JSONL in the project's gold format, plus
   review stats. Corrections live in localStorage under the report's content hash, with undo.
   Keys: j / k move, r right, w wrong, e edit, a add from the selection, n no claim here, u undo.
   Article text only ever reaches the page as textContent or an input's value, never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var review = data.review;
  if (!review) { return; }
  var STORE = "summarizer-review:" + review.key;
  var UNDO = STORE + ":undo";
  var state = read(STORE, null) || blank();
  var undo = read(UNDO, []);
  var chars = {};  /* doc anchor -> the text as code points (offsets are Python str indices) */
  var editing = null;  /* {anchor} for a claim, {doc, added: id} for an added one, {doc, add: true} for a new one */

  function blank() { return { marks: {}, added: [], noclaim: {}, next: 1 }; }
  function read(key, fallback) {
    try { var v = JSON.parse(localStorage.getItem(key) || "null"); return v === null ? fallback : v; }
    catch (e) { return fallback; }
  }
  function persist() {
    try { localStorage.setItem(STORE, JSON.stringify(state)); localStorage.setItem(UNDO, JSON.stringify(undo)); }
    catch (e) { status("could not save the review in this browser: " + e.message); }
  }
  function change(fn) {
    undo.push(JSON.stringify(state));
    if (undo.length > 200) { undo.shift(); }
    fn();
    persist();
    render();
  }
  function undoLast() {
    if (!undo.length) { status("nothing to undo"); return; }
    state = JSON.parse(undo.pop());
    persist();
    render();
    status("undone");
  }

  /* --- offsets: the page's text is the article's, character for character ------------------ */
  function codepoints(doc) { return chars[doc] || (chars[doc] = Array.from(review.docs[doc].text)); }
  function slice(doc, s, e) { return codepoints(doc).slice(s, e).join(""); }
  function toPython(doc, js) { return Array.from(review.docs[doc].text.slice(0, js)).length; }
  /* The current selection inside one article's text as {doc, start, end} (whitespace trimmed). */
  function selected() {
    var sel = window.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    var node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentNode;
    var box = node && node.closest(".text");
    if (!box || !box.contains(range.endContainer)) { return null; }
    var doc = box.closest("section.article").id;
    if (!review.docs[doc]) { return null; }
    function offset(container, off) {
      var r = document.createRange();
      r.setStart(box, 0);
      r.setEnd(container, off);
      return r.toString().length;
    }
    var text = review.docs[doc].text;
    var a = offset(range.startContainer, range.startOffset), b = offset(range.endContainer, range.endOffset);
    while (a < b && /\s/.test(text[a])) { a += 1; }
    while (b > a && /\s/.test(text[b - 1])) { b -= 1; }
    if (a >= b) { return null; }
    return { doc: doc, start: toPython(doc, a), end: toPython(doc, b) };
  }
  function sentenceAt(doc, pos) {
    var found = null;
    review.docs[doc].sentences.forEach(function (s) { if (s[0] <= pos && pos < s[1]) { found = s; } });
    return found;
  }

  /* --- the corrected claims, as gold records -------------------------------------------------- */
  function docOf(anchor) { return anchor.replace(/-c\d+$/, "").replace(/^d/, "doc-"); }
  function withEdit(doc, base, e) {
    var r = JSON.parse(JSON.stringify(base));
    if (!e) { return r; }
    if (e.start !== undefined) {
      r.start = e.start; r.end = e.end;
      r.claim = r.quote = slice(doc, e.start, e.end);
      r.content_spans = [[e.start, e.end]];
    }
    if (e.modality !== undefined) { r.modality = e.modality; }
    if (e.speaker !== undefined) {
      var name = (e.speaker.name || "").trim();
      if (!name || name.toLowerCase() === "author") {
        r.speaker = null; r.speaker_spans = []; r.cue = null; r.cue_spans = [];
        r.attribution_type = "Author"; r.inner_source = null;
      } else if (name.toLowerCase() === "no source") {
        r.speaker = null; r.speaker_spans = []; r.attribution_type = "Attribution-no-source";
      } else {
        r.speaker = name; r.speaker_spans = e.speaker.span ? [e.speaker.span] : [];
        r.attribution_type = "Attribution";
      }
    }
    if (e.cue !== undefined && r.attribution_type !== "Author") {
      var cue = (e.cue.text || "").trim();
      r.cue = cue || null; r.cue_spans = cue && e.cue.span ? [e.cue.span] : [];
    }
    return r;
  }
  function blankRecord(doc, start, end) {
    return { claim: "", quote: "", speaker: null, cue: null, start: start, end: end, content_spans: [[start, end]],
      speaker_spans: [], cue_spans: [], attribution_type: "Author", inner_source: null, modality: "asserted" };
  }
  function current(anchor) {
    var doc = docOf(anchor);
    var mark = state.marks[anchor] || {};
    return withEdit(doc, review.docs[doc].claims[anchor], mark.edit);
  }
  function addedRecord(x) { return withEdit(x.doc, blankRecord(x.doc, x.start, x.end), x.edit); }
  function silenced(doc, r) {
    var mid = r.start + Math.floor((r.end - r.start) / 2);
    return (state.noclaim[doc] || []).some(function (s) { return s[0] <= mid && mid < s[1]; });
  }
  function goldRecords() {
    return Object.keys(review.docs).map(function (doc) {
      var d = review.docs[doc], claims = [];
      Object.keys(d.claims).forEach(function (anchor) {
        if ((state.marks[anchor] || {}).verdict === "wrong") { return; }
        var r = current(anchor);
        if (!silenced(doc, r)) { claims.push(r); }
      });
      state.added.forEach(function (x) { if (x.doc === doc) { claims.push(addedRecord(x)); } });
      claims.sort(function (x, y) { return x.start - y.start || x.end - y.end; });
      return { doc_id: d.doc_id, text: d.text, claims: claims };
    });
  }
  function stats() {
    var s = { claims: 0, checked: 0, right: 0, wrong: 0, corrected: 0, added: state.added.length, no_claim_sentences: 0 };
    Object.keys(review.docs).forEach(function (doc) {
      s.no_claim_sentences += (state.noclaim[doc] || []).length;
      Object.keys(review.docs[doc].claims).forEach(function (anchor) {
        var m = state.marks[anchor] || {};
        s.claims += 1;
        if (m.verdict || m.edit) { s.checked += 1; }
        if (m.verdict === "wrong") { s.wrong += 1; }
        else if (m.edit) { s.corrected += 1; }
        else if (m.verdict === "right") { s.right += 1; }
      });
    });
    return s;
  }
  function download(name, text, type) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function exportGold() {
    var lines = goldRecords().map(function (r) { return JSON.stringify(r) + "\n"; }).join("");
    download("gold-" + review.key + ".jsonl", lines, "application/x-ndjson");
  }
  function exportStats() {
    var s = stats();
    s.report = review.key;
    s.exported = new Date().toISOString();
    download("review-stats-" + review.key + ".json", JSON.stringify(s, null, 2) + "\n", "application/json");
  }

  /* --- page: toolbar, per-claim buttons, the edit panel ----------------------------------------- */
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) { n.textContent = text; }
    return n;
  }
  var bar = el("div", { "class": "review-bar", id: "review-bar" });
  var counter = el("span", { "class": "review-count" });
  var message = el("output", { "class": "review-msg", id: "review-msg" });
  var fileInput = el("input", { type: "file", accept: ".jsonl,.json", "class": "review-file" });
  [["export-gold", "export gold", exportGold], ["export-stats", "export stats", exportStats],
    ["load-gold", "load gold…", function () { fileInput.click(); }], ["undo", "undo (u)", undoLast]
  ].forEach(function (b) {
    var button = el("button", { type: "button", "data-action": b[0] }, b[1]);
    button.addEventListener("click", b[2]);
    bar.appendChild(button);
  });
  bar.insertBefore(counter, bar.firstChild);
  bar.appendChild(fileInput);
  bar.appendChild(message);
  bar.appendChild(el("span", { "class": "hint" }, "r right · w wrong · e edit · select text, then a add · n no claim here · u undo"));
  document.querySelector("header.top").appendChild(bar);
  function status(text) { message.textContent = text; }

  var panel = el("aside", { "class": "review-panel", id: "review-panel", hidden: "" });
  var title = el("h3", {}, "");
  panel.appendChild(title);
  var fields = {};
  function row(name, label, input, fromSelection) {
    var r = el("label", { "class": "review-row" }, label + " ");
    r.appendChild(input);
    fields[name] = input;
    if (fromSelection) {
      var b = el("button", { type: "button", "data-from-selection": name }, "← selection");
      b.addEventListener("mousedown", function (ev) { ev.preventDefault(); });  /* keep the selection */
      b.addEventListener("click", function () { takeSelection(name); });
      r.appendChild(b);
    }
    panel.appendChild(r);
  }
  row("speaker", "speaker", el("input", { type: "text", name: "speaker", placeholder: "author", list: "review-mentions" }), true);
  var mentions = el("datalist", { id: "review-mentions" });  /* choose a mention: the article's speakers */
  panel.appendChild(mentions);
  function offerMentions(doc) {
    while (mentions.firstChild) { mentions.removeChild(mentions.firstChild); }
    var seen = { author: true };
    Object.keys(review.docs[doc].claims).forEach(function (a) {
      var name = review.docs[doc].claims[a].speaker;
      if (name && !seen[name]) { seen[name] = true; mentions.appendChild(el("option", { value: name })); }
    });
    mentions.insertBefore(el("option", { value: "author" }), mentions.firstChild);
  }
  /* Where a typed or chosen name stands: its occurrence nearest the claim (Python offsets). */
  function nearest(doc, name, pos) {
    var text = review.docs[doc].text, best = null, at = text.indexOf(name);
    while (name && at >= 0) {
      var s = toPython(doc, at), d = Math.abs(s - pos);
      if (best === null || d < best[2]) { best = [s, s + Array.from(name).length, d]; }
      at = text.indexOf(name, at + 1);
    }
    return best ? [best[0], best[1]] : null;
  }
  row("cue", "cue", el("input", { type: "text", name: "cue" }), true);
  var modality = el("select", { name: "modality" });
  review.modalities.forEach(function (m) { modality.appendChild(el("option", { value: m }, m)); });
  row("modality", "modality", modality, false);
  row("evidence", "evidence", el("input", { type: "text", name: "evidence", readonly: "" }), true);
  var buttons = el("div", { "class": "review-row" });
  var save = el("button", { type: "button", "data-action": "save" }, "save (Enter)");
  var cancel = el("button", { type: "button", "data-action": "cancel" }, "cancel (Esc)");
  save.addEventListener("click", commit);
  cancel.addEventListener("click", close);
  buttons.appendChild(save);
  buttons.appendChild(cancel);
  panel.appendChild(buttons);
  document.body.appendChild(panel);
  var spans = {};  /* spans taken from selections while the panel is open */

  function takeSelection(name) {
    var s = selected();
    if (!s || s.doc !== editing.doc) { status("select words in this article's text first"); return; }
    spans[name] = [s.start, s.end];
    fields[name].value = slice(s.doc, s.start, s.end);
  }
  function open(target, record) {
    editing = target;
    spans = { evidence: [record.start, record.end] };
    if (record.speaker_spans.length) { spans.speaker = record.speaker_spans[0]; }
    if (record.cue_spans.length) { spans.cue = record.cue_spans[0]; }
    title.textContent = target.anchor ? "Correct claim" : "Add a claim";
    fields.speaker.value = record.attribution_type === "Author" ? "author"
      : record.attribution_type === "Attribution-no-source" ? "no source" : (record.speaker || "");
    fields.cue.value = record.cue || "";
    fields.modality.value = record.modality || "asserted";
    fields.evidence.value = slice(target.doc, record.start, record.end);
    offerMentions(target.doc);
    panel.hidden = false;
    fields.speaker.focus();
  }
  function close() { editing = null; panel.hidden = true; }
  function commit() {
    if (!editing) { return; }
    var target = editing, doc = target.doc;
    var name = fields.speaker.value.trim(), cueText = fields.cue.value.trim();
    var speakerSpan = spans.speaker && slice(doc, spans.speaker[0], spans.speaker[1]) === name
      ? spans.speaker : nearest(doc, name, spans.evidence[0]);
    var cueSpan = spans.cue && slice(doc, spans.cue[0], spans.cue[1]) === cueText
      ? spans.cue : nearest(doc, cueText, spans.evidence[0]);
    var edit = { start: spans.evidence[0], end: spans.evidence[1], modality: fields.modality.value,
      speaker: { name: fields.speaker.value, span: speakerSpan }, cue: { text: fields.cue.value, span: cueSpan } };
    change(function () {
      if (target.anchor) {
        var base = review.docs[doc].claims[target.anchor];
        var same = JSON.stringify(withEdit(doc, base, edit)) === JSON.stringify(withEdit(doc, base, null));
        state.marks[target.anchor] = same ? { verdict: "right" } : { verdict: "right", edit: edit };
      } else if (target.added) {
        state.added.forEach(function (x) { if (x.id === target.added) { x.edit = edit; x.start = edit.start; x.end = edit.end; } });
      } else {
        state.added.push({ id: "a" + state.next, doc: doc, start: edit.start, end: edit.end, edit: edit });
        state.next += 1;
      }
    });
    close();
    status(target.anchor ? "claim corrected" : "claim added");
  }

  function active() { return document.querySelector("li.claim.active, li.added.active"); }
  function verdict(anchor, v) {
    change(function () {
      var m = state.marks[anchor] || {};
      if (v === "wrong") { state.marks[anchor] = { verdict: "wrong" }; }
      else { m.verdict = "right"; state.marks[anchor] = m; }
    });
  }
  function addFromSelection() {
    var s = selected();
    if (!s) { status("select the claim's words in an article first"); return; }
    var r = blankRecord(s.doc, s.start, s.end);
    r.attribution_type = "Attribution";
    open({ doc: s.doc, add: true }, r);
  }
  function noClaimHere() {
    var s = selected(), item = active();
    var doc = s ? s.doc : item && item.getAttribute("data-anchor") ? docOf(item.getAttribute("data-anchor")) : null;
    var pos = s ? s.start : item && item.getAttribute("data-anchor") ? current(item.getAttribute("data-anchor")).start : null;
    var sentence = doc !== null ? sentenceAt(doc, pos) : null;
    if (!sentence) { status("select a sentence (or a claim) first"); return; }
    change(function () {
      var list = state.noclaim[doc] = state.noclaim[doc] || [];
      var at = list.findIndex(function (x) { return x[0] === sentence[0]; });
      if (at >= 0) { list.splice(at, 1); } else { list.push(sentence); }
    });
  }

  document.querySelectorAll("li.claim").forEach(function (li) {
    var anchor = li.getAttribute("data-anchor");
    if (!review.docs[docOf(anchor)] || !review.docs[docOf(anchor)].claims[anchor]) { return; }
    var tools = el("div", { "class": "review-tools" });
    [["right", "✓ right"], ["wrong", "✗ wrong"], ["edit", "✎ edit"]].forEach(function (b) {
      var button = el("button", { type: "button", "data-review": b[0] }, b[1]);
      button.addEventListener("click", function (ev) {
        ev.stopPropagation();
        if (b[0] === "edit") { open({ anchor: anchor, doc: docOf(anchor) }, current(anchor)); }
        else { verdict(anchor, b[0]); }
      });
      tools.appendChild(button);
    });
    tools.appendChild(el("div", { "class": "review-note" }));
    li.appendChild(tools);
  });

  function describe(r) {
    var who = r.attribution_type === "Author" ? "author" : r.speaker || "no source";
    return who + (r.cue ? " · " + r.cue : "") + " · " + (r.modality || "") + " · “" + r.claim + "”";
  }
  function render() {
    document.querySelectorAll("li.claim").forEach(function (li) {
      var anchor = li.getAttribute("data-anchor"), doc = docOf(anchor);
      if (!review.docs[doc] || !review.docs[doc].claims[anchor]) { return; }
      var m = state.marks[anchor] || {};
      var r = current(anchor);
      li.classList.toggle("rv-right", m.verdict === "right" && !m.edit);
      li.classList.toggle("rv-wrong", m.verdict === "wrong");
      li.classList.toggle("rv-corrected", !!m.edit && m.verdict !== "wrong");
      li.classList.toggle("rv-noclaim", silenced(doc, r));
      var note = li.querySelector(".review-note");
      note.textContent = m.edit && m.verdict !== "wrong" ? "corrected: " + describe(r) : silenced(doc, r) ? "no claim here" : "";
    });
    document.querySelectorAll("ol.added").forEach(function (ol) { ol.remove(); });
    Object.keys(review.docs).forEach(function (doc) {
      var mine = state.added.filter(function (x) { return x.doc === doc; });
      var col = document.querySelector("#" + doc + " .claims-col");
      if (!mine.length || !col) { return; }
      var ol = el("ol", { "class": "claims added" });
      mine.forEach(function (x) {
        var li = el("li", { "class": "added", "data-added": x.id, tabindex: "0" });
        li.appendChild(el("span", { "class": "badge rv-added" }, "added"));
        li.appendChild(el("span", { "class": "ctext" }, " " + describe(addedRecord(x))));
        var rm = el("button", { type: "button", "data-review": "remove" }, "remove");
        rm.addEventListener("click", function () {
          change(function () { state.added = state.added.filter(function (y) { return y.id !== x.id; }); });
        });
        var ed = el("button", { type: "button", "data-review": "edit" }, "✎ edit");
        ed.addEventListener("click", function () { open({ doc: doc, added: x.id }, addedRecord(x)); });
        li.appendChild(ed);
        li.appendChild(rm);
        ol.appendChild(li);
      });
      col.insertBefore(ol, col.firstChild);
    });
    var s = stats();
    counter.textContent = "review: " + s.checked + " of " + s.claims + " checked · " + s.right + " right · " +
      s.wrong + " wrong · " + s.corrected + " corrected · " + s.added + " added";
  }

  /* --- a gold file loaded into the page: where it and the claims differ ----------------------- */
  function overlap(a, b) { return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)); }
  function showGold(records) {
    var byId = {};
    records.forEach(function (r) { byId[r.doc_id] = r; });
    var differ = 0;
    document.querySelectorAll(".gold-diff-list").forEach(function (n) { n.remove(); });
    Object.keys(review.docs).forEach(function (doc) {
      var g = byId[review.docs[doc].doc_id];
      if (!g) { return; }
      var used = {};
      Object.keys(review.docs[doc].claims).forEach(function (anchor) {
        var r = current(anchor), li = document.getElementById("c-" + anchor);
        var hit = -1;
        g.claims.forEach(function (c, i) {
          if (!used[i] && hit < 0 && overlap(r, c) * 2 >= (c.end - c.start)) { hit = i; }
        });
        if (hit >= 0) { used[hit] = true; }
        var same = hit >= 0 && (g.claims[hit].speaker || "") === (r.speaker || "");
        if (li) {
          li.classList.toggle("gold-same", same);
          li.classList.toggle("gold-other", !same);
          li.title = hit < 0 ? "not in the loaded gold" : same ? "matches the loaded gold" :
            "gold speaker: " + (g.claims[hit].speaker || "author");
        }
        if (!same) { differ += 1; }
      });
      var missing = g.claims.filter(function (c, i) { return !used[i]; });
      differ += missing.length;
      if (missing.length) {
        var col = document.querySelector("#" + doc + " .claims-col");
        var ol = el("ol", { "class": "claims gold-diff-list" });
        missing.forEach(function (c) { ol.appendChild(el("li", { "class": "gold-missing" }, "in gold only: " + describe(c))); });
        col.appendChild(ol);
      }
    });
    status("loaded gold: " + records.length + " articles, " + differ + " differences");
  }
  fileInput.addEventListener("change", function () {
    var f = fileInput.files[0];
    if (!f) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      try {
        showGold(String(reader.result).split("\n").filter(function (l) { return l.trim(); }).map(JSON.parse));
      } catch (e) { status(f.name + ": not a gold JSONL file (" + e.message + ")"); }
    };
    reader.readAsText(f);
  });

  document.addEventListener("keydown", function (ev) {
    if (!panel.hidden && ev.key === "Escape") { close(); return; }
    if (!panel.hidden && ev.key === "Enter" && ev.target.closest("#review-panel")) { ev.preventDefault(); commit(); return; }
    if (ev.target.closest("select, input, textarea") || ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var item = active(), anchor = item && item.getAttribute("data-anchor");
    if (ev.key === "r" && anchor) { verdict(anchor, "right"); }
    else if (ev.key === "w" && anchor) { verdict(anchor, "wrong"); }
    else if (ev.key === "e" && anchor) { ev.preventDefault(); open({ anchor: anchor, doc: docOf(anchor) }, current(anchor)); }
    else if (ev.key === "a") { ev.preventDefault(); addFromSelection(); }
    else if (ev.key === "n") { noClaimHere(); }
    else if (ev.key === "u") { undoLast(); }
  });
  render();
  document.body.setAttribute("data-review", "1");
})();
