// Shows a question only while the answer it depends on holds (the server drops hidden answers on submit anyway).
(function () {
  var form = document.getElementById('application');
  if (!form) return;
  function value(name) {
    var el = form.elements[name];
    if (!el) return '';
    if (el.type === 'checkbox') return el.checked ? 'true' : '';
    return el.value || '';
  }
  function update() {
    form.querySelectorAll('[data-show-if]').forEach(function (block) {
      var shown = value(block.getAttribute('data-show-if')) === block.getAttribute('data-show-value');
      block.hidden = !shown;
      block.querySelectorAll('input,select,textarea').forEach(function (el) { el.disabled = !shown; });
    });
  }
  form.addEventListener('change', update);
  update();
})();
