"""Fetch the latest "Education, health and care plans" release from Explore Education Statistics.

The content API gives the latest release's id; its "download all data" zip is
`{api}/releases/{id}/files?fromPage=ReleaseDownloads`. The fetcher is injectable so tests
never touch the network. A local file (already downloaded in a browser) is accepted too.
"""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from ehcp.stats.errors import StatsError

CONTENT_API = "https://content.explore-education-statistics.service.gov.uk/api"
PUBLICATION = "education-health-and-care-plans"
PUBLICATION_PAGE = (
    "https://explore-education-statistics.service.gov.uk/find-statistics/" + PUBLICATION
)
TIMEOUT_SECONDS = 30

Fetcher = Callable[[str], bytes]


def fetch_url(url: str) -> bytes:
    """GET a URL with a timeout; the default fetcher."""
    if not url.startswith(("https://", "http://")):
        raise StatsError(f"Only http(s) addresses can be downloaded, not {url}.")
    request = urllib.request.Request(url, headers={"User-Agent": "open-ehcp"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        return bytes(response.read())


def download_latest(folder: Path, *, api: str = CONTENT_API, fetch: Fetcher = fetch_url) -> Path:
    """Save the latest release zip into `folder` and return its path."""
    try:
        about = json.loads(fetch(f"{api}/publications/{PUBLICATION}/releases/latest"))
        release_id = str(about["id"])
        slug = str(about.get("slug") or about.get("yearTitle") or release_id)
        archive = fetch(f"{api}/releases/{release_id}/files?fromPage=ReleaseDownloads")
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise StatsError(_offline_message(api, error)) from error
    except (ValueError, KeyError, TypeError) as error:
        raise StatsError(
            f"Explore Education Statistics answered, but not as expected ({error})."
        ) from error
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{PUBLICATION}_{_safe(slug)}.zip"
    target.write_bytes(archive)
    return target


def copy_local(source: Path, folder: Path) -> Path:
    """Keep a copy of a release zip the user downloaded themselves."""
    if not source.is_file():
        raise StatsError(f"{source} is not a file.")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    if target.resolve() != source.resolve():
        shutil.copyfile(source, target)
    return target


def _offline_message(api: str, error: Exception) -> str:
    reason = getattr(error, "reason", error)
    return (
        f"Cannot reach Explore Education Statistics at {api} ({reason}). "
        f"Check the internet connection, or download 'all data' from {PUBLICATION_PAGE} "
        "in a browser and run: ehcp stats import PATH_TO_ZIP"
    )


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text).strip("-")
