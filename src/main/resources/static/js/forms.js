// Every page: forms that change something cannot be sent twice, and irreversible steps
// open their confirmation as a modal dialog. Without JavaScript nothing here is needed:
// the confirmation is a step of its own (a link to the page with ?confirm=...), and a
// second submit is refused by the request's version.
(function () {
  // No double submit: once a POST form is on its way, its buttons are disabled and say so
  // (aria-busy). Disabled after the event, so the pressed button's name and value still
  // go with the form; enabled again when the page comes back from the browser's cache or
  // when nothing happened for a while (a download answers without leaving the page).
  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (event.defaultPrevented || (form.method || '').toLowerCase() !== 'post' || form.hasAttribute('data-resubmit')) {
      return;
    }
    const buttons = form.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]');
    setTimeout(function () {
      buttons.forEach(function (b) {
        b.disabled = true;
        b.setAttribute('aria-busy', 'true');
      });
      form.setAttribute('aria-busy', 'true');
    }, 0);
    setTimeout(function () { enable(form); }, 15000);
  });
  function enable(form) {
    form.removeAttribute('aria-busy');
    form.querySelectorAll('[aria-busy]').forEach(function (b) {
      b.disabled = false;
      b.removeAttribute('aria-busy');
    });
  }
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[aria-busy]').forEach(enable);
    }
  });

  // Confirmation dialogs: a link with data-confirm="<dialog id>" opens the dialog as a
  // modal (focus inside, Escape closes, focus back on the link); its cancel button closes it.
  document.querySelectorAll('a[data-confirm]').forEach(function (link) {
    const dialog = document.getElementById(link.dataset.confirm);
    if (!dialog || typeof dialog.showModal !== 'function') {
      return;
    }
    link.addEventListener('click', function (event) {
      event.preventDefault();
      if (dialog.open) {
        dialog.close();
      }
      dialog.showModal();
    });
    dialog.addEventListener('close', function () { link.focus(); });
  });
  document.querySelectorAll('dialog [data-close-dialog]').forEach(function (cancel) {
    cancel.addEventListener('click', function (event) {
      const dialog = cancel.closest('dialog');
      if (dialog.open && dialog.matches(':modal')) {
        event.preventDefault();
        dialog.close();
      }
    });
  });

  // Panels of secondary actions: one open at a time.
  document.querySelectorAll('details[data-one-open]').forEach(function (panel) {
    panel.addEventListener('toggle', function () {
      if (!panel.open) {
        return;
      }
      document.querySelectorAll('details[data-one-open][open]').forEach(function (other) {
        if (other !== panel && other.dataset.oneOpen === panel.dataset.oneOpen) {
          other.open = false;
        }
      });
    });
  });
})();

// "Select all on this page" (the inbox's bulk assignment): ticks or clears the rows' boxes
// of the same form; clearing one row clears it again, so that it never stands for rows no
// longer ticked. Without JavaScript the box alone says "every row of this page".
(function () {
  document.querySelectorAll('input[type=checkbox][data-select-all]').forEach(function (all) {
    const rows = function () {
      return document.querySelectorAll('input[type=checkbox][name="' + all.getAttribute('data-select-all')
        + '"][form="' + all.getAttribute('form') + '"]');
    };
    all.addEventListener('change', function () {
      rows().forEach(function (box) { box.checked = all.checked; });
    });
    rows().forEach(function (box) {
      box.addEventListener('change', function () {
        const boxes = Array.from(rows());
        all.checked = boxes.every(function (b) { return b.checked; });
      });
    });
  });
})();
