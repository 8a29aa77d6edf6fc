// Progressive enhancement only. Tapping a passage in the annotated article follows its link to the
// note; browsers that open <details> on fragment navigation do the rest themselves, and this opens
// the note in those that don't. Without this file every link still works.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.cbc-passage");
  const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
  const note = target && target.closest("details");
  if (note) note.open = true;
});
