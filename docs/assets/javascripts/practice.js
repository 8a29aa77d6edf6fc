// Practice pages: a running score on top of answers that work without this file (each answer is a
// <details> that says whether it matches ours). Nothing leaves the page and nothing is stored
// unless the learner presses "Save": the score lives in this tab's memory.
(() => {
  const root = document.querySelector(".cbc-practice");
  // The page says its words in its own language (data-text-* from the template, translated there).
  const say = (name, values = {}) => (root ? root.dataset[name] || "" : "").replace(/\{(\w+)\}/g, (_, k) => values[k]);
  if (!root) return;
  const key = "cbc-practice-" + root.dataset.practice;
  const score = root.querySelector("[data-score]");
  const answers = {};  // item id -> the first answer opened
  const flagging = (root.dataset.flagging || "").split(" ");  // answers that call a passage wrong

  const tally = () => {
    let answered = 0, matched = 0, hits = 0, flawed = 0, alarms = 0, sound = 0;
    for (const item of root.querySelectorAll(".cbc-item")) {
      const picked = answers[item.id];
      if (!picked) continue;
      answered++;
      if (picked === item.dataset.answer) matched++;
      const flags = flagging.includes(picked);
      if (item.dataset.group === "flawed") { flawed++; if (flags) hits++; }
      if (item.dataset.group === "sound") { sound++; if (flags) alarms++; }
    }
    const put = (name, value) => { const el = score.querySelector(`[data-score-${name}]`); if (el) el.textContent = value; };
    put("answered", answered); put("matched", matched); put("hits", hits); put("flawed-seen", flawed);
    put("alarms", alarms); put("sound-seen", sound);
    const bar = root.querySelector("[data-score-bar]");
    if (bar) {
      const values = { answered, total: root.dataset.total, matched, hits, flawed, alarms, sound };
      bar.textContent = say("textBar", values) + (root.dataset.practice === "verdicts" ? say("textBarVerdicts", values) : "");
    }
  };

  const pick = (item, choice) => {
    if (answers[item.id]) return;  // the first answer counts; others can still be opened to read
    answers[item.id] = choice.dataset.choice;
    item.classList.add("cbc-item--answered");
    choice.classList.add("cbc-choice--picked");
    for (const other of item.querySelectorAll(".cbc-choice[open]")) if (other !== choice) other.open = false;
    tally();
  };

  root.addEventListener("toggle", (event) => {
    const choice = event.target;
    if (!choice.matches || !choice.matches(".cbc-choice") || !choice.open) return;
    pick(choice.closest(".cbc-item"), choice);
  }, true);

  const save = score.querySelector("[data-save]"), forget = score.querySelector("[data-forget]");
  save.addEventListener("click", () => {
    try { localStorage.setItem(key, JSON.stringify(answers)); forget.hidden = false; save.textContent = say("textSaved"); }
    catch (e) { save.textContent = say("textNoSave"); }
  });
  forget.addEventListener("click", () => {
    try { localStorage.removeItem(key); } catch (e) { /* nothing was stored */ }
    forget.hidden = true; save.textContent = say("textSave");
  });
  let saved = null;
  try { saved = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
  if (saved && typeof saved === "object") {
    for (const [id, choiceId] of Object.entries(saved)) {
      const item = document.getElementById(id);
      const choice = item && item.querySelector(`.cbc-choice[data-choice="${CSS.escape(String(choiceId))}"]`);
      if (choice) { choice.open = true; pick(item, choice); }
    }
    forget.hidden = false;
  }
  tally();
})();
