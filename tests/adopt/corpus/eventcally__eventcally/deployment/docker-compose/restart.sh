#!/bin/bash
set -e

docker compose restart
