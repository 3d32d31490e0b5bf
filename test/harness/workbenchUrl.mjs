// The workbench URL that opens a folder and passes development options the way the
// desktop --extensionDevelopmentPath / --extensionTestsPath flags do.
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}
