"""Drives the web app in headless Chromium for Tools/check-web; exits 1 on the first failure."""

import argparse
import json
import subprocess
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

args = argparse.ArgumentParser()
for name in ("url", "kijkglas", "ledger", "screenshots", "good", "bad"):
    args.add_argument("--" + name, required=True)
args = args.parse_args()
base = "{0.scheme}://{0.netloc}".format(urllib.parse.urlparse(args.url))

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=nl"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def heading():
    found = driver.find_elements(By.TAG_NAME, "h1")
    return found[0].text if found else "(no heading: " + driver.page_source[:300] + ")"


def shot(name):
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 800), 4000))
    driver.save_screenshot(f"{args.screenshots}/{name}.png")
    driver.set_window_size(1280, 1000)


def console_errors():
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def visit(path, name, title, content):
    driver.get(base + path)
    if heading() != title:
        fail(f"{path}: heading {heading()!r}, expected {title!r}")
    if content not in driver.page_source:
        fail(f"{path}: {content!r} not on the page")
    errors = console_errors()
    if errors:
        fail(f"{path}: the browser reports {errors}")
    shot(name)


def cli_count(day, known_at):
    command = [args.kijkglas, "count", "--on", day, "--format", "json", "--ledger", args.ledger]
    if known_at:
        command += ["--known-at", known_at]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)["pupils"]


def wait_until(condition, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    fail("waited in vain at " + driver.current_url)


def number(text):
    return int(text.replace(".", "").replace("+", ""))


try:
    driver.get(base + "/")
    if heading() != "Inloggen":
        fail("without logging in the overview did not send the browser to the login page")
    shot("00-inloggen")
    driver.get(args.url)
    if heading() != "Overzicht":
        fail(f"the token URL led to {heading()!r}, not the overview")

    visit("/", "01-overzicht", "Overzicht", "Per bereik")
    visit("/releases", "02-releases", "Releases", "Gecorrigeerde release")
    visit("/veranderd", "03-veranderd", "Wat is er veranderd", "Correcties van het verleden")
    visit("/tijdreis", "04-tijdreis", "Tijdreis", "Herzieningsdriehoek")
    visit("/trend?van=2021-08-01&tot=2022-07-31&per=category", "05-trend", "Trend", "<svg")
    visit("/controle", "06-controle", "Controle DUO-cijfers", "Oordeel")
    visit("/bestand", "07-bestand", "Bestand toevoegen", "sleep het bestand hierheen")

    # Tijdreis: change both dates in the form and compare with the command line.
    for day, known_at in (("2022-02-01", "2022-03-01"), ("2021-10-01", "2021-10-20"), ("2022-02-01", "")):
        driver.get(base + "/tijdreis")
        driver.execute_script(
            "document.getElementById('dag').value = arguments[0]; document.getElementById('bekend-op').value = arguments[1];",
            day, known_at)
        driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
        wait_until(lambda: f"dag={day}" in driver.current_url and driver.execute_script("return document.readyState") == "complete")
        shown = number(driver.find_element(By.ID, "telling").text)
        expected = cli_count(day, known_at)
        if shown != expected:
            fail(f"Tijdreis {day} as known at {known_at or 'today'}: the page shows {shown}, kijkglas count says {expected}")
        else:
            print(f"Tijdreis {day} as known at {known_at or 'today'}: {shown} pupils, as kijkglas count says")
    shot("04-tijdreis-veranderd")

    # A bad file: its problems, and nothing written.
    driver.get(base + "/bestand")
    driver.find_element(By.ID, "bestand").send_keys(args.bad)
    driver.find_element(By.CSS_SELECTOR, "#upload-form button").click()
    wait_until(lambda: not driver.current_url.endswith("/bestand") or "afgewezen" in driver.title)
    if heading() != "Bestand afgewezen" or "Problemen" not in driver.page_source:
        fail(f"the bad file led to {heading()!r} without its problems")
    shot("08-bestand-afgewezen")
    driver.get_log("browser")  # the 422 of the refused file is the expected answer

    # A good file: the preview, then the ingest and its outcome.
    driver.get(base + "/bestand")
    driver.find_element(By.ID, "bestand").send_keys(args.good)
    driver.find_element(By.CSS_SELECTOR, "#upload-form button").click()
    wait_until(lambda: "Controle van het bestand" in driver.title)
    if heading() != "Controle van het bestand" or "Geen problemen." not in driver.page_source:
        fail(f"the good file led to {heading()!r}")
    shot("09-bestand-controle")
    driver.find_element(By.XPATH, "//button[text()='Vastleggen in het grootboek']").click()
    wait_until(lambda: driver.title.startswith(("Vastgelegd", "Niet vastgelegd")), seconds=30)
    outcome = driver.find_element(By.ID, "uitkomst").text if heading() == "Vastgelegd" else ""
    if "R11" not in outcome:
        fail(f"the good file was not recorded as R11: {heading()!r} {outcome!r}")
    shot("10-bestand-vastgelegd")
    visit("/releases", "11-releases-na-toevoegen", "Releases", "R11")
finally:
    driver.quit()

if failures:
    sys.exit(1)
