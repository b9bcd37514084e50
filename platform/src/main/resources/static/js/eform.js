// E-form helpers: show a conditional field only when its condition holds, and add or remove rows of a list.
// Only convenience: the server validates every post, hidden fields included.
(function () {
  'use strict';

  function valueOf(form, name) {
    var inputs = form.querySelectorAll('[name="' + CSS.escape(name) + '"]');
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === 'checkbox') { return input.checked ? 'true' : 'false'; }
      if (input.type === 'radio') { if (input.checked) { return input.value; } continue; }
      return input.value;
    }
    return '';
  }

  function applyConditions(root) {
    root.querySelectorAll('[data-show-when]').forEach(function (field) {
      var when = JSON.parse(field.getAttribute('data-show-when'));
      var shown = Object.keys(when).every(function (name) { return valueOf(root, name) === String(when[name]); });
      field.hidden = !shown;
    });
  }

  function renumber(list) {
    var rows = list.querySelectorAll(':scope > .eform-rows > .eform-row');
    var min = parseInt(list.getAttribute('data-min-items') || '0', 10);
    var max = parseInt(list.getAttribute('data-max-items') || '0', 10);
    var title = list.querySelector(':scope > template').content.querySelector('legend').textContent;
    rows.forEach(function (row, i) {
      row.querySelector(':scope > legend').textContent = title + ' ' + (i + 1);
      var remove = row.querySelector(':scope > .eform-remove');
      remove.textContent = 'Xóa ' + title.toLowerCase() + ' ' + (i + 1);
      remove.disabled = rows.length <= Math.max(min, 1);
    });
    list.querySelector(':scope > .eform-add').disabled = max > 0 && rows.length >= max;
  }

  function addRow(list) {
    var index = parseInt(list.getAttribute('data-next-index'), 10);
    list.setAttribute('data-next-index', String(index + 1));
    var row = list.querySelector(':scope > template').content.firstElementChild.cloneNode(true);
    row.querySelectorAll('*').forEach(function (el) { rename(el, index); });
    rename(row, index);
    list.querySelector(':scope > .eform-rows').appendChild(row);
    renumber(list);
    var first = row.querySelector('input, select, textarea');
    if (first) { first.focus(); }
  }

  function rename(el, index) {
    ['id', 'name', 'for', 'aria-describedby', 'data-index', 'data-show-when'].forEach(function (attr) {
      var v = el.getAttribute(attr);
      if (v && v.indexOf('__i__') >= 0) { el.setAttribute(attr, v.split('__i__').join(String(index))); }
    });
  }

  function init(root) {
    root.querySelectorAll('.eform-array').forEach(renumber);
    applyConditions(root);
    root.addEventListener('change', function () { applyConditions(root); });
    root.addEventListener('click', function (e) {
      var target = e.target;
      if (target.classList.contains('eform-add')) {
        addRow(target.closest('.eform-array'));
        applyConditions(root);
      } else if (target.classList.contains('eform-remove')) {
        var list = target.closest('.eform-array');
        target.closest('.eform-row').remove();
        renumber(list);
        list.querySelector(':scope > .eform-add').focus();
      }
    });
  }

  function initAll() {
    document.querySelectorAll('.eform').forEach(function (root) {
      if (!root.hasAttribute('data-eform-ready')) { root.setAttribute('data-eform-ready', ''); init(root); }
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', initAll); } else { initAll(); }
  // htmx runs this script again with every swapped preview: keep one listener, the latest
  if (window.egovEformInit) { document.removeEventListener('htmx:afterSettle', window.egovEformInit); }
  window.egovEformInit = initAll;
  document.addEventListener('htmx:afterSettle', initAll);
})();
