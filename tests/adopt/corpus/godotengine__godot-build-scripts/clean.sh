#!/bin/bash

rm -rf godot*.tar.gz mono-glue out releases steam tmp web
git status
