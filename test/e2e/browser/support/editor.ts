// Driving the CodeMirror editor the way a learner does: click a tab, go to a line with the
// editor's own "go to line" (Ctrl+Alt+G), type. The editor only renders the lines in view, so
// lines are reached through the editor, never by counting DOM nodes.
import type { Page } from 'playwright-core';

export async function openTab(page: Page, path: string): Promise<void> {
  await page.locator(`.file-tab[data-path="${path}"]`).click();
  await page.locator(`.file-tab[data-path="${path}"][aria-selected="true"]`).waitFor();
}

/** Puts the cursor on the (1-based) line, at the end of its indentation. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.locator('.editor-panel .cm-content').click();
  await page.keyboard.press('Control+Alt+g');
  const input = page.locator('.editor-panel .cm-goto-line input[name="line"]');
  await input.fill(String(line));
  await input.press('Enter');
  await page.keyboard.press('Home');
}

/** The text of the line the cursor is on. */
export async function currentLine(page: Page): Promise<string> {
  return page.locator('.editor-panel .cm-activeLine').innerText();
}

/** Pastes text at the cursor, as Ctrl+V would: one input, however long the text. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.locator('.editor-panel .cm-content').evaluate((content, pasted) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', pasted);
    content.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

/** Replaces the whole text of the open file: select all, then paste. */
export async function replaceText(page: Page, text: string): Promise<void> {
  await page.locator('.editor-panel .cm-content').click();
  await page.keyboard.press('Control+a');
  await pasteText(page, text);
}
