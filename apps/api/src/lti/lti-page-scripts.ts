// The scripts of our LTI pages, served from /api/v1/lti/assets/<name>.js: the pages' CSP allows
// scripts from our own origin only (no inline script), as everywhere else in asynclab.
export const LTI_PAGE_SCRIPTS: Record<string, string> = {
  // The launch page: at the top level the browser can keep our cookie, so go straight on; inside
  // the LMS frame (third-party cookies blocked) offer the lab in its own window.
  'launch.js': `(function () {
  var launch = document.getElementById('lti-launch');
  if (!launch) return;
  if (window.top === window.self) { window.location.replace(launch.getAttribute('data-open-url')); return; }
  var framed = document.getElementById('framed');
  if (framed) framed.hidden = false;
})();
`,
  // Sends a prepared form (the deep-linking response to the platform) without a click.
  'autosubmit.js': `(function () {
  var form = document.getElementById('autosubmit');
  if (form) form.submit();
})();
`,
  // Dynamic registration is done: ask the platform to close its registration window or frame.
  'registered.js': `(function () {
  var target = window.opener || window.parent;
  if (target && target !== window) target.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
})();
`,
  // LTI client-side storage (login): put state and nonce in the platform's storage frame, then go
  // on to the platform's authorisation endpoint. A platform that does not answer is not waited for.
  'storage-login.js': `(function () {
  var page = document.getElementById('lti-storage');
  if (!page) return;
  var data = function (name) { return page.getAttribute('data-' + name); };
  var origin = data('origin'), target = data('target');
  var storage = target === '_parent' ? window.parent : (window.parent.frames[target] || window.parent);
  var waiting = {}, gone = false;
  function go() { if (!gone) { gone = true; window.location.replace(data('next')); } }
  window.addEventListener('message', function (event) {
    var message = event.data;
    if (event.origin !== origin || !message || message.subject !== 'lti.put_data.response') return;
    delete waiting[message.message_id];
    if (Object.keys(waiting).length === 0) go();
  });
  [['state', data('state')], ['nonce', data('nonce')]].forEach(function (item) {
    var id = item[0] + '-' + Math.random().toString(36).slice(2);
    waiting[id] = true;
    storage.postMessage({ subject: 'lti.put_data', message_id: id, key: item[0] + '_' + item[1], value: item[1] }, origin);
  });
  setTimeout(go, 3000);
})();
`,
  // LTI client-side storage (launch): read state and nonce back; only the browser that started the
  // login holds them, and only then is the launch confirmed.
  'storage-launch.js': `(function () {
  var page = document.getElementById('lti-binding');
  if (!page) return;
  var data = function (name) { return page.getAttribute('data-' + name); };
  var origin = data('origin'), target = data('target');
  var storage = target === '_parent' ? window.parent : (window.parent.frames[target] || window.parent);
  var expected = { state: data('state'), nonce: data('nonce') }, read = {}, ended = false;
  function fail() { if (!ended) { ended = true; document.getElementById('unbound').hidden = false; } }
  window.addEventListener('message', function (event) {
    var message = event.data;
    if (ended || event.origin !== origin || !message || message.subject !== 'lti.get_data.response') return;
    var name = String(message.message_id).split('-')[0];
    if (!(name in expected)) return;
    if (message.error || message.value !== expected[name]) { fail(); return; }
    read[name] = message.value;
    if (read.state && read.nonce) {
      ended = true;
      var form = document.getElementById('confirm');
      form.elements.state.value = read.state;
      form.submit();
    }
  });
  ['state', 'nonce'].forEach(function (name) {
    storage.postMessage({ subject: 'lti.get_data', message_id: name + '-' + Math.random().toString(36).slice(2), key: name + '_' + expected[name] }, origin);
  });
  setTimeout(fail, 5000);
})();
`,
};
