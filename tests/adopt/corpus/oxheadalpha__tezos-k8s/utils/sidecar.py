#! /usr/bin/env python
from flask import Flask
import requests
from requests.exceptions import ConnectTimeout, ReadTimeout, RequestException
import datetime

import logging

log = logging.getLogger("werkzeug")
log.setLevel(logging.ERROR)

application = Flask(__name__)

AGE_LIMIT_IN_SECS = 600
# https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
# Default readiness probe timeoutSeconds is 1s, timeout sync request before that and return a
# connect timeout error if necessary
NODE_CONNECT_TIMEOUT = 0.9

@application.route("/is_synced")
def sync_checker():
    """
    Here we don't trust the /is_bootstrapped endpoint of
    octez-node. We have seen it return true when the node is
    in a bad state (for example, some crashed threads)
    Instead, we query the head block and verify timestamp is
    not too old.
    """
    try:
        r = requests.get("http://127.0.0.1:8732/chains/main/blocks/head/header", timeout=NODE_CONNECT_TIMEOUT)
    except ConnectTimeout as e:
        err = "Timeout connect to node, %s" % repr(e), 500
        application.logger.error(err)
        return err
    except ReadTimeout as e:
        err = "Timeout read from node, %s" % repr(e), 500
        application.logger.error(err)
        return err
    except RequestException as e:
        err = "Could not connect to node, %s" % repr(e), 500
        application.logger.error(err)
        return err

    header = r.json()
    if header["level"] == 0:
        # when chain has not been activated, bypass age check
        # and return successfully to mark as ready
        # otherwise it will never activate (activation uses rpc service)
        return "Chain has not been activated yet"
    timestamp = r.json()["timestamp"]
    block_age = datetime.datetime.utcnow() - datetime.datetime.strptime(
        timestamp, "%Y-%m-%dT%H:%M:%SZ"
    )
    age_in_secs = block_age.total_seconds()
    if age_in_secs > AGE_LIMIT_IN_SECS:
        err = (
            "Error: Chain head is %s secs old, older than %s"
            % (age_in_secs, AGE_LIMIT_IN_SECS),
            500,
        )
        application.logger.error(err)
        return err
    return "Chain is bootstrapped"


if __name__ == "__main__":
    application.run(host="0.0.0.0", port=31732, debug=False)
