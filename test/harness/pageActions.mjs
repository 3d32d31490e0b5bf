// Things an integration suite cannot do from inside the extension host but a person does in the
// workbench. A test asks for one by logging `[harness] <action>` (console.log in the extension
// host reaches the driver through codeAutomationLog); the driver performs it on the page. The
// test then waits for the effect it can see (for trust: vscode.workspace.isTrusted).
export const pageActions = {
  /** Clicks "Trust" in the Workspace Trust editor, which the test opened with `workbench.trust.manage`. */
  'trust the workspace': async (page) => {
    await page.locator('.workspace-trust-editor .workspace-trust-buttons .monaco-button').first().click({ timeout: 30_000 });
  },
};

/** The action a log line asks for, or undefined. */
export function requestedAction(line) {
  const match = /^\[harness\] (.+?)\s*$/.exec(line);
  return match !== null && Object.hasOwn(pageActions, match[1]) ? match[1] : undefined;
}
