// Passkeys (WebAuthn) with Spring Security's endpoints: sign in (second-factor page) and
// add a passkey (sign-in security page). The CSRF header and token come from the button's
// data attributes; messages are in the page, so nothing here is language-specific.
(function () {
  "use strict";

  function decode(value) {
    const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "===".slice((base64.length + 3) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)).buffer;
  }

  function encode(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    bytes.forEach((b) => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  async function post(button, url, body) {
    const headers = { "Content-Type": "application/json" };
    headers[button.dataset.csrfHeader] = button.dataset.csrfToken;
    const response = await fetch(url, {
      method: "POST", headers: headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  function showError(message) {
    const error = document.getElementById("passkey-error");
    if (error) {
      if (message) {
        error.textContent = message;
      }
      error.hidden = false;
      error.focus();
    }
  }

  async function signIn(button) {
    const options = await post(button, "/webauthn/authenticate/options");
    options.challenge = decode(options.challenge);
    options.allowCredentials = (options.allowCredentials || []).map((c) => ({ ...c, id: decode(c.id) }));
    const credential = await navigator.credentials.get({ publicKey: options });
    const response = credential.response;
    const result = await post(button, "/login/webauthn", {
      id: credential.id,
      rawId: encode(credential.rawId),
      response: {
        authenticatorData: encode(response.authenticatorData),
        clientDataJSON: encode(response.clientDataJSON),
        signature: encode(response.signature),
        userHandle: response.userHandle ? encode(response.userHandle) : undefined
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!result.authenticated) {
      throw new Error("not authenticated");
    }
    window.location.href = result.redirectUrl;
  }

  async function register(button, label) {
    const options = await post(button, "/webauthn/register/options");
    options.challenge = decode(options.challenge);
    options.user = { ...options.user, id: decode(options.user.id) };
    options.excludeCredentials = (options.excludeCredentials || []).map((c) => ({ ...c, id: decode(c.id) }));
    const credential = await navigator.credentials.create({ publicKey: options });
    const response = credential.response;
    const result = await post(button, "/webauthn/register", {
      publicKey: {
        credential: {
          id: credential.id,
          rawId: encode(credential.rawId),
          response: {
            attestationObject: encode(response.attestationObject),
            clientDataJSON: encode(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        },
        label: label
      }
    });
    if (!result.success) {
      throw new Error("not registered");
    }
    window.location.reload();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const signInButton = document.getElementById("passkey-sign-in");
    if (signInButton) {
      signInButton.addEventListener("click", () => signIn(signInButton).catch(() => showError()));
    }
    const registerButton = document.getElementById("passkey-register");
    if (registerButton) {
      registerButton.addEventListener("click", () => {
        const label = document.getElementById("passkey-label").value.trim();
        if (!label) {
          showError(registerButton.dataset.labelRequired);
          return;
        }
        register(registerButton, label).catch(() => showError());
      });
    }
  });
}());
