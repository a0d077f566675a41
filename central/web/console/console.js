// SPDX-License-Identifier: GPL-3.0-or-later
// The console's only script: choosing a template fills the note it belongs to (still
// editable). Without it the pages work the same, the note starting from the first template.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!select.matches || !select.matches("select[data-fills]")) return;
  const note = document.getElementById(select.dataset.fills);
  if (note && select.value) note.value = select.value;
});

// The deputy's welcome page: the hand-over link carries its code in the fragment (never sent
// to the server); copy it into the form and drop it from the address bar.
document.addEventListener("DOMContentLoaded", () => {
  const field = document.getElementById("code");
  if (!field || !field.form || field.form.id !== "welcome-form" || !location.hash) return;
  field.value = decodeURIComponent(location.hash.slice(1));
  history.replaceState(null, "", location.pathname);
});

// The inbox's filters: open on a wide screen; on a phone folded under "筛选" so the first
// appeals show on the first screen (opened by a tap, or by itself while a filter is set).
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("filter-box");
  if (box && window.matchMedia("(min-width: 701px)").matches) box.open = true;
});

// A photo over the server's limit is refused here, in words, before minutes of uploading
// (the server checks again: the page says the same without this script).
document.addEventListener("submit", (event) => {
  const input = event.target.querySelector && event.target.querySelector("input[type=file][data-max-bytes]");
  if (!input || !input.files || !input.files.length) return;
  if (input.files[0].size <= Number(input.dataset.maxBytes)) return;
  event.preventDefault();
  const problem = document.getElementById("photo-problem");
  if (problem) {
    problem.textContent = input.dataset.tooLarge;
    problem.hidden = false;
  }
});

// The header's menus (<details>, usable without this script): one open at a time, closed by
// a tap elsewhere or by Escape (which gives the focus back to the menu's title).
document.addEventListener("toggle", (event) => {
  const menu = event.target;
  if (!menu.matches || !menu.matches("details.menu") || !menu.open) return;
  for (const other of document.querySelectorAll("details.menu[open]")) {
    if (other !== menu) other.open = false;
  }
}, true);
document.addEventListener("click", (event) => {
  for (const menu of document.querySelectorAll("details.menu[open]")) {
    if (!menu.contains(event.target)) menu.open = false;
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of document.querySelectorAll("details.menu[open]")) {
    menu.open = false;
    menu.querySelector("summary").focus();
  }
});
