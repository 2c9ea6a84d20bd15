#!/usr/bin/env bash
set -xe

source common.sh
source utils.sh
source network.sh

generate_auth_template
