// Counts down to the shown token's expiry. htmx fetches the next QR before then (the card's hx-trigger, ADR 0022)
// and swaps the card, so the countdown reads the expiry of whichever card is on the page.
(function () {
  setInterval(function () {
    var card = document.getElementById('show-card');
    var left = document.getElementById('seconds-left');
    if (!card || !left) return;
    var expires = Date.parse(card.getAttribute('data-expires'));
    left.textContent = Math.max(0, Math.round((expires - Date.now()) / 1000));
  }, 1000);
})();
