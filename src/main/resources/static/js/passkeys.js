// Passkeys (WebAuthn): the phone's face or fingerprint unlock signs in to Tongban (刷脸).
// Speaks the JSON of Spring Security's endpoints: /webauthn/register/options, /webauthn/register,
// /webauthn/authenticate/options and /login/webauthn. Needs webauthn.js.
"use strict";
(() => {
  const { b64, post, assert } = window.TongbanWebAuthn;

  async function signIn(continueToSaved) {
    const result = await assert("/webauthn/authenticate/options", "/login/webauthn");
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
