import type { Response } from 'express';

/**
 * A plain page for a sign-in that did not work: no script, no style, nothing from elsewhere,
 * so it renders under any Content-Security-Policy. It links back to the login screen.
 */
export function sendSignInProblem(
  response: Response,
  status: number,
  title: string,
  message: string,
): void {
  response
    .status(status)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Referrer-Policy', 'no-referrer')
    .type('html')
    .send(
      `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in problem · ${escapeHtml(title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p id="problem">${escapeHtml(message)}</p>
<p><a href="/admin/">Back to the login screen</a></p>
</main>
</body>
</html>
`,
    );
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
