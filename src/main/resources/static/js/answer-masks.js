// The answer page: counts the masked passages ([[ ... ]]) of the letter as the case
// handler types; the server counts the same on every render (Redaction.count).
(function () {
  const text = document.getElementById('answerText');
  const count = document.getElementById('answer-masks');
  if (!text || !count) {
    return;
  }
  text.addEventListener('input', function () {
    const masks = (text.value.match(/\[\[[\s\S]+?]]/g) || []).length;
    count.textContent = count.dataset.template.replace('{0}', masks);
  });
})();
