"""Re-vendor GOV.UK Frontend: `python vendor.py PATH/TO/package/dist/govuk` (from `npm pack`).

    cd "$(mktemp -d)" && npm pack govuk-frontend@5 && tar xzf govuk-frontend-*.tgz
    python scrutiny/web/static/govuk/vendor.py package/dist/govuk
"""
import re
import sys
from pathlib import Path

src = Path(sys.argv[1])
here = Path(__file__).resolve().parent
css = (src / "govuk-frontend.min.css").read_text()
css = re.sub(r"@font-face\{[^}]*\}", "", css)
css = css.replace("font-family:GDS Transport,arial,sans-serif", "font-family:arial,sans-serif")
css = css.replace("url(/assets/", "url(assets/")
css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
(here / "govuk-frontend.min.css").write_text(css)
js = (src / "govuk-frontend.min.js").read_text()
(here / "govuk-frontend.min.js").write_text(re.sub(r"//# sourceMappingURL=.*", "", js))
