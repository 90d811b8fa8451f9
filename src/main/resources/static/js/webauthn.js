// What every passkey (WebAuthn) page shares: base64url, the CSRF header, a JSON POST, and one assertion (a signed
// challenge from the phone's face or fingerprint unlock) posted where the page says. Loaded before passkeys.js
// (sign-in, adding a passkey) and passkey-confirm.js (confirming one act, ADR 0030).
"use strict";
window.TongbanWebAuthn = (() => {
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

  // Asks optionsUrl for a challenge, has the authenticator sign it, posts the assertion to resultUrl, returns its answer.
  async function assert(optionsUrl, resultUrl) {
    const options = await post(optionsUrl);
    options.challenge = b64.decode(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }));
    const credential = await navigator.credentials.get({ publicKey: options });
    const r = credential.response;
    return post(resultUrl, {
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
  }

  return { b64, post, assert };
})();
