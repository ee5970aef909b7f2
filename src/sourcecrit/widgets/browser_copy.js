// sourcecrit's browser copy: mirrors a learner's work file into this browser's
// localStorage, so a Binder session that ends takes nothing with it.
// The Python side (browser_copy.py) sets `key` and `data` (a work file); on render this
// module reports what the browser holds in `stored`. Copies merge per item, the newest
// answer winning, so a fresh session never erases an older session's answers.
// Text reaches the DOM only through textContent.

function newest(a, b) {
  // Merge two work-file records of the same exercise or checklist, item by item.
  const times = Object.assign({}, a.times || {});
  const answers = Object.assign({}, a.answers || {});
  const bt = b.times || {};
  for (const item of Object.keys(bt)) {
    if (!(item in times) || String(bt[item]) >= String(times[item])) {
      times[item] = bt[item];
      if (b.answers && item in b.answers) answers[item] = b.answers[item];
      else delete answers[item];
    }
  }
  const seen = new Set();
  const events = [];
  for (const e of [...(a.events || []), ...(b.events || [])]) {
    const k = JSON.stringify(e);
    if (!seen.has(k)) { seen.add(k); events.push(e); }
  }
  return Object.assign({}, a, b, { answers, times, events });
}

function merged(stored, data) {
  if (!stored || !Array.isArray(stored.records)) return data;
  const byKey = new Map();
  for (const r of stored.records) byKey.set(r.checklist + "\u0000" + r.article, r);
  for (const r of data.records || []) {
    const k = r.checklist + "\u0000" + r.article;
    byKey.set(k, byKey.has(k) ? newest(byKey.get(k), r) : r);
  }
  // The checksum covers the Python side's canonical JSON, which a merge changes: the
  // copy is marked as merged here and its structure is checked again when restored.
  return Object.assign({}, data, {
    records: [...byKey.values()], checksum: null, merged_in_browser: true,
  });
}

function read(key) {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch (err) {
    return null;
  }
}

function render({ model, el }) {
  const note = document.createElement("span");
  note.className = "sc-browser-copy-note";
  note.style.fontSize = "smaller";
  note.style.color = "#57606a";
  el.appendChild(note);

  function report() {
    const key = model.get("key");
    if (!key) return;
    model.set("stored", read(key) || {});
    model.save_changes();
  }

  function write() {
    const key = model.get("key");
    const data = model.get("data");
    if (!key || !data || !Array.isArray(data.records) || data.records.length === 0) return;
    try {
      const copy = merged(read(key), data);
      window.localStorage.setItem(key, JSON.stringify(copy));
      note.textContent = "A copy of your answers is kept in this browser.";
    } catch (err) {
      note.textContent = "This browser would not keep a copy: download your work file to be safe.";
    }
  }

  model.on("change:key", () => { report(); write(); });
  model.on("change:data", write);
  report();
  write();
}

export default { render };
