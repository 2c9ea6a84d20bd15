#!/usr/bin/env bash

rm -rf ~/rust*/build
