#!/usr/bin/env bash

# @file used in images tests

touch "${PWD}/walter-shell-stage"