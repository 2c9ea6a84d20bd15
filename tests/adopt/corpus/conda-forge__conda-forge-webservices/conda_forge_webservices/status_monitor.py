import os
import tempfile
import subprocess
import datetime
import pytz
import dateutil.parser
from ruamel.yaml import YAML
from ruamel.yaml.compat import StringIO
import requests
import json
import logging

import lxml.html
import cachetools

from conda_forge_webservices.tokens import get_app_token_for_webservices_only
from conda_forge_webservices.utils import with_action_url

LOGGER = logging.getLogger("conda_forge_webservices.status_monitor")

START_TIME = datetime.datetime.fromisoformat("2020-01-01T00:00:00+00:00")
TIME_INTERVAL = 60 * 5  # five minutes
NUM_HOURS_TO_SAVE = 12
NUM_STATUS_SLOTS = NUM_HOURS_TO_SAVE * 60 * 60 // TIME_INTERVAL

APP_DATA: dict = {
    "azure-pipelines": {
        "repos": cachetools.LRUCache(maxsize=128),
        "rates": cachetools.LRUCache(maxsize=NUM_STATUS_SLOTS),
    },
    "travis-ci": {
        "repos": cachetools.LRUCache(maxsize=128),
        "rates": cachetools.LRUCache(maxsize=NUM_STATUS_SLOTS),
    },
    "github-actions": {
        "repos": cachetools.LRUCache(maxsize=128),
        "rates": cachetools.LRUCache(maxsize=NUM_STATUS_SLOTS),
    },
    "appveyor": {
        "repos": cachetools.LRUCache(maxsize=128),
        "rates": cachetools.LRUCache(maxsize=NUM_STATUS_SLOTS),
    },
    "circleci": {
        "repos": cachetools.LRUCache(maxsize=128),
        "rates": cachetools.LRUCache(maxsize=NUM_STATUS_SLOTS),
    },
    "drone": {
        "repos": cachetools.LRUCache(maxsize=128),
        "rates": cachetools.LRUCache(maxsize=NUM_STATUS_SLOTS),
    },
}

STATUS_UPDATE_DELAY = 60
NOSTATUS = "No Status Available"
WEBS_STATUS_UPDATED = None
WEBS_STATUS_DATA = {
    "status": NOSTATUS,
    "updated_at": None,
}


