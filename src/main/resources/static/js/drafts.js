// Drafts survive the end of a session. The text areas of a form marked data-draft are
// saved on the server as the person types (a second after the last key, with the form's
// CSRF token); a failed save means the session has ended, and the text is then kept in
// this tab (sessionStorage) as well. Sending such a form first checks the session: when it
// has ended, the text is kept and the page is opened again, which leads to the sign-in
// page and, once signed in, back here, where the draft is put back with a message.
(function () {
  const script = document.getElementById('drafts-script');
  const forms = document.querySelectorAll('form[data-draft]');
  if (!script || !forms.length) {
    return;
  }
  const url = script.dataset.url;
  const path = location.pathname;
  let ended = false;

  function key(field) { return 'draft:' + path + ':' + field.name; }
  function csrf(form) {
    const input = form.querySelector('input[name=_csrf]') || document.querySelector('input[name=_csrf]');
    return input ? input.value : '';
  }
  function status(form) {
    let p = form.querySelector('.draft-status');
    if (!p) {
      p = document.createElement('p');
      p.className = 'form-text draft-status';
      p.setAttribute('aria-live', 'polite');
      const button = form.querySelector('button[type=submit], button:not([type])');
      form.insertBefore(p, button);
    }
    return p;
  }
  function keepHere(field) {
    sessionStorage.setItem(key(field), JSON.stringify({ text: field.value, at: new Date().toISOString() }));
  }
  function save(form, field) {
    const body = new URLSearchParams({ path: path, field: field.name, text: field.value, _csrf: csrf(form) });
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (response.status === 204) {
          ended = false;
          sessionStorage.removeItem(key(field));
          status(form).textContent = script.dataset.saved.replace('{0}', new Date().toLocaleTimeString());
        }
        else {
          throw new Error('not saved');
        }
      })
      .catch(function () {
        ended = true;
        keepHere(field);
        status(form).textContent = script.dataset.ended;
      });
  }

  forms.forEach(function (form) {
    const fields = form.querySelectorAll('textarea[name]');
    fields.forEach(function (field) {
      let timer;
      field.addEventListener('input', function (event) {
        if (event.isTrusted) {
          field.dataset.touched = 'yes';
        }
        clearTimeout(timer);
        timer = setTimeout(function () { save(form, field); }, 1000);
      });
    });
    form.addEventListener('submit', function (event) {
      if (form.dataset.checked === 'yes') {
        return;
      }
      event.preventDefault();
      fetch(url + '?path=' + encodeURIComponent(path), { credentials: 'same-origin', redirect: 'manual' })
        .then(function (response) {
          if (response.status !== 200) {
            throw new Error('session ended');
          }
          // Signed in: the form goes; its drafts are done with.
          fields.forEach(function (field) {
            sessionStorage.removeItem(key(field));
            navigator.sendBeacon && navigator.sendBeacon(url,
              new URLSearchParams({ path: path, field: field.name, text: '', _csrf: csrf(form) }));
          });
          form.dataset.checked = 'yes';
          if (form.requestSubmit) {
            form.requestSubmit(event.submitter || undefined);
          }
          else {
            form.submit();
          }
        })
        .catch(function () {
          // The session has ended: keep the text, and sign in again on the way back here.
          fields.forEach(keepHere);
          status(form).textContent = script.dataset.ended;
          location.assign(location.pathname + location.search);
        });
    });
  });

  // Put back what was not sent: the newer of the server's draft and this tab's copy.
  fetch(url + '?path=' + encodeURIComponent(path), { credentials: 'same-origin', redirect: 'manual' })
    .then(function (response) { return response.status === 200 ? response.json() : []; })
    .catch(function () { return []; })
    .then(function (drafts) {
      forms.forEach(function (form) {
        form.querySelectorAll('textarea[name]').forEach(function (field) {
          let best = null;
          drafts.filter(function (d) { return d.field === field.name; }).forEach(function (d) {
            best = { text: d.body, at: d.savedAt };
          });
          const local = sessionStorage.getItem(key(field));
          if (local) {
            const kept = JSON.parse(local);
            if (!best || new Date(kept.at) > new Date(best.at)) {
              best = kept;
            }
          }
          // Never over what the person has typed since the page opened.
          if (best && best.text && best.text !== field.value && field.dataset.touched !== 'yes') {
            field.value = best.text;
            const panel = field.closest('details');
            if (panel) {
              panel.open = true;
            }
            field.dispatchEvent(new Event('input'));
            const note = document.createElement('div');
            note.className = 'alert alert-info draft-restored';
            note.setAttribute('role', 'status');
            note.textContent = script.dataset.restored.replace('{0}', new Date(best.at).toLocaleString());
            field.parentNode.insertBefore(note, field);
          }
        });
      });
    });
})();
