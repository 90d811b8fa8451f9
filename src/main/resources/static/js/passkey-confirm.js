// Confirms one act (claiming an enterprise, an agent or a family grant) with a passkey assertion whose challenge the server bound to the act
// (ADR 0030). The button names the options and confirmation URLs; the answer names where to go. Needs webauthn.js.
"use strict";
(() => {
  document.addEventListener("DOMContentLoaded", () => {
    const button = document.getElementById("claim-confirm");
    if (!button) return;
    button.addEventListener("click", () => {
      button.disabled = true;
      window.TongbanWebAuthn.assert(button.dataset.options, button.dataset.confirm)
        .then((result) => { window.location.href = result.redirect; })
        .catch((e) => {
          console.warn(e);
          button.disabled = false;
          const error = document.getElementById("claim-confirm-error");
          if (error) error.hidden = false;
        });
    });
  });
})();
