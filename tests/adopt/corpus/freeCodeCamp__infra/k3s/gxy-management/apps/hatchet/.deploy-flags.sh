#!/usr/bin/env bash
export EXTRA_HELM_ARGS="-n artemis"
