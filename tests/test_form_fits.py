"""The search form's lists and buttons show their words whole at a phone's, a small laptop's and a desktop's
width, in a real headless Chromium. The "Ranking" list read "meaning and keyw" at 800 and 1280 pixels: the
date fields' labels ("From date (YYYY-MM-DD)") widened the label column of the four-column form."""

from __future__ import annotations

import pytest

from test_serve_browser import _missing, browser, server  # noqa: F401 (the browser tests' fixtures)

# each visible list's widest choice (with the box's padding and ~20 px for its arrow) and each button's and
# label's text against its box; the lists are measured with every choice, since any may be picked
_CUT = r"""
const ctx = document.createElement('canvas').getContext('2d'), cut = [];
document.querySelector('details.filters').open = true;
for (const e of document.querySelectorAll('form select, form button, form label')) {
  const r = e.getBoundingClientRect();
  if (!r.width) continue;
  if (e.tagName === 'SELECT') {
    const st = getComputedStyle(e);
    ctx.font = st.font;
    const room = r.width - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 20;
    for (const o of e.options) if (ctx.measureText(o.text).width > room) cut.push(e.id + ': ' + o.text);
  } else if (e.scrollWidth > e.clientWidth + 1) cut.push(e.tagName + ': ' + e.textContent.trim());
}
return cut;
"""


@pytest.mark.skipif(bool(_missing()), reason=_missing() or "ok")
@pytest.mark.parametrize("width", [390, 800, 1280])
def test_every_list_choice_and_button_label_fits_its_box(browser, server, width):  # noqa: F811
    browser.set_window_size(width, 900)
    try:
        for path in ("/?q=remittance+costs", "/ask?q=What+do+remittances+cost%3F"):
            browser.get(server.url + path)
            assert browser.execute_script(_CUT) == [], (width, path)
    finally:
        browser.set_window_size(1100, 900)
