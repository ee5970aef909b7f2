// Front end of sourcecrit's annotator (anywidget, plain ES module, no build step).
//
// Every piece of article text and every explanation reaches the page through
// textContent or setAttribute, never as markup. The Python side owns the state: this
// module renders it and sends the student's actions as messages ({action: ...}).

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function words(text) {
  return Array.from(text.matchAll(WORD), (m) => [m.index, m.index + m[0].length]);
}

// Grow [a, b) (offsets into `text`) to whole words; null when no word is inside.
function snap(list, a, b) {
  const inside = list.filter(([s, e]) => s < b && e > a);
  return inside.length ? [inside[0][0], inside[inside.length - 1][1]] : null;
}

// Draw the child widgets named by `traits` (the offer to restore the browser's copy and
// the browser copy itself, see widgets/common.py) into `box`, through the widget manager.
async function drawChildren(model, traits, box) {
  const manager = model.widget_manager;
  if (!manager || typeof manager.create_view !== "function") return;
  for (const name of traits) {
    const ref = model.get(name);
    if (typeof ref !== "string" || !ref.startsWith("IPY_MODEL_")) continue;
    try {
      const child = await manager.get_model(ref.slice("IPY_MODEL_".length));
      const view = await manager.create_view(child);
      box.append(view.el);
    } catch (err) {
      // Not drawn in this front end: the answers are still saved on disk.
    }
  }
}

