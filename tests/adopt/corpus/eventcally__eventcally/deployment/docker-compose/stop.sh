#!/bin/bash
set -e

docker compose stop