// Confirms one act (claiming an enterprise) with a passkey assertion whose challenge the server bound to the act
// (ADR 0030, 0031). The button names the options and confirmation URLs; the answer names where to go.
"use strict";
(() => {
  const b64 = {
    encode(buffer) {
      return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      return Uint8Array.from(bin, (c) => c.charCodeAt(0)).buffer;
    },
  };

  function csrfHeaders() {
    const token = document.querySelector("meta[name=_csrf]");
    const header = document.querySelector("meta[name=_csrf_header]");
    return token && header ? { [header.content]: token.content } : {};
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", ...csrfHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }

  async function confirm(button) {
    const options = await post(button.dataset.options);
    options.challenge = b64.decode(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }));
    const credential = await navigator.credentials.get({ publicKey: options });
    const r = credential.response;
    const result = await post(button.dataset.confirm, {
      id: credential.id,
      rawId: b64.encode(credential.rawId),
      response: {
        authenticatorData: b64.encode(r.authenticatorData),
        clientDataJSON: b64.encode(r.clientDataJSON),
        signature: b64.encode(r.signature),
        userHandle: r.userHandle ? b64.encode(r.userHandle) : undefined,
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    window.location.href = result.redirect;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const button = document.getElementById("claim-confirm");
    if (!button) return;
    button.addEventListener("click", () => {
      button.disabled = true;
      confirm(button).catch((e) => {
        console.warn(e);
        button.disabled = false;
        const error = document.getElementById("claim-confirm-error");
        if (error) error.hidden = false;
      });
    });
  });
})();
