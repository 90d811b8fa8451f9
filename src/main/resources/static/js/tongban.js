// What every page shares (loaded by portal/layout, deferred; no inline script, as the content security policy wants):
// 1. After a failed submit, an error summary at the top of the page, with a link to each field in error, takes the
//    keyboard and the screen reader's attention; a page-level error alone (role="alert") takes it where no field is
//    marked. Without JavaScript the errors still stand beside their fields and the alert at the top.
// 2. The 复制 buttons of long identifiers (portal/copy :: value) copy the whole value and say so.
// Both run on load and after each htmx swap (ADR 0022).
(function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : '';
  }

  // The text of the error that belongs to a control: its aria-describedby target, else the .field-error beside it.
  function errorOf(control) {
    var ids = (control.getAttribute('aria-describedby') || '').split(/\s+/);
    for (var i = 0; i < ids.length; i++) {
      var e = ids[i] && document.getElementById(ids[i]);
      if (e && e.classList.contains('field-error')) return e;
    }
    if (control.matches('fieldset')) return control.querySelector('.field-error');
    // Else the first .field-error after the control (or the label wrapping it), before the next control.
    var start = control.closest('label') || control;
    for (var s = start.nextElementSibling; s; s = s.nextElementSibling) {
      if (s.classList.contains('field-error')) return s;
      if (s.matches('input,select,textarea,label,fieldset')) break;
    }
    return null;
  }

  // The field's name as the page shows it: its label, led by its fieldset's legend (a material, a group entry); a
  // radio button by its legend alone.
  function labelOf(control) {
    var set = control.closest('fieldset');
    var legend = set && set.querySelector('legend');
    var group = legend ? (legend.firstElementChild || legend).textContent.trim() : '';
    if (control.type === 'radio' && group) return group;
    var own = '';
    var l = control.id && document.querySelector('label[for="' + control.id + '"]');
    if (l) own = l.textContent.replace(/\s*\*\s*$/, '').trim();
    if (!own && control.closest('label')) own = control.closest('label').textContent.trim();
    if (group && own && own !== group) return group + ' · ' + own;
    return own || group;
  }

  function summarize() {
    var main = document.querySelector('main');
    if (!main) return;
    var old = document.getElementById('error-summary');
    if (old) old.remove();
    var items = [];
    main.querySelectorAll('[aria-invalid="true"]').forEach(function (c) {
      if (c.closest('[hidden]')) return;
      var target = c.matches('input,select,textarea') ? c : c.querySelector('input,select,textarea');
      if (!target) return;
      var error = errorOf(c);
      if (!target.id) return;
      // A fieldset in error is named by its own legend (a question of several inputs), not its first input's.
      var own = c.matches('fieldset') && c.querySelector(':scope > legend');
      var label = own ? own.textContent.trim() : labelOf(target);
      var text = error ? error.textContent.trim() : '';
      items.push({ id: target.id, text: label && text ? label + '：' + text : (text || label) });
    });
    if (!items.length) {
      var alert = main.querySelector('.notice.bad[role=alert], .field-error[role=alert]');
      if (alert && !alert.closest('[hidden]')) {
        alert.setAttribute('tabindex', '-1');
        alert.focus();
      }
      return;
    }
    var box = document.createElement('div');
    box.id = 'error-summary';
    box.className = 'error-summary';
    box.setAttribute('tabindex', '-1');
    box.setAttribute('aria-labelledby', 'error-summary-title');
    var title = document.createElement('h2');
    title.id = 'error-summary-title';
    title.textContent = meta('tongban-error-summary').replace('{0}', items.length);
    box.appendChild(title);
    var list = document.createElement('ul');
    items.forEach(function (it) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + it.id;
      a.textContent = it.text;
      a.addEventListener('click', function (e) {
        var field = document.getElementById(it.id);
        if (!field) return;
        e.preventDefault();
        var label = document.querySelector('label[for="' + it.id + '"]') || field;
        label.scrollIntoView({ block: 'start' });
        field.focus({ preventScroll: true });
      });
      li.appendChild(a);
      list.appendChild(li);
    });
    box.appendChild(list);
    main.insertBefore(box, main.firstChild);
    box.focus();
    box.scrollIntoView({ block: 'start' });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      area.remove();
      if (ok) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  function enableCopy(root) {
    root.querySelectorAll('button.copy[data-copy]').forEach(function (b) {
      if (b.dataset.ready) return;
      b.dataset.ready = 'true';
      b.hidden = false;
      var label = b.textContent;
      var status = b.parentElement.querySelector('.copy-status');
      b.addEventListener('click', function () {
        copyText(b.getAttribute('data-copy')).then(function () {
          b.textContent = b.getAttribute('data-copied');
          if (status) status.textContent = b.getAttribute('data-copied');
          setTimeout(function () {
            b.textContent = label;
            if (status) status.textContent = '';
          }, 3000);
        }, function () {
          if (status) status.textContent = b.getAttribute('data-failed');
        });
      });
    });
  }

  function start() {
    enableCopy(document);
    summarize();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
  document.addEventListener('htmx:afterSettle', function (e) {
    enableCopy(document);
    if (e.target && e.target.querySelector && e.target.querySelector('[aria-invalid="true"], .notice.bad')) summarize();
  });
})();
