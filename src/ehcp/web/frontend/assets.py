"""Copy GOV.UK Frontend's compiled CSS, JavaScript and images from node_modules (installed by
`npm ci`) to where Django's static files finder looks.

The GDS Transport font is only for services on GOV.UK, so its @font-face rules are dropped
and the Design System's fallback, Arial, is used. Asset paths are pointed at STATIC_URL.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from django.conf import settings

FONT_FACE = re.compile(r"@font-face\{[^}]*\}")


class AssetsMissingError(RuntimeError):
    pass


def source_dir() -> Path:
    return Path(settings.NODE_MODULES) / "govuk-frontend" / "dist" / "govuk"


def install(target: Path | None = None) -> Path:
    source, target = source_dir(), Path(target or settings.GOVUK_ASSETS_DIR)
    if not (source / "govuk-frontend.min.css").exists():
        raise AssetsMissingError(f"{source} not found: run `npm ci` in the repository first.")
    target.mkdir(parents=True, exist_ok=True)
    css = (source / "govuk-frontend.min.css").read_text(encoding="utf-8")
    css = FONT_FACE.sub("", css).replace("url(/assets/", f"url({settings.STATIC_URL}govuk/assets/")
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    (target / "govuk-frontend.min.css").write_text(css, encoding="utf-8")
    js = (source / "govuk-frontend.min.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    (target / "govuk-frontend.min.js").write_text(js, encoding="utf-8")
    shutil.copytree(source / "assets" / "images", target / "assets" / "images", dirs_exist_ok=True)
    return target
