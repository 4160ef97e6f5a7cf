// The few HTML pages LTI needs (the launch page, the deep-linking picker, the auto-posted
// response, the end of a dynamic registration). They are shown inside the LMS's frame, so they
// replace the app-wide "never framed" headers with their own CSP; scripts come from our origin.
import type { Response } from 'express';
import type { LabSummary } from '@asynclab/contracts';
import type { LtiLaunchStateRow } from '@asynclab/database';
import { LTI_ROUTE_PREFIX } from './lti-urls';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * Any site may frame these pages: hosted LMSs frame tools from per-school hosts that a
 * registration does not name. They hold nothing but single-use tokens bound to one launch.
 */
function sendFramedPage(response: Response, title: string, body: string, options: { formAction?: string; script?: string } = {}): void {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    "img-src 'self'",
    `form-action ${options.formAction ?? "'self'"}`,
    "base-uri 'none'",
    'frame-ancestors *',
  ].join('; ');
  response.removeHeader('X-Frame-Options');
  response.setHeader('Content-Security-Policy', csp);
  response.setHeader('Cache-Control', 'no-store');
  const script = options.script ? `<script src="${LTI_ROUTE_PREFIX}/assets/${options.script}"></script>` : '';
  response
    .status(200)
    .type('html')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
        '<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:40rem}button,.button{font-size:1rem;padding:.5rem 1rem}</style>' +
        `</head><body>${body}${script}</body></html>`,
    );
}

/** After a launch: at the top level the script goes on to the lab; in a frame it offers a new window. */
export function sendLaunchPage(response: Response, where: { title: string; openUrl: string }): void {
  const open = escapeHtml(where.openUrl);
  sendFramedPage(
    response,
    `asynclab: ${where.title}`,
    `<main id="lti-launch" data-open-url="${open}"><h1>${escapeHtml(where.title)}</h1>` +
      `<p id="framed" hidden>asynclab opens in its own window, so that your work is saved to your account.</p>` +
      `<p><a class="button" id="open-lab" href="${open}" target="_blank" rel="noopener">Open ${escapeHtml(where.title)} in a new window</a></p></main>`,
    { script: 'launch.js' },
  );
}

/** The instructor's picker for a deep-linking request: labs of the catalog, a due date. */
export function sendPickerPage(
  response: Response,
  picker: { token: string; labs: LabSummary[]; multiple: boolean; defaultDue: string; course: string },
): void {
  const input = picker.multiple ? 'checkbox' : 'radio';
  const rows = picker.labs
    .map(
      (lab) =>
        `<li><label><input type="${input}" name="labIds" value="${escapeHtml(lab.id)}"> ${escapeHtml(lab.title)}` +
        ` <small>(chapter ${String(lab.chapter)}, ${escapeHtml(lab.difficulty)})</small></label></li>`,
    )
    .join('');
  sendFramedPage(
    response,
    'asynclab: pick labs',
    `<main><h1>Assign labs to ${escapeHtml(picker.course)}</h1>` +
      `<form id="picker" method="post" action="${LTI_ROUTE_PREFIX}/deep-link">` +
      `<input type="hidden" name="token" value="${escapeHtml(picker.token)}"><ul>${rows}</ul>` +
      `<p><label>Due <input type="date" name="dueDate" value="${escapeHtml(picker.defaultDue)}" required></label></p>` +
      `<p><button type="submit">Add to the course</button></p></form></main>`,
  );
}

/** Posts the signed LtiDeepLinkingResponse back to the platform (form_post, as the spec asks). */
export function sendDeepLinkReturnPage(response: Response, returnUrl: string, jwt: string, count: number): void {
  sendFramedPage(
    response,
    'asynclab: returning to your course',
    `<main><p>${String(count)} lab${count === 1 ? '' : 's'} added; returning to your course.</p>` +
      `<form id="autosubmit" method="post" action="${escapeHtml(returnUrl)}"><input type="hidden" name="JWT" value="${escapeHtml(jwt)}">` +
      '<noscript><button type="submit">Continue</button></noscript></form></main>',
    { formAction: new URL(returnUrl).origin, script: 'autosubmit.js' },
  );
}

export function sendRegisteredPage(response: Response, platformName: string): void {
  sendFramedPage(
    response,
    'asynclab: registered',
    `<main><h1>asynclab is registered with ${escapeHtml(platformName)}</h1><p>You can close this window.</p></main>`,
    { script: 'registered.js' },
  );
}

/** Login with lti_storage_target: puts state and nonce in the platform's storage, then goes to its auth URL. */
export function sendStorageLoginPage(
  response: Response,
  login: { url: string; state: string; nonce: string; storageTarget: string | null; platformOrigin: string },
): void {
  sendFramedPage(
    response,
    'asynclab: signing in',
    `<main id="lti-storage" data-target="${escapeHtml(login.storageTarget ?? '_parent')}" data-origin="${escapeHtml(login.platformOrigin)}"` +
      ` data-state="${escapeHtml(login.state)}" data-nonce="${escapeHtml(login.nonce)}" data-next="${escapeHtml(login.url)}">` +
      `<p>Signing in…</p><noscript><a href="${escapeHtml(login.url)}">Continue</a></noscript></main>`,
    { script: 'storage-login.js' },
  );
}

/** The launch of a login that used the platform's storage: reads the state back, then confirms. */
export function sendBindingPage(
  response: Response,
  page: { ticket: string; state: Pick<LtiLaunchStateRow, 'state' | 'nonce' | 'storageTarget'>; platformOrigin: string },
): void {
  sendFramedPage(
    response,
    'asynclab: checking the launch',
    `<main id="lti-binding" data-target="${escapeHtml(page.state.storageTarget ?? '_parent')}" data-origin="${escapeHtml(page.platformOrigin)}"` +
      ` data-state="${escapeHtml(page.state.state)}" data-nonce="${escapeHtml(page.state.nonce)}">` +
      `<form id="confirm" method="post" action="${LTI_ROUTE_PREFIX}/launch/confirm"><input type="hidden" name="ticket" value="${escapeHtml(page.ticket)}">` +
      '<input type="hidden" name="state" value=""></form>' +
      '<p id="unbound" hidden>This launch could not be confirmed in your browser: launch asynclab again from your course.</p></main>',
    { script: 'storage-launch.js' },
  );
}
