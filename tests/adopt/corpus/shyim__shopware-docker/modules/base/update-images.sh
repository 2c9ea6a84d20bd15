#!/usr/bin/env bash

compose pull
compose up -d --remove-orphans
