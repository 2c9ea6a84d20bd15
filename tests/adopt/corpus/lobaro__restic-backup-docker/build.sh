#!/bin/sh

docker build --rm -t restic-backup .