function render({ model, el }) {
  const local = { pending: null, cursor: -1, anchor: -1, chosen: -1 };
  // JupyterLab's command-mode shortcuts (1-6 make headings) must not eat our keys.
  const root = h("div", { class: "sc-annotator", "data-lm-suppress-shortcuts": "true" });
  const who = h("div", { class: "sc-ann-learner" });
  const palette = h("div", { class: "sc-ann-palette", role: "toolbar" });
  const article = h("div", {
    class: "sc-ann-article",
    tabindex: "0",
    role: "textbox",
    "aria-readonly": "true",
    "aria-label":
      "Article. Select words with the mouse, or with the arrow keys (Shift extends); press a number to label them.",
  });
  const mine = h("div", { class: "sc-ann-mine" });
  const controls = h("div", { class: "sc-ann-controls" });
  const message = h("div", { class: "sc-ann-message", role: "status" });
  const results = h("div", { class: "sc-ann-results" });
  const saving = h("div", { class: "sc-ann-saving" });
  root.append(who, palette, article, mine, controls, message, results, saving);
  el.append(root);
  drawChildren(model, ["restore_offer", "browser_copy"], saving);
  // Every ipywidgets view carries this class; tools that look for drawn widgets (and
  // ipywidgets' theme CSS) then treat the annotator as one.
  el.classList.add("jupyter-widgets");

  const send = (msg) => model.send(msg);
  const labels = () => model.get("labels");
  const editable = () => !model.get("committed") || model.get("revealed");
  const offset = () => model.get("offset");
  let wordList = words(model.get("text"));

  function labelIndex(name) {
    return labels().findIndex((l) => l.name === name);
  }

  function applyLabel(index) {
    const label = labels()[index];
    if (!label || !editable()) return;
    if (local.chosen >= 0) {
      send({ action: "relabel", index: local.chosen, label: label.name });
      local.chosen = -1;
    } else if (local.pending) {
      const [a, b] = local.pending;
      send({ action: "add", start: a + offset(), end: b + offset(), label: label.name });
      local.pending = null;
    }
    drawArticle();
  }

  // -- the learner's name --------------------------------------------------------------
  function drawLearner() {
    who.replaceChildren();
    if (model.get("needs_learner")) {
      const input = h("input", { type: "text", class: "sc-ann-name", placeholder: "Your name", maxlength: "100" });
      const go = () => send({ action: "learner", name: input.value });
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
      who.append(h("label", { text: "Who is working? " }), input, h("button", { class: "sc-ann-name-ok", text: "Save my work under this name", onclick: go }));
    } else if (model.get("learner")) {
      who.append(h("small", { text: `Working as ${model.get("learner")}. Saved as you go.` }));
    }
  }

  // -- palette -------------------------------------------------------------------------
  function drawPalette() {
    palette.replaceChildren(h("span", { class: "sc-ann-hint", text: "Label: " }));
    labels().forEach((label, i) => {
      palette.append(
        h("button", {
          class: `sc-ann-label sc-l${i}`,
          title: label.help,
          disabled: editable() ? false : "disabled",
          onclick: () => applyLabel(i),
          text: `${label.key} ${label.name}`,
        }),
      );
    });
  }

  // -- the article ---------------------------------------------------------------------
  function drawArticle() {
    const text = model.get("text");
    const base = offset();
    const spans = model.get("spans").map(([s, e, l]) => [s - base, e - base, l]);
    const refs = model.get("revealed") ? model.get("reference").map((r) => [r.start - base, r.end - base, r.label]) : [];
    const cuts = new Set([0, text.length]);
    for (const [s, e] of [...spans, ...refs]) { cuts.add(Math.max(0, s)); cuts.add(Math.min(text.length, e)); }
    if (local.pending) { cuts.add(local.pending[0]); cuts.add(local.pending[1]); }
    const points = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const seg = h("span", { "data-s": a, text: text.slice(a, b) });
      const mineHere = spans.map((sp, i) => [sp, i]).filter(([sp]) => sp[0] <= a && sp[1] >= b);
      const refHere = refs.filter((r) => r[0] <= a && r[1] >= b);
      const titles = [];
      if (mineHere.length) {
        // The innermost span decides the colour; the others are in the title.
        const [sp, i] = mineHere.reduce((x, y) => (y[0][1] - y[0][0] < x[0][1] - x[0][0] ? y : x));
        seg.classList.add("sc-mine", `sc-l${labelIndex(sp[2])}`);
        if (sp[1] === b) seg.setAttribute("data-tag", labels()[labelIndex(sp[2])]?.key ?? "");
        if (i === local.chosen) seg.classList.add("sc-chosen");
        seg.setAttribute("data-i", i);
        titles.push(...mineHere.map(([m]) => `yours: ${m[2]}`));
      }
      for (const r of refHere) {
        seg.classList.add("sc-ref", `sc-ref${labelIndex(r[2])}`);
        titles.push(`${model.get("reference_name")}: ${r[2]}`);
      }
      if (local.pending && local.pending[0] <= a && local.pending[1] >= b) seg.classList.add("sc-pending");
      if (titles.length) seg.setAttribute("title", titles.join("; "));
      nodes.push(seg);
    }
    article.replaceChildren(...nodes);
    article.classList.toggle("sc-locked", !editable());
  }

  function offsetOf(node, off) {
    // A point in the DOM to an offset into the shown text (null outside the article).
    if (!node || !article.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest("[data-s]");
      return seg ? Number(seg.dataset.s) + off : null;
    }
    if (node === article) {
      const child = article.childNodes[off];
      return child ? Number(child.dataset.s) : model.get("text").length;
    }
    const seg = node.closest ? node.closest("[data-s]") : null;
    if (!seg) return null;
    return Number(seg.dataset.s) + (off > 0 ? seg.textContent.length : 0);
  }

  // Where the mouse went down and up, as offsets read from the points themselves.
  function caretAt(x, y) {
    if (document.caretPositionFromPoint) {
      const p = document.caretPositionFromPoint(x, y);
      return p ? offsetOf(p.offsetNode, p.offset) : null;
    }
    const r = document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
    return r ? offsetOf(r.startContainer, r.startOffset) : null;
  }
  // The widget draws the selection itself (snapped to words as the pointer moves) instead
  // of the browser: a native selection drag autoscrolls the box near its edges and would
  // move the text away from under the pointer.
  let downAt = null;
  let frame = 0;
  article.addEventListener("mousedown", (e) => {
    if (e.button !== 0 || e.detail > 1) return;
    e.preventDefault();
    article.focus({ preventScroll: true });
    downAt = caretAt(e.clientX, e.clientY);
    // The button may come up outside the article: listen on the document, once.
    document.addEventListener("mouseup", finish, { once: true });
  });
  article.addEventListener("mousemove", (e) => {
    if (downAt === null || !(e.buttons & 1) || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const at = caretAt(e.clientX, e.clientY);
      if (at === null || at === downAt) return;
      local.pending = snap(wordList, Math.min(at, downAt), Math.max(at, downAt));
      drawArticle();
    });
  });
  function finish(e) {
    const [a, b] = [downAt, caretAt(e.clientX, e.clientY)];
    downAt = null;
    if (a === null || b === null) return drawArticle();
    if (a === b) {
      // A click: on one of the student's marks it picks that mark (to relabel or remove).
      const seg = e.target.closest ? e.target.closest("[data-i]") : null;
      local.chosen = seg ? Number(seg.dataset.i) : -1;
      local.pending = null;
    } else {
      local.pending = snap(wordList, Math.min(a, b), Math.max(a, b));
      local.chosen = -1;
    }
    drawArticle();
    drawMine();
  }

  article.addEventListener("dblclick", (e) => {
    const at = caretAt(e.clientX, e.clientY);
    if (at === null) return;
    local.pending = snap(wordList, at, at + 1) || snap(wordList, Math.max(0, at - 1), at);
    local.chosen = -1;
    window.getSelection()?.removeAllRanges();
    drawArticle();
  });

  article.addEventListener("keydown", (e) => {
    e.stopPropagation();
    const digit = labels().findIndex((l) => l.key === e.key);
    if (digit >= 0) { e.preventDefault(); applyLabel(digit); return; }
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      const step = e.key === "ArrowRight" ? 1 : -1;
      const next = Math.max(0, Math.min(wordList.length - 1, local.cursor + step));
      if (!e.shiftKey || local.anchor < 0) local.anchor = next;
      local.cursor = next;
      const [lo, hi] = [Math.min(local.anchor, next), Math.max(local.anchor, next)];
      local.pending = [wordList[lo][0], wordList[hi][1]];
      local.chosen = -1;
      drawArticle();
      article.querySelector(".sc-pending")?.scrollIntoView({ block: "nearest" });
    } else if ((e.key === "Delete" || e.key === "Backspace") && local.chosen >= 0 && editable()) {
      e.preventDefault();
      send({ action: "remove", index: local.chosen });
      local.chosen = -1;
    } else if (e.key === "Escape") {
      local.pending = null; local.chosen = -1; local.anchor = -1;
      drawArticle();
    }
  });

  // -- the student's spans as a list (relabel, remove) -----------------------------------
  function drawMine() {
    const spans = model.get("spans");
    const text = model.get("text");
    const base = offset();
    mine.replaceChildren();
    const title = model.get("revealed") ? "Your second version" : "Your marks";
    mine.append(h("div", { class: "sc-ann-title", text: `${title} (${spans.length})` }));
    const list = h("ol", { class: "sc-ann-list" });
    spans.forEach(([s, e, label], i) => {
      const select = h("select", { "aria-label": "label", disabled: editable() ? false : "disabled" });
      for (const l of labels()) select.append(h("option", { value: l.name, text: l.name, selected: l.name === label ? "selected" : false }));
      select.addEventListener("change", () => send({ action: "relabel", index: i, label: select.value }));
      list.append(
        h("li", { class: i === local.chosen ? "sc-chosen" : "" },
          h("span", { class: `sc-swatch sc-l${labelIndex(label)}`, text: "“" + text.slice(s - base, e - base) + "” " }),
          select,
          h("button", { class: "sc-ann-remove", text: "remove", disabled: editable() ? false : "disabled", onclick: () => send({ action: "remove", index: i }) }),
        ),
      );
    });
    mine.append(list);
  }

  // -- commit, reveal ----------------------------------------------------------------------
  function drawControls() {
    controls.replaceChildren();
    const committed = model.get("committed");
    const revealed = model.get("revealed");
    if (!committed) {
      const none = h("input", { type: "checkbox", class: "sc-ann-none", checked: model.get("none_found") ? "checked" : false, disabled: model.get("spans").length ? "disabled" : false });
      none.addEventListener("change", () => send({ action: "none_found", value: none.checked }));
      const ready = model.get("spans").length > 0 || model.get("none_found");
      controls.append(
        h("label", {}, none, h("span", { text: " I found none" })),
        h("button", { class: "sc-ann-commit", disabled: ready ? false : "disabled", onclick: () => send({ action: "commit" }), text: "Commit my answer" }),
        h("small", { text: ready ? " Your answer is kept as it is now; then you can compare." : " Mark at least one stretch, or tick “I found none”, to commit." }),
      );
    } else if (!revealed) {
      controls.append(
        h("button", { class: "sc-ann-reveal", onclick: () => send({ action: "reveal" }), text: `Reveal ${model.get("reference_name")}'s reading` }),
        h("button", { class: "sc-ann-uncommit", onclick: () => send({ action: "uncommit" }), text: "Change my answer first" }),
      );
    } else {
      const frozen = model.get("frozen");
      controls.append(h("div", { class: "sc-ann-frozen", text: `Your answer before the reveal (kept): ${frozen.length ? frozen.map(([s, e, l]) => `“${model.get("text").slice(s - offset(), e - offset())}” (${l})`).join(", ") : "I found none"}` }));
    }
  }

  // -- after the reveal -----------------------------------------------------------------
  const pct = (v) => (v === null || v === undefined ? "—" : `${Math.round(v * 100)}%`);

  function drawResults() {
    results.replaceChildren();
    if (!model.get("revealed")) return;
    const scores = model.get("scores");
    const legend = h("div", { class: "sc-ann-legend" },
      h("span", { class: "sc-mine sc-l0", text: "your mark (shaded)" }), " ",
      h("span", { class: "sc-ref sc-ref0", text: `${model.get("reference_name")}'s mark (underlined)` }));
    const table = h("table", { class: "sc-ann-scores" });
    table.append(h("tr", {}, ...["Label", "Yours (before)", `${model.get("reference_name")}`, "Of yours, how many it has too", "Of its, how many you found", "Agreement before the reveal", "Agreement now"].map((t) => h("th", { text: t }))));
    (scores.before?.labels || []).forEach((row, i) => {
      const now = scores.now.labels[i] || {};
      table.append(h("tr", { class: `sc-ann-score-${row.label}` }, ...[row.label, row.student, row.reference, pct(row.precision), pct(row.recall), pct(row.f1), pct(now.f1)].map((t) => h("td", { text: String(t) }))));
    });
    results.append(h("div", { class: "sc-ann-title", text: "How far you agree" }), legend, table,
      h("p", { class: "sc-ann-overall", text: `Overall agreement before the reveal: ${pct(scores.before?.f1)}; now: ${pct(scores.now?.f1)}.` }));
    const list = h("ol", { class: "sc-ann-review" });
    for (const row of model.get("review")) {
      const item = h("li", { class: `sc-ann-row sc-status-${row.status}`, "data-id": row.id ?? "" },
        h("b", { text: `“${row.quote}” ` }),
        h("span", { class: "sc-ann-tag", text: `[${row.label}] ` }),
        h("span", { class: "sc-ann-note", text: row.note }),
        h("div", { class: "sc-ann-why", text: `Why: ${row.explanation || "no explanation given"} · Confidence: ${row.confidence}` }));
      if (row.id) item.append(flagControl(row));
      list.append(item);
    }
    results.append(h("div", { class: "sc-ann-title", text: "Span by span (disagreements first)" }), list);
  }

  function flagControl(row) {
    const box = h("div", { class: "sc-ann-flag" });
    const who = model.get("reference_name");
    if (row.flag) {
      box.append(
        h("span", { class: "sc-ann-flagged", text: `⚑ You think ${who} is wrong here: ${row.flag}` }), " ",
        h("button", { class: "sc-ann-unflag", text: "withdraw", onclick: () => send({ action: "unflag", id: row.id }) }),
      );
    } else {
      const reason = h("input", { type: "text", class: "sc-ann-reason", maxlength: "200", placeholder: "why, in one line", "aria-label": "reason" });
      const go = () => send({ action: "flag", id: row.id, reason: reason.value });
      reason.addEventListener("keydown", (e) => { e.stopPropagation(); if (e.key === "Enter") go(); });
      box.append(h("button", { class: "sc-ann-flag-btn", text: `I think ${who} is wrong here`, onclick: go }), " ", reason);
    }
    return box;
  }

  function drawMessage() {
    message.textContent = model.get("message");
  }

  const all = () => { drawLearner(); drawPalette(); drawArticle(); drawMine(); drawControls(); drawResults(); drawMessage(); };
  all();
  const on = (names, fn) => names.forEach((n) => model.on(`change:${n}`, fn));
  on(["text"], () => { wordList = words(model.get("text")); drawArticle(); });
  on(["needs_learner", "learner"], drawLearner);
  on(["spans", "reference", "revealed", "committed"], () => { local.chosen = -1; drawArticle(); drawMine(); drawPalette(); });
  on(["spans", "none_found", "committed", "revealed", "frozen"], drawControls);
  on(["scores", "review", "revealed"], drawResults);
  on(["message"], drawMessage);
  return () => root.remove();
}

export default { render };
