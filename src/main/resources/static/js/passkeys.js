// Passkeys (WebAuthn): the phone's face or fingerprint unlock signs in to Tongban (刷脸).
// Speaks the JSON of Spring Security's endpoints: /webauthn/register/options, /webauthn/register,
// /webauthn/authenticate/options and /login/webauthn.
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
      headers: { "Content-Type": "application/json", ...csrfHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  }

  async function signIn(continueToSaved) {
    const options = await post("/webauthn/authenticate/options");
    options.challenge = b64.decode(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }));
    const credential = await navigator.credentials.get({ publicKey: options });
    const r = credential.response;
    const result = await post("/login/webauthn", {
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
    if (!result.authenticated) throw new Error("not authenticated");
    // Land in the person's channel, or (on the step-up page) where the person was going.
    window.location.href = continueToSaved && result.redirectUrl ? result.redirectUrl : "/home";
  }

  async function register(label) {
    const options = await post("/webauthn/register/options");
    options.challenge = b64.decode(options.challenge);
    options.user = { ...options.user, id: b64.decode(options.user.id) };
    options.excludeCredentials = (options.excludeCredentials || []).map((c) => ({ ...c, id: b64.decode(c.id) }));
    const credential = await navigator.credentials.create({ publicKey: options });
    const r = credential.response;
    const result = await post("/webauthn/register", {
      publicKey: {
        credential: {
          id: credential.id,
          rawId: b64.encode(credential.rawId),
          response: {
            attestationObject: b64.encode(r.attestationObject),
            clientDataJSON: b64.encode(r.clientDataJSON),
            transports: r.getTransports ? r.getTransports() : [],
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment,
        },
        label,
      },
    });
    if (!result.success) throw new Error("registration refused");
  }

  function show(id) {
    const el = document.getElementById(id);
    if (el) el.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const signInButton = document.getElementById("passkey-signin");
    if (signInButton) {
      signInButton.addEventListener("click", () => signIn(signInButton.dataset.continue === "saved").catch((e) => { console.warn(e); show("passkey-error"); }));
    }
    const registerButton = document.getElementById("passkey-register");
    if (registerButton) {
      registerButton.addEventListener("click", () => {
        const label = (document.getElementById("passkey-label").value || "").trim() || "passkey";
        register(label)
          .then(() => { window.location.href = "/account?passkey=added"; })
          .catch((e) => { console.warn(e); show("passkey-register-error"); });
      });
    }
  });
})();
