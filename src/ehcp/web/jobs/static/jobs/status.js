// A job's page, with JavaScript: instead of reloading the whole page (the <noscript> meta
// refresh), fetch it every few seconds and replace only the job's status, which screen
// readers announce politely. Stops when the job has finished or the page says to stop.
const selector = "[data-job-status]";

async function poll() {
  const current = document.querySelector(selector);
  if (!current || !current.dataset.jobRefresh) return;
  const seconds = Number(current.dataset.jobRefresh);
  try {
    const response = await fetch(window.location.href, { credentials: "same-origin" });
    if (response.ok) {
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const next = page.querySelector(selector);
      if (next) {
        current.innerHTML = next.innerHTML;
        if (next.dataset.jobRefresh) {
          current.dataset.jobRefresh = next.dataset.jobRefresh;
        } else {
          delete current.dataset.jobRefresh;
          document.title = page.title;
          return;
        }
      }
    }
  } catch {
    // The server was away for a moment: try again at the next turn.
  }
  window.setTimeout(poll, seconds * 1000);
}

const first = document.querySelector(selector);
if (first && first.dataset.jobRefresh) {
  window.setTimeout(poll, Number(first.dataset.jobRefresh) * 1000);
}
