#!/usr/bin/env bash

source ${SLACK_NOTIFIER_TEMPLATE}
${SLACK_NOTIFIER}