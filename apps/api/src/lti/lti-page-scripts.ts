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
};
