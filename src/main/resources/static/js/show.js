// Keeps the licence QR fresh: a new token shortly before the shown one expires, with a countdown for the holder.
(function () {
  var card = document.getElementById('show-card');
  if (!card) return;
  var form = document.getElementById('disclosure');
  var left = document.getElementById('seconds-left');
  var expires = Date.parse(card.getAttribute('data-expires'));
  var csrf = document.querySelector('meta[name=_csrf]');
  var header = document.querySelector('meta[name=_csrf_header]');
  function refresh() {
    var body = new URLSearchParams(new FormData(form));
    var headers = { 'Accept': 'application/json' };
    if (csrf && header) headers[header.content] = csrf.content;
    fetch(card.getAttribute('data-token-url'), { method: 'POST', body: body, headers: headers, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (t) {
        document.getElementById('show-qr').innerHTML = t.svg;
        document.getElementById('show-token').value = t.token;
        expires = Date.parse(t.expiresAt);
      })
      .catch(function () { expires = Date.now() + 5000; });
  }
  setInterval(function () {
    var seconds = Math.max(0, Math.round((expires - Date.now()) / 1000));
    left.textContent = seconds;
    if (seconds <= 5) { expires = Date.now() + 60000; refresh(); }
  }, 1000);
})();
