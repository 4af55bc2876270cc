"""The web page in a real headless Chromium (Debian's `chromium` + `chromium-driver`, driven by
Selenium): type a query, see the citation, open the paragraph view, copy the citation, take a
screenshot; markup inside a document never runs; the page fits a phone's width.

Skipped, saying why, where Chromium, its driver or Selenium is missing (`.ci/install-chromium.sh`
installs them). `PARACITE_SCREENSHOT=docs/screenshot.png` saves the screenshot for the README.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from live_server import LiveServer

CHROMIUM = os.environ.get("PARACITE_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("PARACITE_CHROMEDRIVER", "/usr/bin/chromedriver")


def _missing() -> str:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver; see .ci/install-chromium.sh)"
    if not (Path(DRIVER).exists() or shutil.which("chromedriver")):
        return f"no chromedriver at {DRIVER} (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install -e '.[test]')"
    return ""


pytestmark = pytest.mark.skipif(bool(_missing()), reason=_missing() or "ok")


@pytest.fixture(scope="module")
def server(serve_index):
    live = LiveServer(serve_index).start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}", "--window-size=1100,900"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER if Path(DRIVER).exists()
                                              else shutil.which("chromedriver")), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _wait(driver, css: str, timeout: float = 30):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_search_then_paragraph_then_copy(browser, server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(1100, 900)
    browser.get(server.url + "/")
    box = browser.find_element(By.ID, "q")
    assert browser.find_element(By.CSS_SELECTOR, "label[for=q]").text  # a label for screen readers
    box.send_keys("cost of sending money home", Keys.ENTER)
    first = _wait(browser, "ol.hits li.hit h2 a.citation")
    assert first.text == "A/69/207, para. 46"
    assert "/?q=cost+of+sending+money+home" in browser.current_url  # a link to share
    assert "Between 2009 and 2013" in browser.find_element(By.CSS_SELECTOR, "li.hit mark").text
    shot = tmp_path / "results.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    if os.environ.get("PARACITE_SCREENSHOT"):
        browser.save_screenshot(os.environ["PARACITE_SCREENSHOT"])

    first.click()
    heading = _wait(browser, "h1#cite")
    assert heading.text == "A/69/207, para. 46"
    assert browser.find_element(By.CSS_SELECTOR, "a[rel=prev]").text.startswith("← A/69/207, para. 45")
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.context")) == 2  # before and after
    copy = _wait(browser, "button.copy")
    WebDriverWait(browser, 30).until(lambda d: copy.is_displayed())  # app.js ran (CSP allows our own script file)
    copy.click()
    # The clipboard call answers asynchronously: wait for the status line rather than read it at once.
    WebDriverWait(browser, 30).until(lambda d: "A/69/207, para. 46" in d.find_element(By.ID, "copied").text)
    assert browser.save_screenshot(str(tmp_path / "paragraph.png"))


def test_keyboard_slash_focuses_the_search_box(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server.url + "/p/A/69/207/4")
    _wait(browser, "h1#cite")
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "q"
    browser.switch_to.active_element.send_keys("How many international migrants were there in 2013?")
    browser.find_element(By.ID, "do-ask").send_keys(Keys.ENTER)
    link = _wait(browser, ".answer-text a.citation")
    assert link.text == "[A/69/207, para. 4]"
    link.click()
    assert _wait(browser, "h1#cite").text == "A/69/207, para. 4"


@pytest.mark.parametrize("path", ["/?q=Atlantis+remittance+corridors", "/p/X/2026/1/1", "/p/X/2026/1/2"])
def test_markup_in_a_document_never_runs(browser, server, path):
    from selenium.webdriver.common.by import By

    browser.get(server.url + path)
    _wait(browser, "main")
    assert browser.execute_script("return window.__xss === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main b, main script")
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "<script>" in text or "<img src=x" in text  # shown, as text


def test_the_page_fits_a_phone(browser, server):
    browser.set_window_size(390, 844)
    try:
        browser.get(server.url + "/?q=remittances&k=5")
        _wait(browser, "ol.hits")
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
    finally:
        browser.set_window_size(1100, 900)


def test_the_body_field_picks_several_organs_at_phone_width(browser, tmp_path):
    """The Body field held one value though ``body`` repeats as alternatives: a second body typed
    there replaced the first. Its boxes, one per organ the index prints, pick several, by label,
    at 390 pixels, and the results and chips keep both (sixteenth session)."""
    import json

    from selenium.webdriver.common.by import By

    from ingest.models import Chunk
    from search.cli import main

    bodies = {"A/80/901": ["General Assembly"], "A/80/902": ["Economic and Social Council"],
              "A/80/903": ["Security Council", "Economic and Social Council Committee on Non-Governmental Organizations"]}
    for sym, organs in bodies.items():
        row = dict(Chunk(sym, "paragraph", 1, f"Report {sym} on the power grid.").to_dict(), symbols=[sym], bodies=organs)
        (tmp_path / f"{sym.replace('/', '_')}.jsonl").write_text(json.dumps(row) + "\n")
    assert main(["ingest", *map(str, sorted(tmp_path.glob("*.jsonl"))), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    live = LiveServer(tmp_path / "ix").start()
    browser.set_window_size(390, 844)
    try:
        browser.get(live.url + "/?q=power+grid")
        _wait(browser, "ol.hits")
        browser.find_element(By.CSS_SELECTOR, "details.filters summary").click()
        boxes = browser.find_elements(By.CSS_SELECTOR, "fieldset.bodies input[type=checkbox]")
        assert [b.get_attribute("value") for b in boxes][:2] == ["Economic and Social Council", "Economic and Social "
                                                                 "Council Committee on Non-Governmental Organizations"]
        assert browser.find_element(By.CSS_SELECTOR, "fieldset.bodies legend").text == "Body"
        for name in ("General Assembly", "Security Council"):  # a click on the label ticks its box
            browser.find_element(By.XPATH, f"//fieldset[@class='bodies']//label[normalize-space()='{name}']").click()
        assert browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        browser.find_element(By.ID, "do-search").click()
        _wait(browser, "ul.chips")
        cited = sorted(a.text for a in browser.find_elements(By.CSS_SELECTOR, "ol.hits h2 a.citation"))
        assert cited == ["A/80/901, para. 1", "A/80/903, para. 1"]
        chips = browser.find_element(By.CSS_SELECTOR, "ul.chips").text
        assert "Body: General Assembly" in chips and "Body: Security Council" in chips
        ticked = [b.get_attribute("value") for b in browser.find_elements(By.CSS_SELECTOR, "fieldset.bodies input:checked")]
        assert ticked == ["General Assembly", "Security Council"]
        assert browser.save_screenshot(str(tmp_path / "bodies-phone.png"))
    finally:
        browser.set_window_size(1100, 900)
        live.stop()


def test_filters_fold_on_a_phone_so_the_first_result_is_on_the_first_screen(browser, server):
    """With a filter in force the form opened, and at 390 pixels its eleven fields pushed the first
    result some 1,300 pixels down (sixteenth session's audit). On a phone it now folds (app.js), the
    chips and the summary's count say what is set, the first result starts within the first screen,
    and the folded filters still work: open them, add one, search. A wide screen keeps them open."""
    from selenium.webdriver.common.by import By

    def cited():
        return {a.text for a in browser.find_elements(By.CSS_SELECTOR, "ol.hits h2 a.citation")}

    browser.set_window_size(390, 844)
    try:
        browser.get(server.url + "/?q=migration&org=International+Organization+for+Migration")
        _wait(browser, "ol.hits li.hit")
        filters = browser.find_element(By.CSS_SELECTOR, "details.filters")
        assert filters.get_property("open") is False
        assert "(1 in force)" in filters.find_element(By.TAG_NAME, "summary").text
        assert "Organization: International Organization for Migration" in browser.find_element(
            By.CSS_SELECTOR, "ul.chips").text
        top, height = browser.execute_script(
            "return [document.querySelector('ol.hits li.hit').getBoundingClientRect().top, window.innerHeight]")
        assert 0 < top < height - 100, (top, height)  # the citation and the first lines of text show
        assert cited() == {"A/69/207, para. 1", "A/69/207, para. 46", "A/69/207, para. 47"}  # those naming IOM

        filters.find_element(By.TAG_NAME, "summary").click()
        org = browser.find_element(By.ID, "f-org")
        assert org.is_displayed()
        org.send_keys("World Bank")
        browser.find_element(By.ID, "do-search").click()
        _wait(browser, "ul.chips li:nth-child(2)")
        chips = browser.find_element(By.CSS_SELECTOR, "ul.chips").text
        assert "Organization: International Organization for Migration" in chips and "Organization: World Bank" in chips
        assert cited() == {"A/69/207, para. 46", "A/69/207, para. 47"}  # those naming both
        assert browser.find_element(By.CSS_SELECTOR, "details.filters").get_property("open") is False
        assert browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0

        browser.set_window_size(1100, 900)
        browser.get(server.url + "/?q=migration&org=International+Organization+for+Migration")
        _wait(browser, "ol.hits li.hit")
        assert browser.find_element(By.CSS_SELECTOR, "details.filters").get_property("open") is True
        assert browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    finally:
        browser.set_window_size(1100, 900)


def test_ask_with_a_search_only_field_set_answers_and_says_so(browser, server, tmp_path):
    """Ask submits the search form as it stands: with "newest first" picked, the ask page used to
    answer as if nothing had been picked (eighteenth session's audit); it answers and says the
    answer did not use the field, on a phone without sideways scrolling and on a wide screen."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    note = "“Sort” applies to a search's results; the answer did not use it."
    try:
        for width in (390, 1100):
            browser.set_window_size(width, 844 if width == 390 else 900)
            browser.get(server.url + "/?q=remittances")
            _wait(browser, "ol.hits")
            filters = browser.find_element(By.CSS_SELECTOR, "details.filters")
            if not filters.get_property("open"):
                filters.find_element(By.TAG_NAME, "summary").click()
            Select(browser.find_element(By.ID, "f-sort")).select_by_value("date")
            box = browser.find_element(By.ID, "q")
            box.clear()
            box.send_keys("How much did migrants save from lower remittance costs?")
            browser.find_element(By.ID, "do-ask").click()
            _wait(browser, "section.answer")
            assert "/ask?" in browser.current_url and "sort=date" in browser.current_url
            assert note in [p.text for p in browser.find_elements(By.CSS_SELECTOR, "p.note")]
            assert browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
            if os.environ.get("PARACITE_SCREENSHOT_DIR"):
                browser.save_screenshot(str(Path(os.environ["PARACITE_SCREENSHOT_DIR"]) / f"ask-sort-{width}.png"))
    finally:
        browser.set_window_size(1100, 900)
