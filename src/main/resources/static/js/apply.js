// Shows a question only while the answer it depends on holds (the server drops hidden answers on submit anyway).
// Listens on the document, not on the form, because htmx swaps the form in place (ADR 0022).
(function () {
  function form() { return document.getElementById('application'); }
  function value(f, name) {
    var el = f.elements[name];
    if (!el) return '';
    if (el.type === 'checkbox') return el.checked ? 'true' : '';
    return el.value || '';
  }
  function update() {
    var f = form();
    if (!f) return;
    f.querySelectorAll('[data-show-if]').forEach(function (block) {
      var shown = value(f, block.getAttribute('data-show-if')) === block.getAttribute('data-show-value');
      block.hidden = !shown;
      block.querySelectorAll('input,select,textarea').forEach(function (el) { el.disabled = !shown; });
    });
  }
  document.addEventListener('change', function (e) { if (form() && form().contains(e.target)) update(); });
  // After an entry was added or removed, the button pressed is gone: put the keyboard in the group's last entry.
  var pressed = null;
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('#application button[name=_action]');
    pressed = b ? b.value : null;
  });
  document.addEventListener('htmx:afterSettle', function () {
    update();
    var action = pressed;
    pressed = null;
    if (!action || !(action.indexOf('add:') === 0 || action.indexOf('remove:') === 0)) return;
    var group = action.split(':')[1];
    var entries = document.querySelectorAll('#application fieldset[data-group="' + group + '"]');
    var last = entries[entries.length - 1];
    var field = last && last.querySelector('input:not([type=hidden]),select,textarea');
    if (field) field.focus();
  });
  update();
})();