def _make_time_key(uptime):
    dt = uptime.timestamp() - START_TIME.timestamp()
    return int(dt // TIME_INTERVAL)


# reload the cache
RELOAD_CACHE = True


def _reload_cache():
    print(" ", flush=True)
    print("!!!!!!!!!!!!!! RELOADING THE CACHE !!!!!!!!!!!!!!", flush=True)

    global APP_DATA

    try:
        data = requests.get(
            "https://raw.githubusercontent.com/conda-forge/"
            "conda-forge-status-monitor/"
            "main/data/latest.json"
        ).json()
    except Exception as e:
        print(e, flush=True)
        data = None

    if data is not None:
        for slug in APP_DATA:
            print(f"reloading data for {slug}", flush=True)

            if slug not in data:
                continue
            else:
                slug_data = data[slug]

            for repo in slug_data["repos"]:
                APP_DATA[slug]["repos"][repo] = slug_data["repos"][repo]

            for ts in slug_data["rates"]:
                t = datetime.datetime.fromisoformat(ts).astimezone(pytz.UTC)
                key = _make_time_key(t)
                APP_DATA[slug]["rates"][key] = slug_data["rates"][ts]

            print(f"    reloaded {len(APP_DATA[slug]['repos'])} repos", flush=True)
            print(f"    reloaded {len(APP_DATA[slug]['rates'])} rates", flush=True)
    else:
        print("could not get app cache!", flush=True)
    print("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!", flush=True)
    print(" ", flush=True)


if RELOAD_CACHE:
    _reload_cache()
    RELOAD_CACHE = False


class MyYAML(YAML):
    """dump yaml as string rippd from docs"""

    def dump(self, data, stream=None, **kw):
        inefficient = False
        if stream is None:
            inefficient = True
            stream = StringIO()
        YAML.dump(self, data, stream, **kw)
        if inefficient:
            return stream.getvalue()


def _make_est_from_time_key(key, iso=False):
    est = pytz.timezone("US/Eastern")
    fmt = "%Y-%m-%d %H:%M:%S %Z%z"
    dt = datetime.timedelta(seconds=key * TIME_INTERVAL)
    t = dt + START_TIME
    t = t.astimezone(est)
    if iso:
        return t.isoformat()
    else:
        return t.strftime(fmt)


def _make_report_data(iso=False):
    now = datetime.datetime.utcnow().replace(tzinfo=pytz.UTC)
    know = _make_time_key(now)

    report = {}
    for key in APP_DATA:
        rates = {}
        for k in range(know, know - NUM_STATUS_SLOTS, -1):
            tstr = _make_est_from_time_key(k, iso=iso)
            rates[tstr] = APP_DATA[key]["rates"].get(k, 0)

        total = sum(v for v in rates.values())

        report[key] = {
            "total": total,
            "rates": rates,
            "repos": {
                k: v
                for k, v in sorted(APP_DATA[key]["repos"].items(), key=lambda x: x[1])[
                    ::-1
                ]
            },
        }

    return report


def render_status_index():
    yaml = MyYAML()
    shell = f"""\
<!DOCTYPE html>
<html>
    <head>
        <title>conda-forge status data</title>
    </head>
    <body>
        <h2>conda-forge status data</h2>
        <pre>
{yaml.dump(_make_report_data(iso=False))}
        </pre>
  </body>
</html>
"""
    return shell


def dump_report_data(name=None):
    data = _make_report_data(iso=True)
    if name is None:
        return json.dumps(data)
    else:
        return json.dumps(data[name])


def get_azure_status():
    status_data = {}

    # always update azure
    try:
        r = requests.get("https://status.dev.azure.com", timeout=2)
        if r.status_code != 200:
            status_data["azure"] = NOSTATUS
        else:
            s = json.loads(
                lxml.html.fromstring(r.content).get_element_by_id("dataProviders").text
            )

            def _rec_search(d):
                if isinstance(d, dict):
                    if "health" in d and "message" in d:
                        return d["message"]
                    else:
                        for v in d.values():
                            if isinstance(v, dict):
                                val = _rec_search(v)
                                if val is not None:
                                    return val
                        return None
                else:
                    return None

            stat = _rec_search(s)

            if stat is None:
                stat = NOSTATUS

            status_data["status"] = stat
    except requests.exceptions.RequestException:
        status_data["status"] = NOSTATUS

    fmt = "%Y-%m-%d %H:%M:%S %Z%z"
    status_data["updated_at"] = (
        datetime.datetime.now().astimezone(pytz.UTC).strftime(fmt)
    )

    return json.dumps(status_data)


def get_docker_status():
    status_data = {}
    try:
        r = requests.get("https://www.dockerstatus.com/", timeout=2)
        if r.status_code != 200:
            status_data["status"] = NOSTATUS
        else:
            doc = lxml.html.document_fromstring(r.content)
            status = "All Systems Operational"
            for elem in doc.xpath("//p[contains(@class, 'component-status')]"):
                if elem.text.lower() != "operational":
                    status = "Partial System Outage"
                    break
            status_data["status"] = status
    except requests.exceptions.RequestException:
        status_data["status"] = NOSTATUS

    fmt = "%Y-%m-%d %H:%M:%S %Z%z"
    status_data["updated_at"] = (
        datetime.datetime.now().astimezone(pytz.UTC).strftime(fmt)
    )

    return json.dumps(status_data)


def update_data_status(event_data):
    global APP_DATA

    repo = event_data["repository"]["full_name"]

    if "circleci" in event_data["context"]:
        slug = "circleci"
    elif "appveyor" in event_data["context"]:
        slug = "appveyor"
    elif "travis" in event_data["context"]:
        slug = "travis-ci"
    elif "drone" in event_data["context"]:
        slug = "drone"
    else:
        LOGGER.warning("    context not found: %s", event_data["context"])
        return

    LOGGER.debug("    repo: %s", repo)
    LOGGER.debug("    app: %s", slug)
    LOGGER.debug("    state: %s", event_data["state"])

    if event_data["state"] in ["success", "failure", "error"]:
        LOGGER.debug("    updated_at: %s", event_data["updated_at"])

        uptime = dateutil.parser.isoparse(event_data["updated_at"])
        interval = _make_time_key(uptime)
        if interval not in APP_DATA[slug]["rates"]:
            APP_DATA[slug]["rates"][interval] = 0
        APP_DATA[slug]["rates"][interval] = APP_DATA[slug]["rates"][interval] + 1

        if repo not in APP_DATA[slug]["repos"]:
            APP_DATA[slug]["repos"][repo] = 0
        APP_DATA[slug]["repos"][repo] = APP_DATA[slug]["repos"][repo] + 1


def update_data_check_run(event_data):
    global APP_DATA

    repo = event_data["repository"]["full_name"]
    cs = event_data["check_run"]

    LOGGER.debug("    repo: %s", repo)
    LOGGER.debug("    app: %s", cs["app"]["slug"])
    LOGGER.debug("    action: %s", event_data["action"])
    LOGGER.debug("    status: %s", cs["status"])
    LOGGER.debug("    conclusion: %s", cs["conclusion"])

    if cs["app"]["slug"] in APP_DATA and cs["status"] == "completed":
        LOGGER.debug("    completed_at: %s", cs["completed_at"])
        key = cs["app"]["slug"]

        uptime = dateutil.parser.isoparse(cs["completed_at"])
        interval = _make_time_key(uptime)
        if interval not in APP_DATA[key]["rates"]:
            APP_DATA[key]["rates"][interval] = 0
        APP_DATA[key]["rates"][interval] = APP_DATA[key]["rates"][interval] + 1

        if repo not in APP_DATA[key]["repos"]:
            APP_DATA[key]["repos"][repo] = 0
        APP_DATA[key]["repos"][repo] = APP_DATA[key]["repos"][repo] + 1


def cache_status_data():
    if "CF_WEBSERVICES_TEST" in os.environ:
        return
    try:
        gh_token = get_app_token_for_webservices_only()

        # first pull down the data
        latest_data = requests.get(
            "https://services.conda-forge.org/status-monitor/db"
        ).json()

        # now update the repo
        with tempfile.TemporaryDirectory() as tmpdir:
            subprocess.run(
                (
                    f"cd {tmpdir} && git clone --depth=1 "
                    "https://github.com/conda-forge/conda-forge-status-monitor.git"
                ),
                shell=True,
                check=True,
                capture_output=True,
            )

            pth = os.path.join(tmpdir, "conda-forge-status-monitor")

            subprocess.run(
                f"cd {pth} && git remote set-url --push origin "
                f"https://x-access-token:{gh_token}@github.com/"
                "conda-forge/conda-forge-status-monitor.git",
                shell=True,
                check=True,
                capture_output=True,
            )

            os.makedirs(os.path.join(pth, "data"), exist_ok=True)

            with open(os.path.join(pth, "data", "latest.json"), "w") as fp:
                json.dump(latest_data, fp, indent=2)

            subprocess.run(
                f"cd {pth} && git add data/latest.json",
                shell=True,
                check=True,
                capture_output=True,
            )

            stat = subprocess.run(
                f"cd {pth} && git status",
                shell=True,
                check=True,
                capture_output=True,
            )
            status = stat.stdout.decode("utf-8")
            LOGGER.debug("    cache git status: %s", status)

            if "nothing to commit" not in status:
                LOGGER.info("    making status data commit")
                msg = with_action_url(
                    "[ci skip] "
                    "[skip ci] [cf admin skip] ***NO_CI*** "
                    f"status data update {datetime.datetime.utcnow().isoformat()} "
                )
                subprocess.run(
                    f"cd {pth} && git commit -m '{msg}'",
                    shell=True,
                    check=True,
                    capture_output=True,
                )

                subprocess.run(
                    f"cd {pth} && git push",
                    shell=True,
                    check=True,
                    capture_output=True,
                )
            else:
                LOGGER.info("    no status data to commit")
    except Exception as e:
        LOGGER.warning(f"    caching status data failed: {e!r}")
